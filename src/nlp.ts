import { createRequire } from 'node:module';
import type compromise from 'compromise';
import { installNarrowedMatch } from './compromise-match.js';
import { installSweep } from './compromise-sweep.js';
import { installSentenceCuts } from './compromise-chunks.js';
import { patchesFit } from './compromise-version.js';

const require = createRequire(import.meta.url);

/**
 * The one compromise instance, shared by every recognizer: one parse per document. It carries no
 * plugin: compromise-dates makes every parse about a third slower (measured by `npm run bench`),
 * and no pipeline component calls `.dates()` (dates come from our own grammar, src/recognize/dates.ts).
 *
 * It is compromise's one-file CommonJS build, the same version and code as its ES module source, which
 * is 456 files: every worker thread of a batch loads compromise anew, and the one file loads in about
 * half the time (0.12 s instead of 0.23 s a thread, measured here), with the same parse speed.
 */
export const nlp = require('compromise') as typeof compromise;

/**
 * compromise's compute steps that no recognizer reads, left out of every parse. `chunks` groups
 * terms into noun and verb phrases for `.nouns()`, `.verbs()` and the `<Noun>` match syntax: sitrep
 * calls none of them (events build their own phrases, src/events/chunks.ts) and the step sets no tag,
 * yet it took 9% of each parse on the bench corpus (test/recognize/nlp-instances.test.ts checks that
 * the tags are the same without it). A component that needs it can run `doc.compute('chunks')`.
 */
export const SKIPPED_HOOKS: readonly string[] = ['chunks'];
{
  const world = (nlp as unknown as { _world: { hooks: string[] } })._world;
  world.hooks = world.hooks.filter((h) => !SKIPPED_HOOKS.includes(h));
}
// A run-on sentence is parsed in pieces of bounded length (src/compromise-chunks.ts); prose is unchanged.
installSentenceCuts(nlp);
// Patches of compromise's internals, only on the version they were checked against (src/compromise-version.ts).
if (patchesFit((nlp as unknown as { version?: string }).version)) {
  // The same matches as compromise's own sweep, found in a fraction of its time (src/compromise-sweep.ts).
  installSweep(nlp);
  // The same matches as compromise's matcher, tried only where a pattern's leading steps can match (src/compromise-match.ts).
  installNarrowedMatch(nlp);
}

const GIVEN_NAME_TAGS = new Set(['FemaleName', 'MaleName', 'FirstName']);
const LEXICON = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;

/** The tags compromise's lexicon gives a word, whatever a parse made of it. */
function lexiconTags(word: string): (string | undefined)[] {
  const tag = LEXICON[word.toLowerCase()];
  return Array.isArray(tag) ? tag : [tag];
}

/** Is the word a given name in compromise's lexicon (tagged FemaleName, MaleName or FirstName), whatever a parse made of it? */
export function lexiconGivenName(word: string): boolean {
  return lexiconTags(word).some((t) => t !== undefined && GIVEN_NAME_TAGS.has(t));
}

/** The gender compromise's lexicon gives a given name ('John' male, 'Mary' female), if it gives one and only one. */
export function givenNameGender(word: string): 'male' | 'female' | undefined {
  const tags = lexiconTags(word);
  const male = tags.includes('MaleName');
  const female = tags.includes('FemaleName');
  return male === female ? undefined : male ? 'male' : 'female';
}

let withDates: typeof nlp | undefined;

/**
 * A separate compromise instance with the compromise-dates plugin, for code that wants compromise's
 * own date parsing (the eval baseline). It is a second load of the CommonJS build, made outside the
 * module cache, whose state is its own: the plugin never reaches `nlp` above.
 */
export function nlpWithDates(): typeof nlp {
  if (!withDates) {
    withDates = stockCompromise();
    withDates.plugin(require('compromise-dates'));
  }
  return withDates;
}

/**
 * A new load of compromise's CommonJS build, made outside the module cache: an instance with state
 * of its own, as compromise comes (all its compute steps, its own sweep).
 */
export function stockCompromise(): typeof nlp {
  const path = require.resolve('compromise');
  const shared = require.cache[path];
  delete require.cache[path];
  try {
    return require('compromise') as typeof nlp;
  } finally {
    require.cache[path] = shared;
  }
}

export type NlpView = ReturnType<typeof nlp>;

/** A compromise term as it is in a parse (the fields sitrep reads), its offset computed. */
export interface ParsedTerm {
  text: string;
  tags: Set<string>;
  offset: { start: number };
}

/**
 * The terms of each match of a compromise view (each sentence, for a whole parse), with their
 * offsets into the text: compromise's own term objects, read, never changed. Offsets are computed once
 * per document: compromise's phrase-level `json({offset: true})` computes them for the whole document
 * again for every match, which costs the number of matches times the length of the document (3 s for
 * the 1,575 people of a 50,000-word text; 50 ms this way). The text of a parse never changes, so
 * neither do they. Read straight from the view, not through `json()`, which copies every term and
 * rebuilds each match's text (8% of all that a document's annotation allocated, for termSpans and taggedTerms).
 */
export function viewTerms<T extends ParsedTerm = ParsedTerm>(view: unknown): T[][] {
  const v = view as { compute(m: string): void; document?: { offset?: unknown }[][]; docs: T[][] };
  if (!v.document?.[0]?.[0]?.offset) v.compute('offset');
  return v.docs;
}

export interface TermSpan {
  start: number;
  end: number;
  terms: { text: string; start: number; end: number; tags: string[] }[];
}

/**
 * Spans of a compromise view built from its first and last term offsets, which exclude the
 * punctuation and white space that compromise's phrase offsets include ("Moscow," → "Moscow").
 */
export function termSpans(view: unknown): TermSpan[] {
  const out: TermSpan[] = [];
  for (const match of viewTerms(view)) {
    const terms: TermSpan['terms'] = [];
    for (const t of match) if (t.text.length > 0) terms.push({ text: t.text, start: t.offset.start, end: t.offset.start + t.text.length, tags: [...t.tags] });
    if (terms.length === 0) continue;
    out.push({ start: terms[0].start, end: terms[terms.length - 1].end, terms });
  }
  return out;
}
