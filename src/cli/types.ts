export interface CommandResult {
  code: number;
}

export interface Command {
  usage: string;
  run(argv: string[]): Promise<CommandResult>;
}
