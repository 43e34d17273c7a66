import { readFileSync } from 'node:fs';
import { annotateIngested } from '../../pipeline.js';
import { sentenceAt } from '../../segment/sentences.js';
import { wikiFamilyOfGold } from '../../eval/events-types.js';
import { collectTriggerExamples, type TriggerExample } from '../learned-triggers.js';
import { stem } from '../trigger-features.js';
import type { AnnotatedDoc } from '../../doc.js';
import type { IngestedDoc } from '../../ingest/types.js';

/**
 * Training examples for the trigger classifier, from three gold sets (../shared): WikiEvents
 * (trigger spans: Conflict.Attack → attack, Justice.ArrestJailDetain → arrest, any other word none),
 * MUC-4 DEV (no trigger spans: a lexicon trigger of a violent type is an attack when its sentence
 * holds an argument of an incident of the document, none in a document without incidents, and left
 * out otherwise) and MEANTIME (business news: every word read is none).
 */

export interface GoldDoc {
  id: string;
  text: string;
  doc_date?: string | null;
  events?: unknown[];
  meta?: Record<string, unknown>;
}

export interface LabelledExample extends TriggerExample {
  /** 'none', 'attack' or 'arrest'; undefined: not known (left out). */
  label?: string;
  /** Stem of the word: non-lexicon words are read only when their stem was a trigger in training. */
  stem: string;
}

export interface CorpusExamples {
  doc: GoldDoc;
  annotated: AnnotatedDoc;
  examples: LabelledExample[];
}

export function readJsonl(path: string, limit = Infinity): GoldDoc[] {
  const out: GoldDoc[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line.trim() && out.length < limit) out.push(JSON.parse(line) as GoldDoc);
  }
  return out;
}

export function ingested(doc: GoldDoc): IngestedDoc {
  return { key: doc.id, path: doc.id, format: 'txt', source: doc.text, text: doc.text, segments: [[0, doc.text.length, 0, doc.text.length]], title: null, date: doc.doc_date ? { value: doc.doc_date, source: 'option' } : { value: null, source: 'none' }, diagnostics: [] };
}

/** Annotate one document with the classifier in collecting mode: its examples, unlabelled. */
function collect(doc: GoldDoc): { annotated: AnnotatedDoc; examples: TriggerExample[]; sentences: AnnotatedDoc['sentences'] } {
  let examples: TriggerExample[] = [];
  collectTriggerExamples((_, ex) => {
    examples = ex;
  });
  try {
    const annotated = annotateIngested(ingested(doc), { id: doc.id });
    return { annotated, examples, sentences: annotated.sentences };
  } finally {
    collectTriggerExamples(undefined);
  }
}

const wordOf = (e: TriggerExample): string => (e.features.find((f) => f.startsWith('w=')) ?? 'w=').slice(2);

interface WikiEvent {
  type: string;
  trigger: { start: number; end: number };
}

export function wikiExamples(docs: readonly GoldDoc[]): CorpusExamples[] {
  return docs.map((doc) => {
    const { annotated, examples } = collect(doc);
    const gold = ((doc.events ?? []) as WikiEvent[]).map((e) => ({ ...e.trigger, family: wikiFamilyOfGold(e.type) ?? 'none' }));
    return {
      doc,
      annotated,
      // A lexicon trigger that no gold event covers is left out: WikiEvents leaves many attacks unannotated.
      examples: examples.map((e) => {
        const family = gold.find((g) => g.start < e.end && e.start < g.end)?.family;
        return { ...e, stem: stem(wordOf(e)), label: family ?? (e.lex && !process.env.WIKI_NEG ? undefined : 'none') };
      }),
    };
  });
}

interface MucIncident {
  type: string;
  arguments?: { start: number; end: number }[];
}

const MUC_VIOLENT = new Set(['ATTACK', 'BOMBING', 'KIDNAPPING', 'ARSON']);
const VIOLENT_TYPES = new Set(['attack', 'battle', 'offensive']);

export function mucExamples(docs: readonly GoldDoc[]): CorpusExamples[] {
  return docs.map((doc) => {
    const { annotated, examples, sentences } = collect(doc);
    const incidents = ((doc.events ?? []) as MucIncident[]).filter((e) => typeof e.type === 'string');
    const argSentences = new Set<number>();
    for (const inc of incidents) if (MUC_VIOLENT.has(inc.type)) for (const a of inc.arguments ?? []) argSentences.add(sentenceAt(sentences, a.start));
    return {
      doc,
      annotated,
      examples: examples.map((e) => {
        let label: string | undefined;
        if (incidents.length === 0 && process.env.MUC_NEG) label = 'none';
        else if (e.lex && VIOLENT_TYPES.has(e.lex.type) && argSentences.has(sentenceAt(sentences, e.start))) label = 'attack';
        return { ...e, stem: stem(wordOf(e)), label };
      }),
    };
  });
}

export function noneExamples(docs: readonly GoldDoc[]): CorpusExamples[] {
  return docs.map((doc) => {
    const { annotated, examples } = collect(doc);
    return { doc, annotated, examples: examples.map((e) => ({ ...e, stem: stem(wordOf(e)), label: 'none' })) };
  });
}

/**
 * Stems of the WikiEvents attack and arrest triggers of some documents that are triggers at least
 * `minCount` times (the words beside the lexicon's that the classifier may read).
 */
export function triggerStems(docs: readonly GoldDoc[], minCount = 1): Set<string> {
  const counts = new Map<string, number>();
  for (const d of docs) {
    for (const e of (d.events ?? []) as WikiEvent[]) {
      const fam = wikiFamilyOfGold(e.type);
      if (!fam) continue;
      const words = d.text.slice(e.trigger.start, e.trigger.end).toLowerCase().split(/[^\p{L}'’-]+/u).filter(Boolean);
      if (words.length) {
        const st = stem(words[words.length - 1]);
        counts.set(st, (counts.get(st) ?? 0) + 1);
      }
    }
  }
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([st]) => st));
}
