import { createHash } from 'node:crypto';
import { annotateIngested } from '../../pipeline.js';
import { ingested, type GoldDoc } from './examples.js';
import { collectRoleExamples, type RoleExample } from '../fallback.js';
import { compileRoleModel, roleProbability, type RoleModelData } from '../role-model.js';
import { wikiRole } from '../../eval/events-types.js';
import { mentionCountry, oneDay } from '../incidents.js';
import { countryCode } from '../../eval/events-muc4.js';
import { sentenceAt } from '../../segment/sentences.js';
import type { AnnotatedDoc, Mention, RoleName } from '../../doc.js';

/**
 * Training examples for the role scorer (src/events/role-model.ts): every candidate filler the
 * pipeline reads, labelled by the gold. WikiEvents: on an event whose trigger a gold event's
 * overlaps, a candidate is right when it overlaps a gold argument of its role (Place, Attacker,
 * Target…: eval/events-types.ts); time is not annotated there and is left out. MUC-4 DEV (templates
 * per document, no triggers): an event whose sentence holds a filler of one of the document's
 * incidents is read; a place is right when its words are a step of an incident's location path or
 * it lies in an incident's country, a date when it is an incident's day or a month or year holding it, an actor or a
 * target when it overlaps a filler of the incident's perpetrator or target slots (or repeats one).
 */

export interface LabelledRole {
  features: string[];
  label: 0 | 1;
  doc: number;
}

interface WikiGoldEvent {
  trigger: { start: number; end: number };
  arguments?: { role: string; start: number; end: number }[];
}

interface MucGoldIncident {
  date?: { iso?: string | null } | null;
  location?: { path?: string[]; country?: string | null } | null;
  arguments?: { role: string; start: number; end: number }[];
  [slot: string]: unknown;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

/** Annotate one document with the scorer collecting: every candidate of every event, and the country (ISO alpha-2) each place or country mention is in. */
function candidates(doc: GoldDoc): { examples: RoleExample[]; countryOf: (mentionId: string | undefined) => string | undefined; sentenceOf: (at: number) => number } {
  const out: RoleExample[] = [];
  collectRoleExamples((ex) => out.push(...ex));
  let a: AnnotatedDoc;
  try {
    a = annotateIngested(ingested(doc), { id: doc.id });
  } finally {
    collectRoleExamples(undefined);
  }
  const entities = new Map(a.entities.map((e) => [e.id, e]));
  const mentions = new Map(a.mentions.map((m) => [m.id, m]));
  return { examples: out, countryOf: (id) => mentionCountry(id === undefined ? undefined : mentions.get(id), entities), sentenceOf: (at) => sentenceAt(a.sentences, at) };
}

/** The words of a filler without case, punctuation or a plural 's' ('TERRORISTS' ~ 'terrorist'). */
const fillerWords = (s: string): string[] => s.toUpperCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).map((w) => (w.length > 3 ? w.replace(/S$/, '') : w));

/** Does a candidate repeat a slot's filler: the same words, or the filler's words in a row inside it ('the FMLN urban commandos' ~ 'FMLN')? */
function sameFiller(filler: string, candidate: string): boolean {
  const f = fillerWords(filler);
  const c = fillerWords(candidate);
  if (f.length === 0 || c.length === 0) return false;
  const inside = (a: string[], b: string[]): boolean => a.length <= b.length && b.some((_, i) => a.every((w, j) => b[i + j] === w));
  return inside(f, c) || inside(c, f);
}

/** Does the date mention say the day of an incident: that day, or a month or year that holds it ('in 1989' of a 1989-12-30 attack)? */
function holdsADay(m: Mention, days: ReadonlySet<string>): boolean {
  const day = oneDay(m);
  if (day) return days.has(day);
  const iv = m.date?.interval;
  return iv !== undefined && [...days].some((d) => iv.start <= d && d <= iv.end);
}

export function wikiRoleExamples(docs: readonly GoldDoc[], first = 0): LabelledRole[] {
  const out: LabelledRole[] = [];
  docs.forEach((doc, i) => {
    const gold = (doc.events ?? []) as WikiGoldEvent[];
    for (const c of candidates(doc).examples) {
      if (c.role === 'time' || c.role === 'instrument') continue;
      const events = gold.filter((g) => overlaps(g.trigger, c.trigger));
      if (events.length === 0) continue;
      const right = events.some((g) => (g.arguments ?? []).some((a) => wikiRole(a.role) === c.role && overlaps(a, c)));
      out.push({ features: c.features, label: right ? 1 : 0, doc: first + i });
    }
  });
  return out;
}

const MUC_SLOTS: Partial<Record<RoleName, string[]>> = {
  actor: ['perp_org', 'perp_individual'],
  target: ['phys_target', 'hum_target_name', 'hum_target_desc'],
};

export function mucRoleExamples(docs: readonly GoldDoc[], first = 0): LabelledRole[] {
  const out: LabelledRole[] = [];
  docs.forEach((doc, i) => {
    const incidents = ((doc.events ?? []) as MucGoldIncident[]).filter((e) => typeof e === 'object' && e !== null);
    if (incidents.length === 0) return;
    const steps = new Set(incidents.flatMap((e) => e.location?.path ?? []).map((s) => s.toUpperCase()));
    const days = new Set(incidents.map((e) => e.date?.iso).filter((d): d is string => typeof d === 'string'));
    // `sitrep eval` places an incident by its country: a place in the incident's country is where it was, as far as MUC-4 says.
    const countries = new Set(incidents.map((e) => countryCode(e.location?.country ?? '')).filter((c): c is string => c !== undefined));
    const { examples, countryOf, sentenceOf } = candidates(doc);
    // Templates are per document: only an event whose sentence holds a filler of an incident is read as one of them.
    const argSentences = new Set(incidents.flatMap((e) => (e.arguments ?? []).map((a) => sentenceOf(a.start))));
    for (const c of examples) {
      if (!argSentences.has(sentenceOf(c.trigger.start))) continue;
      const words = doc.text.slice(c.start, c.end).toUpperCase().replace(/\s+/g, ' ').trim();
      let right: boolean | undefined;
      if (c.role === 'place') right = steps.has(words) || countries.has(countryOf(c.mention?.id) ?? '');
      else if (c.role === 'time') right = c.mention !== undefined && holdsADay(c.mention, days);
      else {
        const slots = MUC_SLOTS[c.role];
        if (!slots) continue;
        right = incidents.some((e) =>
          (e.arguments ?? []).some((a) => slots.includes(a.role) && overlaps(a, c)) ||
          slots.some((s) => ((e[s] ?? []) as { alternatives?: string[] }[]).some((f) => (f.alternatives ?? []).some((alt) => sameFiller(alt, words)))),
        );
      }
      out.push({ features: c.features, label: right ? 1 : 0, doc: first + i });
    }
  });
  return out;
}

export interface RoleTrainOptions {
  /** Passes of batch gradient descent over all examples. */
  iterations: number;
  /** L2 penalty on each weight (per example). */
  l2: number;
  /** Features seen fewer times are left out. */
  minCount: number;
}

/** Logistic regression by batch gradient descent (deterministic: no sampling, features in sorted order). */
export function trainRoleScorer(examples: readonly LabelledRole[], opts: RoleTrainOptions): RoleModelData {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const names = [...counts].filter(([, n]) => n >= opts.minCount).map(([f]) => f).sort();
  const id = new Map(names.map((f, k) => [f, k]));
  const rows = examples.map((e) => ({ x: e.features.map((f) => id.get(f)).filter((k): k is number => k !== undefined), y: e.label }));
  const w = new Float64Array(names.length);
  const grad = new Float64Array(names.length);
  const n = Math.max(1, rows.length);
  for (let it = 0; it < opts.iterations; it++) {
    grad.fill(0);
    for (const r of rows) {
      let s = 0;
      for (const k of r.x) s += w[k];
      const g = 1 / (1 + Math.exp(-s)) - r.y;
      for (const k of r.x) grad[k] += g;
    }
    // A step that shrinks as training settles (1 / sqrt(t)), from 1 over the mean gradient.
    const lr = 1 / Math.sqrt(it + 1);
    for (let k = 0; k < w.length; k++) w[k] -= lr * (grad[k] / n + opts.l2 * w[k]) * 4;
  }
  const scale = 1000;
  const weights: Record<string, number> = {};
  names.forEach((f, k) => {
    const q = Math.round(w[k] * scale);
    if (q !== 0) weights[f] = q;
  });
  return { scale, weights };
}

export const weightsId = (d: Pick<RoleModelData, 'scale' | 'weights'>): string => createHash('sha256').update(JSON.stringify([d.scale, d.weights])).digest('hex');

/** How well the probabilities hold on documents a model never saw: 2-fold by document, the Brier score and the share right by band. */
export function heldOutCalibration(examples: readonly LabelledRole[], opts: RoleTrainOptions): { examples: number; brier: number; bands: { band: string; n: number; right: number }[] } {
  const bands = [0, 0.25, 0.5, 0.75].map((lo) => ({ lo, band: `${lo.toFixed(2)}–${(lo + 0.25).toFixed(2)}`, n: 0, right: 0 }));
  let sq = 0;
  for (const fold of [0, 1]) {
    const m = compileRoleModel(trainRoleScorer(examples.filter((e) => e.doc % 2 !== fold), opts));
    for (const e of examples) {
      if (e.doc % 2 !== fold) continue;
      const p = roleProbability(e.features, m);
      sq += (p - e.label) ** 2;
      const b = bands[Math.min(3, Math.floor(p * 4))];
      b.n++;
      b.right += e.label;
    }
  }
  return { examples: examples.length, brier: Math.round((sq / Math.max(1, examples.length)) * 1000) / 1000, bands: bands.map(({ band, n, right }) => ({ band, n, right })) };
}
