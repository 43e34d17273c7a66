import { trainPerceptron, type Example } from './perceptron.js';
import { ingested, type GoldDoc } from './examples.js';
import { annotateIngested } from '../../pipeline.js';
import { scoredIncidents, useIncidentModel, type IncidentModelData } from '../incident-model.js';
import { incidentEvalEvent } from '../../eval/events-incidents.js';
import { newMucCounts, scoreMucDoc } from '../../eval/events-muc4.js';

/**
 * Training examples for the incident scorer, from MUC-4 DEV: every incident sitrep finds that gives
 * a country and a date is a 'yes' when it fits a gold incident of its document (type, country and
 * date, as `sitrep eval` judges), else a 'no'. Incidents that give no country or no date are left out
 * (the scorer is never asked about them twice: they can neither be found nor counted).
 */
export function incidentExamples(docs: readonly GoldDoc[]): (Example & { doc: number })[] {
  useIncidentModel({ threshold: 0, weights: new Map() });
  const out: (Example & { doc: number })[] = [];
  try {
    for (const [i, d] of docs.entries()) {
      const a = annotateIngested(ingested(d), { id: d.id });
      const incs = scoredIncidents(a);
      for (const inc of incs) {
        const c = newMucCounts();
        scoreMucDoc(c, d.events ?? [], [incidentEvalEvent(a, inc, a.events)]);
        if (c.predicted) out.push({ features: inc.features, label: c.correct ? 1 : 0, doc: i });
      }
    }
  } finally {
    useIncidentModel(undefined);
  }
  return out;
}

export function buildIncidentModel(examples: readonly Example[], opts: { epochs: number; seed: number; minCount: number }): IncidentModelData & { threshold: number } {
  const avg = trainPerceptron(examples, 2, opts);
  let max = 0;
  for (const a of avg.values()) for (const v of a) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? 1000 / max : 1;
  const weights: Record<string, number[]> = {};
  for (const f of [...avg.keys()].sort()) {
    const q = Array.from(avg.get(f)!, (v) => Math.round(v * scale));
    if (q.some((v) => v !== 0)) weights[f] = q;
  }
  return { scale, threshold: 0, weights };
}

/**
 * The threshold on the scorer's margin, chosen by a 2-fold cross-validation over documents: the
 * lowest margin at which the held-out incidents kept are still at least `precision` precise (the
 * share of them that fit a gold incident), so that as many as can be are kept at that precision.
 */
export function incidentThreshold(examples: readonly (Example & { doc: number })[], opts: { epochs: number; seed: number; minCount: number }, precision: number): { threshold: number; precision: number; recall: number } {
  const held: { score: number; yes: boolean }[] = [];
  for (const fold of [0, 1]) {
    const m = buildIncidentModel(examples.filter((e) => e.doc % 2 !== fold), opts);
    for (const e of examples.filter((x) => x.doc % 2 === fold)) {
      let score = 0;
      for (const f of e.features) {
        const w = m.weights[f];
        if (w) score += (w[1] - w[0]) / m.scale;
      }
      held.push({ score, yes: e.label === 1 });
    }
  }
  held.sort((a, b) => b.score - a.score);
  const yes = held.filter((h) => h.yes).length;
  let best = { threshold: held.length ? held[0].score : 0, precision: 0, recall: 0 };
  let tp = 0;
  for (let k = 0; k < held.length; k++) {
    if (held[k].yes) tp++;
    if (k + 1 < held.length && held[k + 1].score === held[k].score) continue;
    const p = tp / (k + 1);
    const r = yes ? tp / yes : 0;
    if (p >= precision && r > best.recall) best = { threshold: k + 1 < held.length ? (held[k].score + held[k + 1].score) / 2 : held[k].score - 1e-9, precision: p, recall: r };
  }
  return best;
}
