import table from '../lexicon/truecase-words.json' with { type: 'json' };

/** How words are usually written in mixed-case running text (src/lexicon/truecase-words.json), read by both case views. */
export interface CaseWords {
  lower: Set<string>;
  capital: Set<string>;
  upper: Set<string>;
  /** Capitalised only before a word written with a capital ('Interstate Commerce', 'interstate coordination'). */
  beforeName: Set<string>;
  acronymMaxLength: number;
}

let cached: CaseWords | undefined;

export function caseWords(): CaseWords {
  return (cached ??= {
    lower: new Set(table.lower),
    capital: new Set([...table.capital, ...table.capitalBeside.words]),
    upper: new Set(table.upper),
    beforeName: new Set(table.capitalBeforeName.words),
    acronymMaxLength: table.acronymMaxLength,
  });
}

/** Lower case, character by character, keeping any character whose lower case has another length (offsets never move). */
export function lowerSameLength(s: string): string {
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}
