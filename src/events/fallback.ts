import { termsOf, type TermIndex } from './terms.js';
import type { SentenceView } from './chunks.js';
import type { Pending } from './pending.js';
import { roleFeatures, unnamed, type RoleCandidate } from './role-features.js';
import { roleModel, roleProbability } from './role-model.js';
import type { Mention, RoleName } from '../doc.js';


/** Prepositions that make a country or a place a party, not a place ('pressure from China', 'talks with Russia'). */
const PARTY = new Set(['with', 'by', 'against', 'for', 'to', 'from', 'between', 'toward', 'towards', 'on']);

/**
 * Could this place or country mention stand in for an event's place? Not when a preposition makes
 * it a party to something else ('pressure from China', 'talks with Russia').
 */
function notParty(view: SentenceView, index: TermIndex, m: Mention): boolean {
  const r = termsOf(index, m.start, m.end);
  if (!r) return true;
  let k = r[0] - 1;
  for (let n = 0; n < 12 && k >= view.lo; n++) {
    // Walk back over modifiers and over a list ('troops from Nigeria, Niger, Chad and Benin').
    const list = view.breakAfter(k) && /^,\s*$/.test(view.terms[k].post) && !!view.mentionAt(k);
    if (view.breakAfter(k) && !list) return true;
    const other = view.mentionAt(k);
    if (view.has(k, 'Determiner') || view.has(k, 'Adjective') || view.word(k) === 'and' || view.word(k) === 'or' || (other && (other.type === 'place' || other.type === 'country'))) k--;
    else break;
  }
  return k < view.lo || !PARTY.has(view.word(k));
}

/** Training: every candidate the role scorer reads, with its features, for the sink (src/events/train/roles.ts). */
export interface RoleExample {
  trigger: { start: number; end: number };
  role: RoleName;
  start: number;
  end: number;
  mention?: Mention;
  how: RoleCandidate['how'];
  features: string[];
}

type Sink = (examples: RoleExample[]) => void;
let sink: Sink | undefined;

/** Training: hand every window's role candidates to `s` (undefined: stop). */
export function collectRoleExamples(s: Sink | undefined): void {
  sink = s;
}

function nearestUnbound(ms: readonly Mention[], types: string[], bound: Set<string>, own: Set<string>, trigger: Mention): Mention[] {
  const out: { m: Mention; d: number }[] = [];
  for (const m of ms) {
    if (!types.includes(m.type) || bound.has(m.id) || own.has(m.id) || unnamed(m)) continue;
    const d = m.end <= trigger.start ? trigger.start - m.end : m.start - trigger.end;
    if (d >= 0) out.push({ m, d });
  }
  // Nearest first; of two as near, the earlier.
  return out.sort((a, b) => a.d - b.d || a.m.start - b.m.start).map((x) => x.m);
}

/**
 * Where the grammar gave an event no place or no time, it borrows them from its sentence: a named
 * place that is its target says where it was ('airstrikes hit Idlib'); otherwise the nearest place
 * or country, and the nearest date, that no event of the sentence holds, that is not a party
 * ('pressure from China') and that lies in none of the event's own roles. Generic, hypothetical and
 * negated events happened nowhere in particular: they borrow nothing. Nothing else is invented.
 * Every filler, the grammar's and these, gets the role scorer's probability (role-model.ts) as its
 * confidence. (Ranking the candidates by that score, or reaching into the sentence before, found
 * fewer right fillers than the nearest one on WikiEvents and MUC-4: docs/events.md.)
 */
export function borrowPlaceAndTime(view: SentenceView, index: TermIndex, ms: readonly Mention[], ps: readonly Pending[], text: string): void {
  const model = roleModel();
  const sentence = ms[0]?.sentence;
  const bound = new Set<string>();
  for (const p of ps) for (const h of p.hits) if (h.mention && h.mention.sentence === sentence) bound.add(h.mention.id);
  const examples: RoleExample[] = [];
  // Whether a mention is a party does not depend on the event: worked out once per sentence, when first needed.
  let places: Mention[] | undefined;
  for (const p of ps) {
    const trigger = { start: p.trigger.start, end: p.trigger.end };
    const score = (c: RoleCandidate, rank: number): number => {
      const features = roleFeatures(c, { text, trigger, factuality: p.factuality, rank });
      if (sink) examples.push({ trigger, role: c.role, start: c.start, end: c.end, mention: c.mention, how: c.how, features });
      return roleProbability(features, model);
    };
    // A grammar filler's rank: how many of its role came before it.
    const seenOfRole = new Map<RoleName, number>();
    for (const h of p.hits) {
      const rank = seenOfRole.get(h.role) ?? 0;
      seenOfRole.set(h.role, rank + 1);
      h.confidence = score(h, rank);
    }
    if (p.factuality === 'generic' || p.factuality === 'hypothetical' || p.factuality === 'negated') continue;
    const own = new Set(p.hits.filter((h) => h.mention).map((h) => h.mention!.id));
    for (const m of ms) if (p.hits.some((h) => h.start <= m.start && m.end <= h.end)) own.add(m.id);
    const placeTargets = p.hits.filter((h) => h.role === 'target' && (h.mention?.type === 'place' || h.mention?.type === 'country') && !unnamed(h.mention));
    if (placeTargets.length && !p.hits.some((h) => h.role === 'place')) {
      for (const h of placeTargets) p.hits.push({ ...h, role: 'place', start: h.mention!.start, end: h.mention!.end, how: 'shared' });
    }
    for (const role of ['place', 'time'] as const) {
      if (p.hits.some((h) => h.role === role)) continue;
      const from = role === 'place' ? (places ??= ms.filter((x) => notParty(view, index, x))) : ms;
      const cands = nearestUnbound(from, role === 'place' ? ['place', 'country'] : ['date'], bound, own, p.trigger);
      // The nearest fills the role; training reads every candidate, the pipeline scores only the one it takes.
      const probs = (sink ? cands : cands.slice(0, 1)).map((m, rank) => score({ role, start: m.start, end: m.end, mention: m, how: 'near' }, rank));
      if (cands.length) p.hits.push({ role, start: cands[0].start, end: cands[0].end, mention: cands[0], how: 'fallback', confidence: probs[0] });
    }
  }
  if (sink && examples.length) sink(examples);
}
