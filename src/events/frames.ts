import { triggerInfo } from '../recognize/event-triggers.js';
import { termIndex, termsOf, type TermIndex } from './terms.js';
import { eventWindows } from './windows.js';
import { SentenceView } from './chunks.js';
import { analyseTrigger, type Antecedent, type RoleHit } from './roles.js';
import { factualityOf } from './factuality.js';
import { casualtiesIn } from './casualties.js';
import { shareCoordinated } from './coordination.js';
import { antecedentFinder } from './antecedent.js';
import { borrowPlaceAndTime } from './fallback.js';
import { codesFor, eventData } from './data.js';
import type { Pending } from './pending.js';
import type { Component, PipelineContext } from '../context.js';
import type { EventFrame, EventRole, Mention, RoleName } from '../doc.js';

const ROLE_ORDER: RoleName[] = ['actor', 'target', 'place', 'time', 'instrument'];
/** Event types that can have dead and wounded. */
const HARMFUL = new Set(['attack', 'battle', 'offensive', 'clampdown', 'takeover']);

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
    // What made it (a grammar path, or the nearest free mention of the sentence) and how sure the role scorer is of it.
    r.source = `rule:role/${h.how === 'fallback' ? 'nearest' : h.how}`;
    if (h.confidence !== undefined) r.confidence = Math.round(h.confidence * 100) / 100;
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
    for (const [s, sentenceTriggers] of trigBySentence) {
      const [slo, shi] = index.sentences[s] ?? [0, 0];
      const windows = eventWindows(index.terms, slo, shi);
      // A pronoun may point back into the sentence before (or, in a long sentence, the window before).
      let from = s > 1 ? ctx.sentences[s - 1].start : -Infinity;
      const ms = byWindow(bySentence.get(s) ?? [], index, windows);
      const ts = byWindow(sentenceTriggers, index, windows);
      for (let w = 0; w < windows.length; w++) {
        const [lo, hi] = windows[w];
        if (w > 0) from = index.terms[windows[w - 1][0]].start;
        if (ts[w].length) frameWindow(ctx, index, lo, hi, ms[w], ts[w], antecedentFinder(ctx, index, from));
      }
    }
    ctx.events.sort((a, b) => a.trigger.start - b.trigger.start);
  },
};

/** Mentions (in their order) by the window of the sentence they start in; one list when it has one window. */
function byWindow(ms: Mention[], index: TermIndex, windows: [number, number][]): Mention[][] {
  if (windows.length === 1) return [ms];
  const out: Mention[][] = windows.map(() => []);
  for (const m of ms) {
    // The last window whose first term starts at or before the mention (the first window takes what lies before it).
    let a = 0;
    let b = windows.length - 1;
    while (a < b) {
      const mid = (a + b + 1) >> 1;
      if (index.terms[windows[mid][0]].start <= m.start) a = mid;
      else b = mid - 1;
    }
    out[a].push(m);
  }
  return out;
}

/** The events of one sentence, or of one window of a long sentence: roles, factuality, fallbacks, casualties. */
function frameWindow(ctx: PipelineContext, index: TermIndex, lo: number, hi: number, ms: Mention[], ts: Mention[], antecedent: Antecedent): void {
  const d = eventData();
  const view = new SentenceView(index.terms, lo, hi, ms);
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
  borrowPlaceAndTime(view, index, ms, ps, ctx.text);
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
