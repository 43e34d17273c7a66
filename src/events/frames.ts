import { triggerInfo, type TriggerInfo } from '../recognize/event-triggers.js';
import { termAt, termIndex, termsOf, type TermIndex } from './terms.js';
import { SentenceView } from './chunks.js';
import { analyseTrigger, type Antecedent, type RoleHit, type TriggerAnalysis } from './roles.js';
import { factualityOf } from './factuality.js';
import { casualtiesIn } from './casualties.js';
import { codesFor, eventData } from './data.js';
import type { Component, PipelineContext } from '../context.js';
import type { EventFrame, EventRole, Factuality, Mention, RoleName } from '../doc.js';

const ROLE_ORDER: RoleName[] = ['actor', 'target', 'place', 'time', 'instrument'];
/** Event types that can have dead and wounded. */
const HARMFUL = new Set(['attack', 'battle', 'offensive', 'clampdown', 'takeover']);

interface Pending {
  trigger: Mention;
  info: TriggerInfo;
  analysis?: TriggerAnalysis;
  hits: RoleHit[];
  factuality: Factuality;
  fatalities?: EventFrame['fatalities'];
  injured?: EventFrame['injured'];
}

function onlyJoiners(view: SentenceView, from: number, to: number): boolean {
  if (from > to) return false;
  for (let k = from; k <= to; k++) {
    const w = view.word(k);
    if (w !== 'and' && w !== 'or' && w !== 'as well as') return false;
  }
  return true;
}

/**
 * Coordinated events share what grammar gives one of them: 'the March 2024 mass shooting and arson
 * in Moscow' (the first lends its premodifiers, the last its phrases after); 'gunmen stormed the
 * hall and opened fire' (the second verb takes the first one's subject).
 */
function shareCoordinated(view: SentenceView, ps: Pending[]): void {
  for (let i = 0; i + 1 < ps.length; i++) {
    const x = ps[i];
    const y = ps[i + 1];
    if (!x.analysis || !y.analysis) continue;
    const xa = x.analysis;
    const ya = y.analysis;
    const xEnd = xa.verbal ? xa.end : xa.tb;
    if (!onlyJoiners(view, xEnd + 1, ya.npStart - 1)) continue;
    if (view.breakAfter(xEnd) && !/^,\s*$/.test(view.terms[xEnd].post)) continue;
    if (!xa.verbal && !ya.verbal) {
      for (const h of x.hits) if (h.how === 'pre' && !y.hits.some((g) => g.role === h.role)) y.hits.push({ ...h, how: 'shared' });
      for (const h of y.hits) if (h.how === 'post' && !x.hits.some((g) => g.role === h.role)) x.hits.push({ ...h, how: 'shared' });
    } else if (xa.verbal && ya.verbal && !y.hits.some((h) => h.how === 'subject')) {
      for (const h of x.hits) if (h.how === 'subject') y.hits.push({ ...h, how: 'shared' });
    }
  }
}

/**
 * What a possessive pronoun or a definite description points back at: the nearest mention of the
 * right type in this sentence or the one before, preferring one that is the subject of its clause
 * ('IS-KP has emerged … its offensive' → IS-KP, not the Taliban of 'a Taliban clampdown').
 */
function antecedentFinder(ctx: PipelineContext, index: TermIndex, sentence: number): Antecedent {
  const subjectLike = (m: Mention): number => {
    let k = termAt(index, m.end);
    let depth = 0;
    for (let n = 0; k >= 0 && k < index.terms.length && n < 8; n++, k++) {
      const t = index.terms[k];
      if (t.start < m.end) continue;
      if (t.sentence !== m.sentence) return 0;
      if (/\(/.test(t.pre)) depth++;
      const inside = depth > 0;
      if (/\)/.test(t.post)) depth = Math.max(0, depth - 1);
      if (inside) continue;
      if (t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Modal')) return 2;
      return t.tags.has('Noun') ? 0 : 1;
    }
    return 1;
  };
  return (types, before) => {
    let best: Mention | undefined;
    let bestScore = -1;
    for (const m of ctx.mentions) {
      if (m.start >= before) break;
      if (m.sentence < sentence - 1 || !types.includes(m.type)) continue;
      const score = types.includes('group') ? subjectLike(m) : 1;
      if (score >= bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  };
}

/** A mention made from a common noun ('the city') that no entity names: no evidence of where. */
const unnamed = (m: Mention): boolean => !m.entity && m.source.startsWith('rule:nominal');

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
  while (k >= view.lo && !view.breakAfter(k) && (view.has(k, 'Determiner') || view.has(k, 'Adjective'))) k--;
  return k < view.lo || view.breakAfter(k) || !PARTY.has(view.word(k));
}

function nearestUnbound(ms: Mention[], types: string[], bound: Set<string>, own: Set<string>, trigger: Mention): Mention | undefined {
  let best: Mention | undefined;
  let dist = Infinity;
  for (const m of ms) {
    if (!types.includes(m.type) || bound.has(m.id) || own.has(m.id) || unnamed(m)) continue;
    const d = m.end <= trigger.start ? trigger.start - m.end : m.start - trigger.end;
    if (d >= 0 && d < dist) {
      best = m;
      dist = d;
    }
  }
  return best;
}

function confidenceOf(p: Pending): number {
  const syntactic = new Set(p.hits.filter((h) => h.how !== 'fallback' && (h.role === 'actor' || h.role === 'target' || h.role === 'place' || h.role === 'time')).map((h) => h.role)).size;
  const base = p.trigger.confidence * (p.analysis ? 1 : 0.8);
  return Math.round(Math.min(0.95, base * 0.75 + 0.07 * syntactic) * 100) / 100;
}

function toRoles(text: string, hits: RoleHit[]): EventRole[] {
  const seen = new Set<string>();
  const out: EventRole[] = [];
  for (const h of [...hits].sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.start - b.start)) {
    const key = `${h.role}:${h.start}:${h.end}`;
    if (seen.has(key) || h.end <= h.start) continue;
    seen.add(key);
    const r: EventRole = { role: h.role, start: h.start, end: h.end, text: text.slice(h.start, h.end) };
    if (h.mention) r.mention = h.mention.id;
    out.push(r);
  }
  return out;
}

/**
 * Event frames: each event mention becomes an event whose roles the grammar of its sentence gives
 * (see roles.ts); the time and the place fall back to a date or a place in the same sentence that
 * no other event there has taken, and are otherwise left empty. Factuality comes from cue lexicons,
 * casualty counts from their own patterns, codes from the crosswalk.
 */
export const eventFrames: Component = {
  name: 'events/frames',
  run(ctx) {
    ctx.events = [];
    const triggers = ctx.mentions.filter((m) => m.type === 'event' && m.entity && triggerInfo(m.entity));
    if (triggers.length === 0) return;
    const d = eventData();
    const index = termIndex(ctx);
    const bySentence = new Map<number, Mention[]>();
    for (const m of ctx.mentions) {
      const list = bySentence.get(m.sentence) ?? [];
      list.push(m);
      bySentence.set(m.sentence, list);
    }
    const trigBySentence = new Map<number, Mention[]>();
    for (const t of triggers) {
      const list = trigBySentence.get(t.sentence) ?? [];
      list.push(t);
      trigBySentence.set(t.sentence, list);
    }
    for (const [s, ts] of trigBySentence) {
      const ms = bySentence.get(s) ?? [];
      const [lo, hi] = index.sentences[s] ?? [0, 0];
      const view = new SentenceView(index.terms, lo, hi, ms);
      const antecedent = antecedentFinder(ctx, index, s);
      const ps: Pending[] = ts.map((t) => {
        const info = triggerInfo(t.entity!)!;
        const r = termsOf(index, t.start, t.end);
        const frame = d.frames.get(info.frame);
        if (!r || r[0] < lo || r[1] >= hi || !frame) return { trigger: t, info, hits: [], factuality: 'asserted' };
        const analysis = analyseTrigger(view, r[0], r[1], frame, antecedent, info.syntax);
        return { trigger: t, info, analysis, hits: analysis.hits, factuality: 'asserted' };
      });
      shareCoordinated(view, ps);
      // Factuality before fallbacks: a generic event has no time or place of its own to borrow.
      for (const p of ps) {
        if (!p.analysis) continue;
        const anchored = p.analysis.specific || p.hits.some((h) => h.role === 'time' || h.role === 'place' || h.mention?.type === 'place' || h.mention?.type === 'country');
        p.factuality = factualityOf(view, { analysis: p.analysis, anchored, type: p.info.type });
      }
      const bound = new Set<string>();
      for (const p of ps) for (const h of p.hits) if (h.mention && h.mention.sentence === s) bound.add(h.mention.id);
      for (const p of ps) {
        // Generic and hypothetical events happened nowhere in particular: nothing to borrow.
        if (p.factuality === 'generic' || p.factuality === 'hypothetical' || p.factuality === 'negated') continue;
        // Mentions the event already holds, or that lie inside one of its roles ('Senator … Vélez'), are not borrowed.
        const own = new Set(p.hits.filter((h) => h.mention).map((h) => h.mention!.id));
        for (const m of ms) if (p.hits.some((h) => h.start <= m.start && m.end <= h.end)) own.add(m.id);
        // A named place or country that is the target says where the event was ('airstrikes hit Idlib').
        const placeTargets = p.hits.filter((h) => h.role === 'target' && (h.mention?.type === 'place' || h.mention?.type === 'country') && !unnamed(h.mention));
        if (placeTargets.length && !p.hits.some((h) => h.role === 'place')) {
          for (const h of placeTargets) p.hits.push({ ...h, role: 'place', start: h.mention!.start, end: h.mention!.end, how: 'shared' });
        }
        if (!p.hits.some((h) => h.role === 'place')) {
          const m = nearestUnbound(ms.filter((x) => notParty(view, index, x)), ['place', 'country'], bound, own, p.trigger);
          if (m) p.hits.push({ role: 'place', start: m.start, end: m.end, mention: m, how: 'fallback' });
        }
        if (!p.hits.some((h) => h.role === 'time')) {
          const m = nearestUnbound(ms, ['date'], bound, own, p.trigger);
          if (m) p.hits.push({ role: 'time', start: m.start, end: m.end, mention: m, how: 'fallback' });
        }
      }
      // Casualties go to the nearest event that can have them.
      for (const c of casualtiesIn(view, ctx.text)) {
        let best: Pending | undefined;
        let dist = Infinity;
        for (const p of ps) {
          if (!HARMFUL.has(p.info.type) || p[c.kind]) continue;
          // Distance from the trigger to the evidence; 0 when the evidence holds the trigger ('the death toll from the bombing rose to 30').
          const dd = Math.max(0, c.evidence.start >= p.trigger.end ? c.evidence.start - p.trigger.end : p.trigger.start - c.evidence.end);
          if (dd < dist) {
            best = p;
            dist = dd;
          }
        }
        if (best) best[c.kind] = { value: c.value, qualifier: c.qualifier, evidence: c.evidence };
      }
      for (const p of ps) {
        const t = p.trigger;
        const frame: EventFrame = {
          id: `event-${t.start}-${t.end}`,
          type: p.info.type,
          ...(p.info.subtype ? { subtype: p.info.subtype } : {}),
          trigger: { start: t.start, end: t.end, text: t.text },
          mention: t.id,
          roles: toRoles(ctx.text, p.hits),
          codes: codesFor(p.info.type, p.info.subtype),
          factuality: p.factuality,
          ...(p.fatalities ? { fatalities: p.fatalities } : {}),
          ...(p.injured ? { injured: p.injured } : {}),
          sentence: t.sentence,
          confidence: confidenceOf(p),
          source: t.source,
        };
        ctx.events.push(frame);
      }
    }
    ctx.events.sort((a, b) => a.trigger.start - b.trigger.start);
  },
};
