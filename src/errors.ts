/** Misuse of the API: a short typed error naming the bad value. */
export class SitrepOptionError extends TypeError {
  override name = 'SitrepOptionError';
}

/** A problem with one input document: names the file and the place. */
export class SitrepInputError extends Error {
  override name = 'SitrepInputError';
  constructor(
    message: string,
    readonly file: string,
    readonly ruleId: string,
    readonly place?: { line: number; column: number; offset?: number },
  ) {
    super(place ? `${file}:${place.line}:${place.column}: ${message}` : `${file}: ${message}`);
  }
}

/** Line and column (1-based) of an offset in a text. */
export function lineColumn(text: string, offset: number): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
