/**
 * compromise's sentence splitter, followed by a cut of every "sentence" longer than MAX_CHARS into
 * pieces of at most about that size: compromise's tagger and matcher cost more than linear in the
 * length of a sentence, and a run-on line of a megabyte (a transcript, a table dump) would hold a
 * worker for hours. Sentences of prose are far shorter, so their parse is unchanged.
 */

/** A sentence longer than this (UTF-16 units) is handed to compromise in pieces (the longest of the Brown corpus has 1,876). */
export const MAX_CHARS = 4000;

/** Where a long sentence may be cut, best first; a cut goes after the mark and the white space after it. */
export const CUT_MARKS: readonly { mark: RegExp; reason: string }[] = [
  { mark: /[\n\r]/, reason: 'a line break: a table row or a transcript line' },
  { mark: /[;]/, reason: 'a semicolon joins clauses that parse on their own' },
  { mark: /[,:]/, reason: 'a comma or colon: the next best clause boundary' },
  { mark: /\s/, reason: 'white space: between two terms, never inside one' },
];

/** A piece shorter than this share of MAX_CHARS is not worth a cut at a better mark. */
const MIN_SHARE = 0.5;

const WHITE = /\s/;

/**
 * `sentence` cut into pieces that join back to it, each at most MAX_CHARS long except where one
 * token alone is longer (a token is never cut). Linear: each window is scanned once per mark.
 */
export function cutLongSentence(sentence: string, max = MAX_CHARS): string[] {
  if (sentence.length <= max) return [sentence];
  const out: string[] = [];
  let pos = 0;
  while (sentence.length - pos > max) {
    const end = pos + max;
    let cut = -1;
    for (const { mark } of CUT_MARKS) {
      for (let i = end - 1; i >= pos + max * MIN_SHARE; i--) {
        if (mark.test(sentence[i])) {
          cut = i + 1;
          break;
        }
      }
      if (cut !== -1) break;
    }
    // No white space in the window's second half: cut after the token that crosses it.
    if (cut === -1) {
      cut = end;
      while (cut < sentence.length && !WHITE.test(sentence[cut])) cut++;
    }
    while (cut < sentence.length && WHITE.test(sentence[cut])) cut++;
    out.push(sentence.slice(pos, cut));
    pos = cut;
  }
  if (pos < sentence.length) out.push(sentence.slice(pos));
  return out;
}

type SplitSentences = (text: string, world: unknown) => string[];

/** Wrap compromise's `splitSentences` so that long sentences come out in pieces. */
export function installSentenceCuts(nlp: unknown): void {
  const tokenize = (nlp as { _world: { methods: { one: { tokenize: { splitSentences: SplitSentences } } } } })._world.methods.one.tokenize;
  const split = tokenize.splitSentences;
  tokenize.splitSentences = (text, world) => {
    const sentences = split(text, world);
    if (!sentences.some((s) => s.length > MAX_CHARS)) return sentences;
    return sentences.flatMap((s) => cutLongSentence(s));
  };
}
