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
  /** The form's tokens as written, for case-sensitive comparison. */
  surface: string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: PhraseEntry[];
}

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

/**
 * A longest-match dictionary over word tokens. Keys ignore case, diacritics and hyphens; forms
 * flagged case-sensitive must match letter for letter; every match needs a capital letter somewhere.
 */
export class PhraseMatcher {
  private root: TrieNode = { next: new Map(), entries: [] };
  size = 0;

  add(phrase: string, entry: Omit<PhraseEntry, 'surface'>): void {
    const surface = phraseTokens(phrase);
    if (surface.length === 0) return;
    let node = this.root;
    for (const t of surface) {
      const k = tokenKey(t);
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), entries: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    if (node.entries.some((e) => e.key === entry.key && e.type === entry.type && e.caseSensitive === entry.caseSensitive && e.surface.join(' ') === surface.join(' '))) return;
    node.entries.push({ ...entry, surface });
    this.size++;
  }

  private accepts(e: PhraseEntry, text: string, tokens: Token[], from: number, to: number): boolean {
    const words: string[] = [];
    for (let i = from; i <= to; i++) if (!isJoiner(tokens[i].text)) words.push(tokens[i].text);
    if (e.caseSensitive) {
      if (words.length !== e.surface.length || words.some((w, i) => w !== e.surface[i])) return false;
    } else if (!e.anyCase && !words.some(hasUpper)) return false;
    // A name of several words begins with a capital, or with a particle ("al-Shabaab", "the
    // Gambia"): "east London" is not "East London".
    else if (!e.anyCase && words.length > 1 && !hasUpper(words[0]) && !PARTICLES.has(words[0].toLowerCase())) return false;
    if (e.ambiguous && upperContext(text, tokens[from].start, tokens[to].end)) return false;
    return true;
  }

  /** The longest accepted match starting at each token; matches may overlap (refiners decide). */
  match(text: string, tokens: Token[]): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (isJoiner(tokens[i].text)) continue;
      let node: TrieNode | undefined = this.root;
      let best: PhraseMatch[] = [];
      for (let j = i; j < tokens.length && node; j++) {
        const t = tokens[j].text;
        if (j > i && isJoiner(t)) {
          // A joiner only joins when it touches both neighbours ("State-Khorasan", not "state - and").
          continue;
        }
        if (j > i && tokens[j].start - tokens[j - 1].end > 1) break;
        if (j > i && /\n/.test(text.slice(tokens[j - 1].end, tokens[j].start))) break;
        node = node.next.get(tokenKey(t));
        if (!node) break;
        if (node.entries.length) {
          const ok = node.entries.filter((e) => this.accepts(e, text, tokens, i, j));
          if (ok.length) best = ok.map((entry) => ({ start: tokens[i].start, end: tokens[j].end, entry, first: i, last: j }));
        }
      }
      out.push(...best);
    }
    return out;
  }
}
