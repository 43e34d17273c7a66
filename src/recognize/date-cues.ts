import cues from '../lexicon/date-cues.json' with { type: 'json' };
import { alternation } from '../lexicon/word-set.js';

/**
 * The word lists of date-cues.json (data: each list has an id and a reason), and the one question
 * the recognizer asks of them at run time: does a clause look ahead?
 */

interface CueList {
  id: string;
  reason: string;
  words: string[];
}

const LISTS = new Map((cues.lists as CueList[]).map((l) => [l.id, l]));

export function cueWords(id: string): readonly string[] {
  const list = LISTS.get(id);
  if (!list) throw new Error(`src/lexicon/date-cues.json has no list \`${id}\``);
  return list.words;
}

/**
 * One alternation of whole words (any letter case, any white space inside a phrase), longest first.
 * The word-boundary look-arounds stand once around the alternation, not once per word: V8 compiles
 * each `\p{L}` of a case-insensitive Unicode pattern into a large character class, and with one per
 * word the first match of a long list cost a worker thread ~0.2 s of compiling. A word that starts
 * with a letter needs no letter before it; one that does not ("%") may follow anything.
 */
export function wordsPattern(id: string): string {
  const letterInitial: string[] = [];
  const other: string[] = [];
  for (const w of cueWords(id)) (/^\p{L}/u.test(w) ? letterInitial : other).push(w);
  const words = (ws: readonly string[]): string => alternation(ws).replace(/ /g, '\\s+');
  const groups = [...(letterInitial.length ? [`(?<![\\p{L}])(?:${words(letterInitial)})`] : []), ...(other.length ? [`(?:${words(other)})`] : [])];
  return `(?:${groups.join('|')})(?![\\p{L}])`;
}

const FUTURE_END = new RegExp(`(?:${wordsPattern('future-cue')})$`, 'iu');
const FUTURE = new RegExp(wordsPattern('future-cue'), 'iu');
/** Room for the longest future cue with some extra white space inside it. */
const LONGEST_CUE = Math.max(...cueWords('future-cue').map((w) => w.length)) + 8;
/** The last word of every future cue ("to" of "set to"): only there can a cue end. */
const CUE_LAST_WORDS = new Set(cueWords('future-cue').map((w) => w.toLowerCase().split(' ').pop()!.replace(/^['’]/, '')));
const BE = /^(?:be|been|being|is|are|was|were|get|gets|got|getting)$/i;
const PAST_WORD = new RegExp(`^(?:${wordsPattern('past-cue')})$`, 'iu');

/** Where a clause breaks: punctuation that ends or sets off a clause. */
const BREAK = /[;:!?()[\]—–]|\s-\s|\.\s/g;

/**
 * Whether the clause around `[start, end)` looks ahead. Looking back from the expression to the
 * last clause break in its sentence, the nearest cue decides: a future cue ("will", "set to",
 * "plans to", "until"…) looks ahead, a past one ("was", "said", a lower-case word in -ed that is not
 * a future cue) looks back. With neither, a future cue right after the expression up to the next
 * break ("a June 3 hearing has been scheduled") looks ahead; otherwise the past.
 */
export function looksAhead(text: string, sentenceStart: number, sentenceEnd: number, start: number, end: number): boolean {
  let before = text.slice(Math.max(sentenceStart, start - 160), start);
  let cut = 0;
  for (const m of before.matchAll(BREAK)) cut = m.index + m[0].length;
  before = before.slice(cut);
  const words = [...before.matchAll(/[\p{L}'’]+/gu)];
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i][0];
    const end = words[i].index + w.length;
    if (CUE_LAST_WORDS.has(w.toLowerCase()) && FUTURE_END.test(before.slice(Math.max(0, end - LONGEST_CUE), end))) return true;
    // A past form (a listed one, or a word in -ed) is past, unless it is a passive after a form of
    // "be" ("will be held", "should be completed", "is not agreed").
    if ((PAST_WORD.test(w) || /^\p{Ll}\p{L}{2,}ed$/u.test(w)) && !words.slice(Math.max(0, i - 2), i).some((x) => BE.test(x[0]))) return false;
  }
  // After it, only up to the next break or the start of another clause ("announced Friday that it will…").
  const after = text.slice(end, Math.min(sentenceEnd, end + 40));
  const stop = after.search(/[,;:!?()[\]—–.]|\s(?:that|to|which|who|when|after|before|in order)\s/);
  return FUTURE.test(stop >= 0 ? after.slice(0, stop) : after);
}
