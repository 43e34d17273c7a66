import type { Mention } from '../doc.js';
import type { Term } from './terms.js';

/** Words compromise may tag as adjectives or nouns that, outside a name, open a phrase of their own. */
const RELATIVE = new Set(['that', 'which', 'who', 'whom', 'whose']);

/** Words before a number that qualify it ('more than 130 pupils'). */
const QUALIFIERS = ['more than', 'at least', 'up to', 'nearly', 'almost', 'about', 'around', 'over', 'some', 'as many as', 'fewer than', 'less than', 'roughly', 'approximately', 'an estimated'].map((q) => q.split(' '));

export const PREPOSITIONS: ReadonlySet<string> = new Set(['near', 'outside', 'inside', 'across', 'throughout', 'around', 'within', 'against', 'targeting', 'between', 'into', 'upon', 'during', 'since', 'via', 'despite', 'amid', 'towards', 'toward', 'beyond', 'along', 'off']);

/**
 * One sentence of the parse with the mentions laid over its terms, and the few phrase-level
 * helpers that event roles need: noun phrases to the left and right of a word, clause edges.
 */
export class SentenceView {
  /** The non-event mention over each term of the sentence (index: term index − lo). */
  private readonly over: (Mention | undefined)[];
  /** The event mention (trigger) over each term. */
  private readonly events: (Mention | undefined)[];

  constructor(
    readonly terms: readonly Term[],
    /** Term index range [lo, hi) of the sentence. */
    readonly lo: number,
    readonly hi: number,
    readonly mentions: readonly Mention[],
  ) {
    this.over = new Array(hi - lo);
    this.events = new Array(hi - lo);
    // Each mention visits only the terms it overlaps: the first found by a binary search.
    for (const m of mentions) {
      const layer = m.type === 'event' ? this.events : this.over;
      for (let i = this.firstEndingAfter(m.start); i < hi; i++) {
        const t = terms[i];
        if (t.start >= m.end) break;
        if (t.end <= m.start) continue;
        const cur = layer[i - lo];
        if (!cur || cur.end - cur.start < m.end - m.start) layer[i - lo] = m;
      }
    }
  }

  /** The first term of the sentence that ends after offset `at` (terms are in text order). */
  firstEndingAfter(at: number): number {
    let a = this.lo;
    let b = this.hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.terms[mid].end <= at) a = mid + 1;
      else b = mid;
    }
    return a;
  }

  /** The last term of the sentence that starts before offset `at`, or lo when none does. */
  lastStartingBefore(at: number): number {
    let a = this.lo;
    let b = this.hi;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (this.terms[mid].start < at) a = mid + 1;
      else b = mid;
    }
    return Math.max(this.lo, a - 1);
  }

  private memoCues?: Map<object, boolean>;

  /** Whether `test` holds of the sentence, worked out once per sentence and test (the same for all its events). */
  sentenceFact(key: object, test: () => boolean): boolean {
    const memo = (this.memoCues ??= new Map());
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = test()));
    return v;
  }

  /** The event trigger over term i, if any. */
  eventAt(i: number): Mention | undefined {
    return i >= this.lo && i < this.hi ? this.events[i - this.lo] : undefined;
  }

  mentionAt(i: number): Mention | undefined {
    return i >= this.lo && i < this.hi ? this.over[i - this.lo] : undefined;
  }

  has(i: number, tag: string): boolean {
    return i >= this.lo && i < this.hi && this.terms[i].tags.has(tag);
  }

  word(i: number): string {
    return i >= this.lo && i < this.hi ? this.terms[i].normal : '';
  }

  /** Punctuation after term i ends a phrase (comma, semicolon, colon, bracket, dash). */
  breakAfter(i: number): boolean {
    if (i < this.lo || i >= this.hi - 1) return true;
    return /[,;:()[\]—–\n]|\s-\s|\.\s/.test(this.terms[i].post) || /[([\n]/.test(this.terms[i + 1].pre);
  }

  /** The number of words of a count's qualifier that starts at term i ('more than' 130), or 0. */
  qualifierAt(i: number): number {
    for (const q of QUALIFIERS) if (q.every((w, n) => this.word(i + n) === w) && this.has(i + q.length, 'Value')) return q.length;
    return 0;
  }

  /** A word that can be part of a noun phrase. */
  nominal(i: number): boolean {
    if (i < this.lo || i >= this.hi) return false;
    const m = this.mentionAt(i);
    if (m) return true;
    if (PREPOSITIONS.has(this.terms[i].normal)) return false;
    const t = this.terms[i].tags;
    if (t.has('Preposition') || t.has('Conjunction') || t.has('QuestionWord') || t.has('Copula') || t.has('Auxiliary') || t.has('Modal')) return false;
    if (t.has('Adverb') && !t.has('Noun') && !t.has('Adjective')) return false;
    if (t.has('Verb') && !t.has('Noun') && !t.has('Adjective') && !t.has('Gerund') && !t.has('Participle')) return false;
    if (t.has('Verb') && (t.has('PastTense') || t.has('PresentTense')) && !t.has('Noun') && !t.has('Adjective')) return false;
    return t.has('Noun') || t.has('Adjective') || t.has('Determiner') || t.has('Value') || t.has('Possessive') || t.has('Pronoun') || t.has('Acronym') || t.has('Gerund') || t.has('Participle');
  }

  /** A word that can end (head) a noun phrase. */
  head(i: number): boolean {
    if (i < this.lo || i >= this.hi) return false;
    const m = this.mentionAt(i);
    if (m) return true;
    const t = this.terms[i].tags;
    if (t.has('Determiner') || (t.has('Possessive') && t.has('Pronoun'))) return false;
    return t.has('Noun') || t.has('Pronoun');
  }

  /** The noun phrase that ends right before term `end` (exclusive), or undefined. */
  leftNP(end: number): [number, number] | undefined {
    let b = end - 1;
    if (b < this.lo || !this.head(b)) return undefined;
    // A personal pronoun is a noun phrase of its own ('the night he committed').
    if (this.terms[b].tags.has('Pronoun') && !this.mentionAt(b)) return [b, b];
    let a = b;
    for (let k = b - 1; k >= this.lo; k--) {
      if (this.breakAfter(k)) break;
      if (!this.nominal(k)) break;
      a = k;
      if (this.terms[k].tags.has('Determiner')) break;
    }
    return [a, b];
  }

  /**
   * The noun phrase that starts at term `start`: nominal words up to its head, stopping at
   * punctuation, a preposition or a verb. 'the city of Lyon' and 'hundreds of hostages' extend
   * over 'of' when `ofNouns` allows the head.
   */
  rightNP(start: number, ofNouns?: ReadonlySet<string>): [number, number] | undefined {
    // 'more than 130 pupils', 'at least 20 bombs': a count's qualifier belongs to the phrase.
    // 'strikes that kill civilians': a relative pronoun opens a clause, not a noun phrase.
    if (RELATIVE.has(this.word(start)) && this.has(start + 1, 'Verb')) return undefined;
    const q = this.qualifierAt(start);
    if (q) {
      const np = this.rightNP(start + q, ofNouns);
      return np ? [start, np[1]] : undefined;
    }
    if (!this.nominal(start)) return undefined;
    let lastHead = -1;
    let k = start;
    for (; k < this.hi; k++) {
      if (!this.nominal(k)) break;
      if (k > start && this.terms[k].tags.has('Determiner') && lastHead >= 0) break;
      if (k > start && this.terms[k].tags.has('Pronoun') && !this.terms[k].tags.has('Possessive') && lastHead >= 0) break;
      // A date or a number after a name starts a phrase of its own ('in San Salvador today',
      // 'Luis Carrero Blanco one year before').
      const m = this.mentionAt(k);
      if (k > start && lastHead >= 0 && m?.type === 'date' && this.mentionAt(k - 1) !== m) break;
      if (k > start && lastHead === k - 1 && this.terms[k].tags.has('Value') && !this.terms[k - 1].tags.has('Value') && !m) break;
      if (this.head(k)) lastHead = k;
      if (this.breakAfter(k)) {
        k++;
        break;
      }
    }
    if (lastHead < 0) return undefined;
    if (ofNouns && k === lastHead + 1 && this.word(k) === 'of' && !this.breakAfter(lastHead) && ofNouns.has(this.word(lastHead))) {
      const more = this.rightNP(k + 1);
      if (more) return [start, more[1]];
    }
    return [start, lastHead];
  }

  /** Noun phrases joined by 'and' / 'or' (and commas before a final 'and'), starting at `start`. */
  rightNPList(start: number, ofNouns?: ReadonlySet<string>): [number, number][] {
    const out: [number, number][] = [];
    let k = start;
    for (let n = 0; n < 6; n++) {
      const np = this.rightNP(k, ofNouns);
      if (!np) break;
      out.push(np);
      const next = np[1] + 1;
      const w = this.word(next);
      if ((w === 'and' || w === 'or') && !this.breakAfter(np[1])) {
        k = next + 1;
        continue;
      }
      // 'Iran, Russia and Pakistan': a comma continues the list only between mentions.
      if (this.breakAfter(np[1]) && /^,\s*$/.test(this.terms[np[1]].post) && this.mentionAt(np[1]) && this.mentionAt(next)) {
        k = next;
        continue;
      }
      break;
    }
    return out;
  }

  /** Noun phrases joined by 'and' / 'or' that end right before `end`, nearest first. */
  leftNPList(end: number): [number, number][] {
    const out: [number, number][] = [];
    let e = end;
    for (let n = 0; n < 4; n++) {
      const np = this.leftNP(e);
      if (!np) break;
      out.push(np);
      const w = this.word(np[0] - 1);
      if ((w === 'and' || w === 'or') && !this.breakAfter(np[0] - 2)) {
        e = np[0] - 1;
        continue;
      }
      break;
    }
    return out;
  }

  /** Mentions inside the term range [a, b], in text order. */
  mentionsIn(a: number, b: number): Mention[] {
    const out: Mention[] = [];
    for (let i = a; i <= b; i++) {
      const m = this.mentionAt(i);
      if (m && !out.includes(m)) out.push(m);
    }
    return out;
  }
}
