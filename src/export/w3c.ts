import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { offsetMap, type OffsetMap } from './code-points.js';
import { fileNameOf } from '../doc-id.js';
import { pruneFiles, writeIfChanged, type FileSink } from './file-sink.js';
import type { AnnotatedDoc, Entity, Span } from '../doc.js';

/**
 * W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/), JSON-LD: per document
 * an `AnnotationCollection` in `<id>.jsonld` whose annotations target `<id>.txt` (the canonical
 * text) with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector. As the model
 * requires, positions count code points (sitrep's own offsets count UTF-16 code units).
 * Mentions are `identifying` annotations (type, entity, ids, normalised value); events are
 * `classifying` annotations of their trigger, with one `linking` body per role pointing at the
 * role's mention annotation. Confidence and the rule or lexicon entry go in `sitrep:` properties, and
 * so does a reviewer's decision (`sitrep:status`, `sitrep:review`: by, at, note); rejected mentions stay.
 */

const CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { sitrep: 'urn:sitrep:vocab#' }];
const QUOTE_CONTEXT = 32;
const ID_URL: Record<string, (v: string) => string> = {
  wikidata: (v) => `http://www.wikidata.org/entity/${v}`,
};

const enc = encodeURIComponent;

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function selectors(text: string, map: OffsetMap, s: Span): unknown[] {
  let p = Math.max(0, s.start - QUOTE_CONTEXT);
  if (p > 0 && isLowSurrogate(text.charCodeAt(p))) p--;
  let q = Math.min(text.length, s.end + QUOTE_CONTEXT);
  if (q < text.length && isLowSurrogate(text.charCodeAt(q))) q++;
  return [
    { type: 'TextQuoteSelector', exact: s.text, prefix: text.slice(p, s.start), suffix: text.slice(s.end, q) },
    { type: 'TextPositionSelector', start: map.toCodePoint(s.start), end: map.toCodePoint(s.end) },
  ];
}

/** One document as a W3C AnnotationCollection; its source is the text file beside it, `<name>.txt` (`name`: its files' name). */
export function toW3c(doc: AnnotatedDoc, name = fileNameOf(doc.doc.id)): Record<string, unknown> {
  const id = doc.doc.id;
  const base = `urn:sitrep:${enc(id)}`;
  // A relative URL to the file: its name percent-encoded again (a name holds `%`).
  const source = `${enc(name)}.txt`;
  const map = offsetMap(doc.text);
  const generator = { id: `urn:sitrep:pipeline:${enc(doc.run.pipelineVersion)}`, type: 'Software', name: `sitrep ${doc.run.pipelineVersion}` };
  const entities = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  const items: Record<string, unknown>[] = [];
  for (const m of doc.mentions) {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'tagging', value: m.type }];
    const e = m.entity !== undefined ? entities.get(m.entity) : undefined;
    if (e) {
      body.push({ type: 'TextualBody', purpose: 'identifying', value: e.id, 'sitrep:name': e.name });
      for (const [scheme, value] of Object.entries(e.ids)) {
        if (typeof value !== 'string') continue;
        const url = ID_URL[scheme]?.(value);
        body.push(url ? { type: 'SpecificResource', purpose: 'identifying', source: url } : { type: 'TextualBody', purpose: 'identifying', value, 'sitrep:scheme': scheme });
      }
    }
    if (m.value !== undefined) body.push({ type: 'TextualBody', purpose: 'describing', value: m.value, 'sitrep:normalised': true });
    items.push({
      id: `${base}:mention:${enc(m.id)}`,
      type: 'Annotation',
      motivation: 'identifying',
      generator,
      body,
      target: { source, selector: selectors(doc.text, map, m) },
      'sitrep:confidence': m.confidence,
      'sitrep:source': m.source,
      ...(m.status ? { 'sitrep:status': m.status } : {}),
      ...(m.review ? { 'sitrep:review': m.review } : {}),
    });
  }
  for (const ev of doc.events) {
    const body: Record<string, unknown>[] = [{ type: 'TextualBody', purpose: 'classifying', value: ev.type }];
    if (ev.subtype) body.push({ type: 'TextualBody', purpose: 'classifying', value: ev.subtype, 'sitrep:subtype': true });
    for (const r of ev.roles) {
      body.push(
        r.mention !== undefined
          ? { type: 'SpecificResource', purpose: 'linking', source: `${base}:mention:${enc(r.mention)}`, 'sitrep:role': r.role }
          : { type: 'SpecificResource', purpose: 'linking', source: { source, selector: selectors(doc.text, map, r) }, 'sitrep:role': r.role },
      );
    }
    items.push({
      id: `${base}:event:${enc(ev.id)}`,
      type: 'Annotation',
      motivation: 'classifying',
      generator,
      body,
      target: { source, selector: selectors(doc.text, map, ev.trigger) },
      'sitrep:confidence': ev.confidence,
      'sitrep:source': ev.source,
      'sitrep:factuality': ev.factuality,
    });
  }
  return {
    '@context': CONTEXT,
    id: base,
    type: 'AnnotationCollection',
    label: doc.doc.title ?? id,
    total: items.length,
    first: { id: `${base}:page-1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** `w3c:DIR`: `<id>.jsonld` (the annotations) and `<id>.txt` (the text they select from) per document. */
export class W3cSink implements FileSink {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `w3c:${dir}`;
  }

  /** Files are named as the document's output files are (`name`, else `fileNameOf(doc.id)`). */
  async add(doc: AnnotatedDoc, name = fileNameOf(doc.doc.id)): Promise<'written' | 'unchanged'> {
    await mkdir(this.dir, { recursive: true });
    const a = await writeIfChanged(join(this.dir, `${name}.txt`), doc.text);
    const b = await writeIfChanged(join(this.dir, `${name}.jsonld`), `${JSON.stringify(toW3c(doc, name), null, 1)}\n`);
    return a === 'unchanged' && b === 'unchanged' ? 'unchanged' : 'written';
  }

  async finish(o: { keep: ReadonlySet<string>; prune: boolean }): Promise<{ pruned: number }> {
    return { pruned: o.prune ? await pruneFiles(this.dir, ['.jsonld', '.txt'], o.keep) : 0 };
  }
}
