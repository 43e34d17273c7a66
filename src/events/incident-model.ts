import shipped from '../lexicon/event-incident-model.json' with { type: 'json' };
import { incidentContext, incidentFeatures, type IncidentDoc } from './incident-features.js';
import { incidentsOf, type Incident } from './incidents.js';
import type { EventFrame } from '../doc.js';

/**
 * The incident scorer: an averaged perceptron (trained with the trigger classifier, src/events/train/)
 * that says whether a document-level incident is one a report is about (MUC-4's notion: an attack that
 * happened, told of in the document, placed and dated), from the features of incident-features.ts.
 * Weights ship as data (src/lexicon/event-incident-model.json).
 */

export interface IncidentModelData {
  about?: string;
  scale: number;
  /** Incidents whose margin of 'yes' over 'no' is above this are kept (chosen in training by cross-validation). */
  threshold?: number;
  /** Feature → [weight of 'no', weight of 'yes']. */
  weights: Record<string, number[]>;
  training?: Record<string, unknown>;
}

export interface IncidentModel {
  threshold: number;
  weights: Map<string, [number, number]>;
}

export function compileIncidentModel(d: IncidentModelData): IncidentModel {
  const weights = new Map<string, [number, number]>();
  for (const [f, [a, b]] of Object.entries(d.weights)) weights.set(f, [a / d.scale, b / d.scale]);
  return { threshold: d.threshold ?? 0, weights };
}

let current: IncidentModel | undefined;

export function incidentModel(): IncidentModel {
  return (current ??= compileIncidentModel(shipped as IncidentModelData));
}

/** Use another model (training); `undefined` goes back to the shipped one. */
export function useIncidentModel(m: IncidentModel | undefined): void {
  current = m;
}

export interface ScoredIncident extends Incident {
  /** Margin of 'yes' over 'no'. */
  score: number;
  /** The score is above the model's threshold. */
  kept: boolean;
  features: string[];
}

/** The incidents of a document, each with its features and the scorer's margin. */
export function scoredIncidents(doc: IncidentDoc, events: readonly EventFrame[] = doc.events): ScoredIncident[] {
  const incs = incidentsOf(doc, events);
  const c = incidentContext(doc, incs.length);
  const byId = new Map(events.map((e) => [e.id, e]));
  const m = incidentModel();
  return incs.map((inc) => {
    const features = incidentFeatures(inc, inc.events.map((id) => byId.get(id)!), c);
    let score = 0;
    for (const f of features) {
      const w = m.weights.get(f);
      if (w) score += w[1] - w[0];
    }
    return { ...inc, features, score, kept: score > m.threshold || m.weights.size === 0 };
  });
}
