#!/usr/bin/env node
import { COMMANDS } from './cli/commands.js';
import { SitrepInputError, SitrepOptionError } from './errors.js';
import { PIPELINE_VERSION } from './version.js';

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `sitrep ${PIPELINE_VERSION}: conflict reporting in, annotated JSON and highlighted HTML out.

Usage: sitrep <command> [options]   (sitrep <command> --help for its options)

Commands:
${lines.join('\n')}
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${PIPELINE_VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    process.stderr.write(`sitrep: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return (await command.run(rest)).code;
  } catch (err) {
    if (err instanceof SitrepOptionError || err instanceof SitrepInputError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`sitrep ${name}: ${(err as Error).message}\n`);
      return 2;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`sitrep: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
