import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOutput } from '../../src/export/run-export.js';
import { toBrat } from '../../src/export/brat.js';
import { readBrat } from '../../src/export/brat-read.js';
import { labelStudioTask } from '../../src/export/labelstudio.js';
import { toW3c } from '../../src/export/w3c.js';
import { applyDecisions } from '../../src/review/apply.js';
import { quoteAt } from '../../src/review/quote.js';
import { annotate } from '../../src/index.js';
import { corpusDocs, tempDir, writeOutput } from './support.js';
import type { AnnotatedDoc, Mention } from '../../src/doc.js';
import type { Decision } from '../../src/review/types.js';

/** A document with one mention of each reviewed kind: rejected, accepted, edited (retyped) and added. */
function reviewed(): AnnotatedDoc {
  const text = 'On 3 March 2024, Islamic State gunmen attacked a concert hall in Moscow, Russia. The Taliban condemned the attack in Kabul.';
  const doc = annotate(text, { id: 'reviewed', date: '2024-03-23' });
  const find = (t: string): Mention => doc.mentions.find((m) => m.text === t)!;
  const target = (m: Mention) => ({ id: m.id, type: m.type, ...quoteAt(doc.text, m.start, m.end), key: '' });
  const at = '2025-01-02T03:04:05Z';
  const decisions: Decision[] = [
    { id: 'd1', action: 'reject', target: target(find('Moscow')), at, by: 'ana' },
    { id: 'd2', action: 'accept', target: target(find('Kabul')), at, by: 'ana', note: 'checked' },
    { id: 'd3', action: 'edit', target: target(find('Russia')), type: 'place', span: quoteAt(doc.text, find('Russia').start, find('Russia').end), at, by: 'bo' },
    { id: 'd4', action: 'add', type: 'place', span: quoteAt(doc.text, text.indexOf('concert hall'), text.indexOf('concert hall') + 'concert hall'.length), at, by: 'bo' },
  ];
  applyDecisions(doc, decisions.map((decision, order) => ({ decision, file: 'test', order })));
  return doc;
}

const doc = reviewed();
const statusOf = (text: string): string | undefined => doc.mentions.find((m) => m.text === text)?.status;

describe('the review decisions the test document carries', () => {
  it('has one mention of each status', () => {
    expect([statusOf('Moscow'), statusOf('Kabul'), statusOf('Russia'), statusOf('concert hall'), statusOf('Taliban')]).toEqual(['rejected', 'accepted', 'edited', 'added', 'auto']);
  });
});

describe('brat', () => {
  const b = readBrat(doc.text, toBrat(doc).ann);
  const tbs = [...b.textBounds.values()];

  it('leaves out rejected mentions and notes every other decision with AnnotatorNotes', () => {
    expect(tbs.some((t) => t.text === 'Moscow')).toBe(false);
    const notes = b.other.filter((l) => l.startsWith('#'));
    const noteOn = (text: string) => notes.find((l) => l.split('\t')[1] === `AnnotatorNotes ${tbs.find((t) => t.text === text)!.id}`)?.split('\t')[2];
    expect(noteOn('Kabul')).toBe('sitrep review: accepted by ana at 2025-01-02T03:04:05Z: checked');
    expect(noteOn('Russia')).toBe('sitrep review: edited by bo at 2025-01-02T03:04:05Z (was country "Russia")');
    expect(noteOn('concert hall')).toBe('sitrep review: added by bo at 2025-01-02T03:04:05Z');
    expect(noteOn('Taliban')).toBeUndefined();
    expect(notes).toHaveLength(3);
  });

  it('writes each span once, in every corpus document (roles reuse the T line at their span)', () => {
    for (const d of [...corpusDocs(), doc]) {
      const seen = new Map<string, string>();
      const b2 = readBrat(d.text, toBrat(d).ann);
      for (const t of b2.textBounds.values()) {
        const key = `${t.start} ${t.end}`;
        expect(seen.get(key), `${d.doc.id}: ${t.id} ${t.type} ${key} "${t.text}" repeats ${seen.get(key)}`).toBeUndefined();
        seen.set(key, t.id);
      }
      // Every role still points at a T line over its own evidence.
      d.events.forEach((ev, i) => {
        expect(b2.events[i].args.map((a) => [b2.textBounds.get(a.ref)!.start, b2.textBounds.get(a.ref)!.end])).toEqual(ev.roles.map((r) => [r.start, r.end]));
      });
    }
  });
});

describe('Label Studio', () => {
  const task = labelStudioTask(doc) as { predictions: { result: Record<string, any>[] }[]; annotations?: { result: Record<string, any>[]; created_at?: string }[] };
  const texts = (rs: Record<string, any>[]) => rs.filter((r) => r.type === 'labels').map((r) => r.value.text).sort();

  it('leaves rejected and added mentions out of the prediction', () => {
    const predicted = texts(task.predictions[0].result);
    expect(predicted).not.toContain('Moscow');
    expect(predicted).not.toContain('concert hall');
    expect(predicted).toContain('Taliban');
    expect(predicted).toHaveLength(doc.mentions.filter((m) => m.status !== 'rejected' && m.status !== 'added').length);
  });

  it('gives what reviewers accepted, edited or added as the task annotation', () => {
    expect(task.annotations).toHaveLength(1);
    const [a] = task.annotations!;
    expect(texts(a.result)).toEqual(['Kabul', 'Russia', 'concert hall']);
    expect(a.result.find((r) => r.value?.text === 'Russia')).toMatchObject({ origin: 'manual', value: { labels: ['place'] }, meta: { status: 'edited', review: { by: 'bo' } } });
    expect(a.result.every((r) => r.score === undefined)).toBe(true);
    expect(a.created_at).toBe('2025-01-02T03:04:05Z');
  });

  it('has no annotation for a document nobody reviewed', () => {
    expect(labelStudioTask(annotate('The Taliban took Kabul in 2021.', { id: 'x', date: '2024-01-01' }))).not.toHaveProperty('annotations');
  });
});

describe('W3C', () => {
  it('keeps every mention with its sitrep:status', () => {
    const items = (toW3c(doc).first as { items: { 'sitrep:status'?: string; target: { selector: { exact?: string }[] } }[] }).items;
    const status = (t: string) => items.find((a) => a.target.selector[0].exact === t)?.['sitrep:status'];
    expect([status('Moscow'), status('Kabul'), status('Russia'), status('concert hall')]).toEqual(['rejected', 'accepted', 'edited', 'added']);
    const kabul = items.find((a) => a.target.selector[0].exact === 'Kabul') as unknown as Record<string, unknown>;
    expect(kabul['sitrep:review']).toMatchObject({ by: 'ana', at: '2025-01-02T03:04:05Z', note: 'checked' });
  });
});

describe('a second export of the same output', () => {
  const tmp = tempDir('reexport');
  const from = join(tmp.dir, 'output');
  beforeAll(() => writeOutput(from, [doc, annotate('Al-Shabaab attacked Mogadishu in May 2024.', { id: 'other', date: '2024-06-01' })]));
  afterAll(() => tmp.remove());

  it.each([
    ['jsonl', 'jsonl:DIR', 'mentions.jsonl'],
    ['labelstudio', 'labelstudio:DIR/tasks.json', 'tasks.json'],
    ['brat', 'brat:DIR', 'reviewed.ann'],
    ['w3c', 'w3c:DIR', 'reviewed.jsonld'],
  ])('%s reports "unchanged" and leaves the files untouched', async (kind, to, file) => {
    const dir = join(tmp.dir, kind);
    const target = to.replace('DIR', dir);
    expect(await exportOutput({ from, to: target })).toMatchObject({ written: 2, unchanged: 0 });
    const mtime = statSync(join(dir, file)).mtimeMs;
    const bytes = readFileSync(join(dir, file), 'utf8');
    expect(await exportOutput({ from, to: target })).toMatchObject({ written: 0, unchanged: 2 });
    expect(statSync(join(dir, file)).mtimeMs).toBe(mtime);
    expect(readFileSync(join(dir, file), 'utf8')).toBe(bytes);
    // A changed document: written again.
    writeOutput(from, [annotate('Al-Shabaab attacked Mogadishu in June 2024.', { id: 'other', date: '2024-07-01' })]);
    try {
      const r = await exportOutput({ from, to: target });
      expect(r.written).toBeGreaterThan(0);
    } finally {
      writeOutput(from, [annotate('Al-Shabaab attacked Mogadishu in May 2024.', { id: 'other', date: '2024-06-01' })]);
      await exportOutput({ from, to: target });
    }
  });
});
