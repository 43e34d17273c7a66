import triggers from '../lexicon/event-triggers.json' with { type: 'json' };
import { PhraseMatcher, phraseTokens } from './phrase-matcher.js';
import { isJoiner, tokenKey, wordTokens } from './tokens.js';
import { termAt, termIndex, termsOf, type TermIndex } from '../events/terms.js';
import { PREPOSITIONS } from '../events/chunks.js';
import { eventData } from '../events/data.js';
import type { Component, PipelineContext } from '../context.js';
import type { Token } from '../doc.js';
import { countBefore } from '../sorted.js';

export interface TriggerInfo {
  id: string;
  type: string;
  /** Absent when the trigger names the type only ('attack'). */
  subtype?: string;
  /** Argument structure (a frame of event-roles.json). */
  frame: string;
  pos: 'noun' | 'verb' | 'any';
  /** How the grammar reads the trigger: always a noun, always a verb, or as tagged. */
  syntax: 'noun' | 'verb' | 'any';
  notBefore: string[][];
  notAfter: string[][];
  needsObject?: string[];
}

interface RawEntry {
  id: string;
  type: string;
  subtype?: string;
  frame: string;
  pos: string;
  syntax?: string;
  forms: string[];
  notBefore?: string[];
  notAfter?: string[];
  needsObject?: string[];
}

const info = new Map<string, TriggerInfo>();
let matcher: PhraseMatcher | undefined;

const keys = (phrase: string): string[] => phraseTokens(phrase).map(tokenKey);

function triggerMatcher(): PhraseMatcher {
  if (matcher) return matcher;
  const m = new PhraseMatcher();
  for (const t of triggers.entries as RawEntry[]) {
    if (t.pos !== 'noun' && t.pos !== 'verb' && t.pos !== 'any') throw new Error(`event-triggers.json: entry ${t.id} has pos ${JSON.stringify(t.pos)}; expected "noun", "verb" or "any"`);
    if (t.syntax !== undefined && t.syntax !== 'noun' && t.syntax !== 'verb') throw new Error(`event-triggers.json: entry ${t.id} has syntax ${JSON.stringify(t.syntax)}; expected "noun" or "verb"`);
    info.set(t.id, {
      id: t.id, type: t.type, subtype: t.subtype, frame: t.frame, pos: t.pos,
      syntax: (t.syntax as 'noun' | 'verb' | undefined) ?? (t.pos === 'noun' || t.pos === 'verb' ? t.pos : 'any'),
      notBefore: (t.notBefore ?? []).map(keys), notAfter: (t.notAfter ?? []).map(keys), needsObject: t.needsObject,
    });
    // The object's candidates are indexed before the triggers propose theirs, so an event cannot be one.
    if (t.needsObject?.includes('event')) throw new Error(`event-triggers.json: entry ${t.id} has needsObject "event"; expected types recognized before the triggers`);
    for (const f of t.forms) {
      m.add(f, { source: `lex:event-triggers/${t.id}`, type: 'event', key: t.id, value: t.type, confidence: 0.8, priority: 2, caseSensitive: false, ambiguous: false, anyCase: true });
    }
  }
  matcher = m;
  return m;
}

/** The trigger entry whose form is the whole of `text` ("car bombing" → car-bomb), for a reviewer's event mention. */
export function triggerForText(text: string): TriggerInfo | undefined {
  const hit = triggerMatcher()
    .match(text, wordTokens(text))
    .find((m) => m.start === 0 && m.end === text.length);
  return hit ? info.get(hit.entry.key) : undefined;
}

export function triggerInfo(id: string): TriggerInfo | undefined {
  triggerMatcher();
  return info.get(id);
}

/** Word keys of the tokens before `first` (nearest last), skipping joiners. */
function wordsBefore(tokens: Token[], first: number, n: number): string[] {
  const out: string[] = [];
  for (let i = first - 1; i >= 0 && out.length < n; i--) if (!isJoiner(tokens[i].text)) out.unshift(tokenKey(tokens[i].text));
  return out;
}

function wordsAfter(tokens: Token[], last: number, n: number): string[] {
  const out: string[] = [];
  for (let i = last + 1; i < tokens.length && out.length < n; i++) if (!isJoiner(tokens[i].text)) out.push(tokenKey(tokens[i].text));
  return out;
}

function endsWith(words: string[], seq: string[]): boolean {
  return seq.length <= words.length && seq.every((w, i) => words[words.length - seq.length + i] === w);
}

function startsWith(words: string[], seq: string[]): boolean {
  return seq.length <= words.length && seq.every((w, i) => words[i] === w);
}

/**
 * An adjective that heads its phrase is used as a noun: 'an offensive in the country' (compromise
 * tags it Adjective); 'offensive remarks' is not.
 */
function adjectiveAsNoun(index: TermIndex, i: number): boolean {
  const prev = index.terms[i - 1];
  const next = index.terms[i + 1];
  const t = index.terms[i];
  const determined = !!prev && prev.sentence === t.sentence && (prev.tags.has('Determiner') || prev.tags.has('Possessive') || prev.tags.has('Adjective') || prev.tags.has('Value'));
  const endsPhrase = !next || next.sentence !== t.sentence || /[,;:.()—–]/.test(t.post) || PREPOSITIONS.has(next.normal) || !(next.tags.has('Noun') || next.tags.has('Adjective'));
  return determined && endsPhrase;
}

/** Does compromise's tag of the trigger's head word fit the entry's part of speech? */
function posFits(pos: TriggerInfo['pos'], index: TermIndex, start: number, end: number): boolean {
  const r = termsOf(index, start, end);
  if (!r) return true;
  const first = index.terms[r[0]];
  const last = index.terms[r[1]];
  const lastIsNoun = last.tags.has('Noun') || (last.tags.has('Adjective') && adjectiveAsNoun(index, r[1]));
  if (r[0] === r[1]) {
    const t = first.tags;
    // An adjective use ('offensive remarks', 'a striking image') names no event.
    if (t.has('Adjective') && !t.has('Noun') && !t.has('Verb') && !lastIsNoun) return false;
  }
  if (pos === 'noun') {
    // Nouns before a noun are singular ('the army offensive'): after a plural common noun the word
    // is a predicate adjective compromise took for a noun ('called the remarks offensive').
    const prev = index.terms[r[0] - 1];
    if (prev && prev.sentence === first.sentence && prev.tags.has('Plural') && !prev.tags.has('ProperNoun') && !prev.tags.has('Possessive') && !/['’]$/.test(prev.text) && !/[,;:]/.test(prev.post)) return false;
    return lastIsNoun;
  }
  if (pos === 'verb') return first.tags.has('Verb');
  return true;
}

/** Words that end a verb's object even when compromise does not tag them as prepositions. */
const OBJECT_ENDS = new Set(['to', 'from', 'for', 'with', 'at', 'in', 'on', 'by', 'into', 'as', 'after', 'before']);

/** Starts of the candidates of some types, sorted: "is one within [from, to)" is then a binary search. */
type StartsOf = (types: string[]) => number[];

function startsOfTypes(ctx: PipelineContext): StartsOf {
  const byTypes = new Map<string, number[]>();
  return (types) => {
    const key = types.join('\n');
    let starts = byTypes.get(key);
    if (!starts) byTypes.set(key, (starts = ctx.candidates.filter((c) => types.includes(c.type)).map((c) => c.start).sort((a, b) => a - b)));
    return starts;
  };
}

/** Is some number of the sorted `starts` within [from, to)? */
function anyWithin(starts: number[], from: number, to: number): boolean {
  const lo = countBefore(starts.length, (i) => starts[i] < from);
  return lo < starts.length && starts[lo] < to;
}

/** Is a place or a country named, or a place noun written, within the five words after the trigger (in its clause)? */
function objectIsLocation(ctx: PipelineContext, index: TermIndex, end: number, types: string[], startsOf: StartsOf): boolean {
  const placeNouns = eventData().placeNouns;
  const from = termAt(index, end);
  if (from < 0) return false;
  // The object: 'captured the city of Aleppo', up to five words on, in the same clause, not past a
  // preposition other than 'of' ('took the suspect to Abuja' takes no place).
  let upTo = from;
  while (upTo < Math.min(index.terms.length - 1, from + 4) && !/[,;:.()]/.test(index.terms[upTo].post)) {
    const next = index.terms[upTo + 1];
    if ((next.tags.has('Preposition') || PREPOSITIONS.has(next.normal) || OBJECT_ENDS.has(next.normal)) && next.normal !== 'of') break;
    upTo++;
  }
  const limit = index.terms[upTo].end;
  if (anyWithin(startsOf(types), end, limit)) return true;
  for (let i = from; i <= upTo; i++) {
    const t = index.terms[i];
    if (t.sentence !== index.terms[from].sentence) break;
    if (t.tags.has('Place') || t.tags.has('Country') || t.tags.has('City') || t.tags.has('Region')) return true;
    if (placeNouns.has(t.normal) && !t.tags.has('Verb')) return true;
  }
  return false;
}

/**
 * Words and phrases that name a conflict event (the event's trigger). The lexicon proposes; the
 * part of speech compromise gives the head word and the words around it (data) decide the sense.
 * Runs after the other recognizers: `needsObject` reads the place and country candidates they made.
 */
export const eventTriggers: Component = {
  name: 'recognize/event-triggers',
  run(ctx) {
    const matches = triggerMatcher().matchDocument(ctx);
    if (matches.length === 0) return;
    const index = termIndex(ctx);
    const startsOf = startsOfTypes(ctx);
    for (const m of matches) {
      const t = info.get(m.entry.key);
      if (!t) continue;
      const before = wordsBefore(ctx.tokens, m.first, 3);
      const after = wordsAfter(ctx.tokens, m.last, 4);
      if (t.notBefore.some((seq) => endsWith(before, seq))) continue;
      if (t.notAfter.some((seq) => startsWith(after, seq))) continue;
      if (!posFits(t.pos, index, m.start, m.end)) continue;
      if (t.needsObject && !objectIsLocation(ctx, index, m.end, t.needsObject, startsOf)) continue;
      ctx.propose({ type: 'event', start: m.start, end: m.end, source: m.entry.source, confidence: m.entry.confidence, priority: m.entry.priority, key: m.entry.key, value: m.entry.value });
    }
  },
};

/**
 * Every lexicon match in a text, longest first and without overlaps, with none of the sense checks
 * (part of speech, context words, object): the keyword baseline of `sitrep eval`.
 */
export function keywordTriggers(text: string, tokens: Token[]): { start: number; end: number; info: TriggerInfo }[] {
  const out: { start: number; end: number; info: TriggerInfo }[] = [];
  const ms = triggerMatcher().match(text, tokens).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: [number, number][] = [];
  for (const m of ms) {
    const t = info.get(m.entry.key);
    if (!t || taken.some(([s, e]) => m.start < e && m.end > s)) continue;
    taken.push([m.start, m.end]);
    out.push({ start: m.start, end: m.end, info: t });
  }
  return out.sort((a, b) => a.start - b.start);
}
