import { isJoiner, tokenKey } from './tokens.js';
import type { MentionType, Token } from '../doc.js';

/** One surface form of a lexicon entry. */
export interface PhraseEntry {
  /** Lexicon entry id, the `source` of mentions it makes (`lex:groups/is-kp`). */
  source: string;
  type: MentionType;
  /** Entity key the mention links to (`group:is-kp`, `country:AF`). */
  key: string;
  value?: string;
  confidence: number;
  priority: number;
  /** Match the exact letter case (short all-capital forms such as "IS", "US", "AU"). */
  caseSensitive: boolean;
  /** A form that is also a common English word ("IS", "US"): never matched in upper-case text. */
  ambiguous: boolean;
  /** A common-noun form ("takeover", "mass shooting") that needs no capital letter. */
  anyCase?: boolean;
  /** The form's tokens as written, for case-sensitive comparison (kept only for case-sensitive forms). */
  surface?: string[];
}

/** Separates token keys in a phrase key (never inside a token). */
const SEP = '\u0001';

export interface PhraseMatch {
  start: number;
  end: number;
  entry: PhraseEntry;
  /** Index of the first and last matched token. */
  first: number;
  last: number;
}

/** Lower-case words a name may begin with. */
const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'az', 'an', 'at', 'ez', 'ed', 'de', 'del', 'da', 'di', 'du', 'le', 'la', 'the', 'of', 'bin', 'ibn', 'van', 'von', 'd', 'l']);

const TOKENIZE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function phraseTokens(phrase: string): string[] {
  return (phrase.match(TOKENIZE) ?? []).filter((t) => !isJoiner(t));
}

function hasUpper(s: string): boolean {
  return s !== s.toLowerCase();
}

/** Share of letters in upper case around a token (to tell "IS" the group from "IS" in an all-caps wire). */
function upperContext(text: string, start: number, end: number): boolean {
  const s = text.slice(Math.max(0, start - 60), Math.min(text.length, end + 60));
  const letters = s.replace(/[^\p{L}]/gu, '');
  if (letters.length < 12) return false;
  const upper = letters.replace(/[^\p{Lu}]/gu, '').length;
  return upper / letters.length > 0.6;
}

/** The table's value for a key that is a prefix of forms and no form itself (never filled). */
const PREFIX_ONLY: PhraseEntry[] = [];

/**
 * A longest-match dictionary over word tokens. Keys ignore case, diacritics and hyphens; forms
 * flagged case-sensitive must match letter for letter; every match needs a capital letter somewhere.
 */
export class PhraseMatcher {
  /**
   * The forms by phrase key (their token keys joined), and every proper prefix of a form's key, in
   * one flat table: a trie of nested maps would take tens of megabytes for the gazetteers' 40,000
   * forms instead of a few, which every worker thread's garbage collector walks again and again.
   * A key that is only a prefix maps to PREFIX_ONLY; a form's key that is also a prefix is in
   * `formPrefixes`. One look-up per token tells a matcher whether to go on (most words stop there).
   */
  private readonly table = new Map<string, PhraseEntry[]>();
  private readonly formPrefixes = new Set<string>();
  size = 0;

  add(phrase: string, entry: Omit<PhraseEntry, 'surface'>): void {
    const surface = phraseTokens(phrase);
    if (surface.length === 0) return;
    this.epoch = {};
    let key = '';
    for (let i = 0; i < surface.length; i++) {
      if (i > 0) {
        const v = this.table.get(key);
        if (v === undefined) this.table.set(key, PREFIX_ONLY);
        else if (v !== PREFIX_ONLY) this.formPrefixes.add(key);
      }
      key = i === 0 ? tokenKey(surface[i]) : `${key}${SEP}${tokenKey(surface[i])}`;
    }
    let entries = this.table.get(key);
    if (entries === undefined || entries === PREFIX_ONLY) {
      if (entries === PREFIX_ONLY) this.formPrefixes.add(key);
      this.table.set(key, (entries = []));
    }
    // The same entity and type under the same key twice: once is enough, unless letter case tells the forms apart.
    const written = surface.join(' ');
    if (entries.some((e) => e.key === entry.key && e.type === entry.type && e.caseSensitive === entry.caseSensitive && (!e.caseSensitive || e.surface!.join(' ') === written))) return;
    entries.push(entry.caseSensitive ? { ...entry, surface } : { ...entry });
    this.size++;
  }

  private accepts(e: PhraseEntry, text: string, tokens: Token[], from: number, to: number, inCapitals?: Capitals): boolean {
    const words: string[] = [];
    for (let i = from; i <= to; i++) if (!isJoiner(tokens[i].text)) words.push(tokens[i].text);
    if (e.caseSensitive) {
      const surface = e.surface!;
      if (words.length !== surface.length || words.some((w, i) => w !== surface[i])) return false;
    } else if (!e.anyCase && !words.some(hasUpper)) return false;
    // A name of several words begins with a capital, or with a particle ("al-Shabaab", "the
    // Gambia"): "east London" is not "East London". Text in capitals says nothing of that: its first
    // word's case is the truecased view's guess ("NEW YORK" read as "new York").
    else if (!e.anyCase && words.length > 1 && !hasUpper(words[0]) && !PARTICLES.has(words[0].toLowerCase()) && !inCapitals?.(tokens[from].start, tokens[to].end)) return false;
    if (e.ambiguous && upperContext(text, tokens[from].start, tokens[to].end)) return false;
    return true;
  }

  /** Changed by each form added: the key under which a document keeps what this matcher found in it. */
  private epoch = {};

  /**
   * `match` over a whole document, once per document: the gazetteer recognizer and the acronym
   * finder both ask for the same document. What was found, and each token's key (which every
   * matcher reads), are kept by the document, not here: a matcher serves thousands of documents, and
   * what it kept of the last one would be copied again by every scavenge after that document was done.
   */
  matchDocument(doc: MatchedDocument): readonly PhraseMatch[] {
    return doc.memo(this.epoch, () => this.matchKeys(doc.text, doc.tokens, doc.memo(tokenKeys, () => tokenKeys(doc.tokens)), doc.inCapitals?.bind(doc)));
  }

  /** The longest accepted match starting at each token; matches may overlap (refiners decide). */
  match(text: string, tokens: Token[], inCapitals?: Capitals): PhraseMatch[] {
    return this.matchKeys(text, tokens, tokenKeys(tokens), inCapitals);
  }

  private matchKeys(text: string, tokens: Token[], keys: string[], inCapitals?: Capitals): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (isJoiner(tokens[i].text)) continue;
      let key = '';
      let best: PhraseMatch[] = [];
      for (let j = i; j < tokens.length; j++) {
        if (j > i) {
          // A joiner only joins when it touches both neighbours ("State-Khorasan", not "state - and").
          if (isJoiner(tokens[j].text)) continue;
          // Words one space apart at most, on one line.
          const gap = tokens[j].start - tokens[j - 1].end;
          if (gap > 1 || (gap === 1 && text.charCodeAt(tokens[j - 1].end) === NEWLINE)) break;
        }
        key = j === i ? keys[j] : `${key}${SEP}${keys[j]}`;
        const entries = this.table.get(key);
        if (entries === undefined) break;
        if (entries !== PREFIX_ONLY) {
          const ok = entries.filter((e) => this.accepts(e, text, tokens, i, j, inCapitals));
          if (ok.length) best = ok.map((entry) => ({ start: tokens[i].start, end: tokens[j].end, entry, first: i, last: j }));
          if (!this.formPrefixes.has(key)) break;
        }
      }
      out.push(...best);
    }
    return out;
  }
}

const NEWLINE = 10;

/** Each token's matching key. */
function tokenKeys(tokens: Token[]): string[] {
  return tokens.map((t) => tokenKey(t.text));
}

/** A document as `matchDocument` reads it (a PipelineContext): its text, its word tokens, and what is kept for it. */
export interface MatchedDocument {
  readonly text: string;
  readonly tokens: Token[];
  /** The value kept under `key` for this document, made by `make` the first time. */
  memo<T>(key: object, make: () => T): T;
  /** Whether [start, end) was written in capitals (read through the truecased view). */
  inCapitals?: Capitals;
}

/** Whether [start, end) lies in a passage written in capitals. */
export type Capitals = (start: number, end: number) => boolean;
