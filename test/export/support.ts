import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { annotateCorpusFile, corpusFiles, ROOT } from '../support/annotate.js';
import { serializeDoc } from '../../src/write/json.js';
import { annotate } from '../../src/index.js';
import type { AnnotatedDoc } from '../../src/doc.js';

export { ROOT };

/** The corpus, annotated once per test file. */
export function corpusDocs(): AnnotatedDoc[] {
  return corpusFiles().map(annotateCorpusFile);
}

/** A fresh temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `sitrep-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Write documents as `sitrep annotate` does (`<id>.json`, same serialisation). */
export function writeOutput(dir: string, docs: AnnotatedDoc[]): void {
  mkdirSync(dir, { recursive: true });
  for (const d of docs) writeFileSync(join(dir, `${d.doc.id}.json`), serializeDoc(d));
}

export function readQuery(name: string): string {
  return readFileSync(join(ROOT, 'src', 'export', 'queries', `${name}.sql`), 'utf8');
}

/** The sample report annotated again after an edit: one more paragraph (a changed document). */
export function reannotatedSample(sample: AnnotatedDoc): AnnotatedDoc {
  const text = `${sample.text}\n\nIn January 2025 the Taliban arrested IS-KP fighters in Kabul, Afghanistan.`;
  return annotate(text, { id: sample.doc.id, date: sample.doc.date.value ?? undefined, title: sample.doc.title ?? undefined });
}

export interface Totals {
  documents: number;
  entities: number;
  entity_ids: number;
  mentions: number;
  events: number;
  event_roles: number;
}

/** Row counts the JSON implies. */
export function totals(docs: AnnotatedDoc[]): Totals {
  const t: Totals = { documents: 0, entities: 0, entity_ids: 0, mentions: 0, events: 0, event_roles: 0 };
  for (const d of docs) {
    t.documents++;
    t.entities += d.entities.length;
    t.entity_ids += d.entities.reduce((n, e) => n + Object.values(e.ids).filter((v) => typeof v === 'string').length, 0);
    t.mentions += d.mentions.length;
    t.events += d.events.length;
    t.event_roles += d.events.reduce((n, e) => n + e.roles.length, 0);
  }
  return t;
}
