import { annotate } from '../index.js';
import { SitrepOptionError } from '../errors.js';
import { baselineSpans } from './baseline.js';
import { tagText } from '../ner/tag-text.js';
import { evalTypeOf } from './types.js';
import { goldSpans, sitrepSpans, type CountryActors } from './spans.js';
import { SECTIONS, knownTypes } from './sections.js';
import { ENTITY_EVAL_TYPES, ENTITY_TYPE_NAMES, type EntityEvalType } from './types.js';
import type { GoldDoc } from './gold.js';
import type { AnnotatedDoc } from '../doc.js';
import profiles from './dataset-profiles.json' with { type: 'json' };
import type { SpansByType } from './spans.js';
import type { EvalSection } from './section.js';

export interface EvalOptions {
  /** Types to score (default: every type a section knows). */
  types?: readonly string[];
  /** Called after each document (for progress). */
  onDocument?: (done: number, total: number) => void;
}

export interface EvalReport {
  documents: number;
  /** The types scored: those selected that the gold annotates (a type with no gold span in the file is left out). */
  types: string[];
  /** Selected types the gold file never annotates, left out so that their predictions do not count as errors. */
  typesWithoutGold: string[];
  /** Per-document problems met during the run (a failed annotation counts as no predictions). */
  notes: string[];
  /** Each section's figures by its name (`entities`, `dateValues`…); sections the gold had nothing for are absent. */
  sections: Record<string, unknown>;
}

export interface DatasetProfile {
  id: string;
  idPrefix: string;
  annotatedLines?: number;
  namesOnly?: boolean;
  countryActors?: CountryActors;
  reason: string;
}

export const DATASET_PROFILES: readonly DatasetProfile[] = profiles.profiles as DatasetProfile[];
const NON_NAME_SOURCES: readonly string[] = profiles.nonNameSources;

/** For gold that annotates names only: the document without its nominal, pro-form and coreference mentions (and how many went). */
function namesOnly(gold: GoldDoc, doc: AnnotatedDoc): { doc: AnnotatedDoc; left: number } {
  if (!profileFor(gold)?.namesOnly) return { doc, left: 0 };
  const mentions = doc.mentions.filter((m) => !NON_NAME_SOURCES.some((p) => m.source.startsWith(p)));
  return { doc: { ...doc, mentions }, left: doc.mentions.length - mentions.length };
}

export function profileFor(gold: GoldDoc): DatasetProfile | undefined {
  return DATASET_PROFILES.find((p) => gold.id.startsWith(p.idPrefix));
}

/**
 * The part of a document that is scored: the whole text, unless the dataset's profile says that
 * only its first lines are annotated (MEANTIME). Never derived from where the gold spans happen to
 * end, which would hide false positives in fully annotated documents.
 */
export function annotatedExtent(gold: GoldDoc): number {
  const lines = profileFor(gold)?.annotatedLines;
  if (!lines) return gold.text.length;
  let at = 0;
  for (let i = 0; i < lines; i++) {
    const nl = gold.text.indexOf('\n', at);
    if (nl === -1) return gold.text.length;
    at = nl + 1;
  }
  return at - 1;
}

function within(spans: SpansByType, end: number): SpansByType {
  return new Map([...spans].map(([t, l]) => [t, l.filter((s) => s.start < end)]));
}

/** Check `--types` values against what the sections score. */
export function parseTypes(value: string | readonly string[] | undefined): string[] {
  const known = knownTypes();
  if (value === undefined) return known;
  const list = (typeof value === 'string' ? value.split(',') : [...value]).map((t) => t.trim()).filter(Boolean);
  const bad = list.find((t) => !known.includes(t));
  if (bad !== undefined || list.length === 0) {
    throw new SitrepOptionError(`Expected \`--types\` to be a comma-separated list of ${known.join(', ')}, got \`${bad ?? String(value)}\``);
  }
  return [...new Set(list)];
}

/** The parts of sitrep on their own: the rules (the pipeline without the tagger) and the tagger (no refiner). */
function partSpans(gold: GoldDoc, types: readonly EntityEvalType[], scope: number, notes: string[]): { rules: SpansByType; tagger: SpansByType } {
  let rules: SpansByType = new Map(types.map((t) => [t, []]));
  try {
    rules = sitrepSpans(namesOnly(gold, annotate(gold.text, { id: gold.id, date: gold.doc_date ?? null, skip: ['recognize/ner-tagger'] })).doc, types, profileFor(gold)?.countryActors);
  } catch (err) {
    notes.push(`rules without the tagger failed: ${(err as Error).message}`);
  }
  const tagger: SpansByType = new Map(types.map((t) => [t, []]));
  for (const s of tagText(gold.text)) {
    const t = s.type === null ? undefined : evalTypeOf(s.type);
    const list = t && tagger.get(t);
    if (list) list.push({ start: s.start, end: s.end });
  }
  return { rules: within(rules, scope), tagger: within(tagger, scope) };
}

/**
 * Score sitrep, and the plain-compromise baseline, against gold documents. Each document is
 * annotated once through the public API (raw text, its `doc_date` as the document date) and every
 * section reads that one annotation.
 */
export function evaluateGold(docs: readonly GoldDoc[], options: EvalOptions = {}): { report: EvalReport; text: () => string } {
  const selected = parseTypes(options.types);
  const annotated = (t: string): boolean => {
    const gold = ENTITY_EVAL_TYPES[t as EntityEvalType]?.gold;
    return gold === undefined || docs.some((d) => d.entities.some((e) => e.coarse === gold));
  };
  const types = selected.filter(annotated);
  const entityTypes = ENTITY_TYPE_NAMES.filter((t) => types.includes(t));
  const active = SECTIONS.filter((s) => s.types.some((t) => types.includes(t))).map((kind) => ({ kind, section: kind.create() as EvalSection }));
  const notes: string[] = [];
  let nonNames = 0;
  docs.forEach((gold, i) => {
    let sitrep: AnnotatedDoc;
    try {
      sitrep = annotate(gold.text, { id: gold.id, date: gold.doc_date ?? null });
    } catch (err) {
      // A crash on one document is reported and the run goes on (it counts as predicting nothing).
      notes.push(`${gold.id}: sitrep failed: ${(err as Error).message}`);
      sitrep = { ...annotate('', { id: gold.id }), text: gold.text };
    }
    const docNotes: string[] = [];
    const g = goldSpans(gold, entityTypes);
    const scope = annotatedExtent(gold);
    const names = namesOnly(gold, sitrep);
    nonNames += names.left;
    const entities = {
      gold: g.spans,
      demonyms: g.demonyms,
      sitrep: within(sitrepSpans(names.doc, entityTypes, profileFor(gold)?.countryActors), scope),
      baseline: within(baselineSpans(gold.text, gold.doc_date, entityTypes, docNotes), scope),
      ...(entityTypes.length ? partSpans(gold, entityTypes, scope, docNotes) : {}),
    };
    notes.push(...docNotes.map((n) => `${gold.id}: ${n}`));
    for (const { section } of active) section.add({ gold, sitrep, types, entities, scope });
    options.onDocument?.(i + 1, docs.length);
  });
  const results = active.map(({ kind, section }) => ({ kind, section, result: section.result() }));
  if (nonNames) notes.push(`${nonNames} nominal, pro-form and coreference mentions not scored: the gold annotates names only (src/eval/dataset-profiles.json)`);
  const report: EvalReport = { documents: docs.length, types, typesWithoutGold: selected.filter((t) => !annotated(t)), notes, sections: {} };
  for (const r of results) if (r.result !== null) report.sections[r.kind.name] = r.result;
  const text = () =>
    results
      .filter((r) => r.result !== null)
      .map((r) => r.section.format(r.result).join('\n'))
      .join('\n\n');
  return { report, text };
}
