import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportOutput } from '../../src/export/run-export.js';
import { TABLES, TABLE_NAMES } from '../../src/export/rows.js';
import { readBrat, sitrepEntityId } from '../../src/export/brat-read.js';
import { toBrat } from '../../src/export/brat.js';
import { toW3c } from '../../src/export/w3c.js';
import { labelStudioTask } from '../../src/export/labelstudio.js';
import { offsetMap } from '../../src/export/code-points.js';
import { validateDoc } from '../../src/schema/validate.js';
import { annotate } from '../../src/index.js';
import { corpusDocs, tempDir, totals, writeOutput } from './support.js';
import type { AnnotatedDoc } from '../../src/doc.js';

const tmp = tempDir('files');
const from = join(tmp.dir, 'output');
let docs: AnnotatedDoc[];

/** Documents that exercise offsets: characters outside the BMP before the spans, and a span across a line break. */
function edgeDocs(): AnnotatedDoc[] {
  const emoji = annotate('🙂🙂 On 3 March 2024, Islamic State gunmen attacked a concert hall in Moscow, Russia, killing 145 people. 🇷🇺 The Taliban condemned the attack in Kabul.', { id: 'emoji', date: '2024-03-23' });
  const text = 'Fighters of the Islamic\nState attacked Palma in Mozambique in March 2021.';
  const broken = annotate(text, { id: 'line-break', date: '2021-04-01' });
  const start = text.indexOf('Islamic');
  const end = text.indexOf('State') + 'State'.length;
  broken.mentions = broken.mentions.filter((m) => m.end <= start || m.start >= end);
  broken.mentions.push({ id: `group-${start}-${end}`, type: 'group', start, end, text: text.slice(start, end), sentence: 0, source: 'test:line-break', confidence: 0.5, status: 'auto' });
  broken.mentions.sort((a, b) => a.start - b.start);
  broken.entities = broken.entities.map((e) => ({ ...e, mentions: e.mentions.filter((id) => broken.mentions.some((m) => m.id === id)) })).filter((e) => e.mentions.length);
  broken.events = broken.events.filter((e) => e.roles.every((r) => !r.mention || broken.mentions.some((m) => m.id === r.mention)));
  return [emoji, broken];
}

beforeAll(() => {
  docs = [...corpusDocs(), ...edgeDocs()];
  for (const d of docs) expect(validateDoc(d).errors).toEqual([]);
  writeOutput(from, docs);
});
afterAll(() => tmp.remove());

const cpSlice = (text: string, s: number, e: number): string => Array.from(text).slice(s, e).join('');

describe('jsonl:DIR', () => {
  const dir = join(tmp.dir, 'jsonl');
  const read = (t: string): Record<string, unknown>[] => readFileSync(join(dir, `${t}.jsonl`), 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

  it('writes one file per table, rows with the database columns, as many as the JSON has', async () => {
    const r = await exportOutput({ from, to: `jsonl:${dir}` });
    expect(r).toMatchObject({ documents: docs.length, written: docs.length, failed: [] });
    const expected = totals(docs);
    for (const t of TABLE_NAMES) {
      const rows = read(t);
      expect(rows).toHaveLength(expected[t]);
      for (const row of rows) expect(Object.keys(row)).toEqual([...TABLES[t]]);
    }
    const sample = read('mentions').find((m) => m.text === 'IS-KP')!;
    expect(sample).toMatchObject({ type: 'group', entity_id: expect.any(String) });
  });

  it('writes the same bytes again, and keeps the previous files when an input is bad', async () => {
    const before = TABLE_NAMES.map((t) => readFileSync(join(dir, `${t}.jsonl`), 'utf8'));
    await exportOutput({ from, to: `jsonl:${dir}` });
    expect(TABLE_NAMES.map((t) => readFileSync(join(dir, `${t}.jsonl`), 'utf8'))).toEqual(before);
    writeFileSync(join(from, 'bad.json'), '[]');
    try {
      const r = await exportOutput({ from, to: `jsonl:${dir}` });
      expect(r.failed).toEqual([{ file: join(from, 'bad.json'), message: expect.stringMatching(/bad\.json: does not match the sitrep document schema: \/: must be object/) }]);
      expect(r.keptPrevious).toBe(true);
      expect(TABLE_NAMES.map((t) => readFileSync(join(dir, `${t}.jsonl`), 'utf8'))).toEqual(before);
      expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    } finally {
      rmSync(join(from, 'bad.json'));
    }
  });
});

describe('brat:DIR', () => {
  const dir = join(tmp.dir, 'brat');
  beforeAll(async () => {
    expect(await exportOutput({ from, to: `brat:${dir}` })).toMatchObject({ written: docs.length, failed: [] });
  });

  it('writes <id>.txt (the canonical text), <id>.ann and annotation.conf', () => {
    for (const d of docs) expect(readFileSync(join(dir, `${d.doc.id}.txt`), 'utf8')).toBe(d.text);
    const conf = readFileSync(join(dir, 'annotation.conf'), 'utf8');
    expect(conf).toMatch(/\[entities\]\n(.*\n)*group\n/);
    expect(conf).toMatch(/\nattack\tActor\*:<ENTITY>/);
    expect(conf).toMatch(/Factuality\tArg:<EVENT>, Value:asserted\|reported/);
  });

  it('reads back into the same spans: every mention, every event trigger and role, factuality and entity links', () => {
    for (const d of docs) {
      const ann = readFileSync(join(dir, `${d.doc.id}.ann`), 'utf8');
      const txt = readFileSync(join(dir, `${d.doc.id}.txt`), 'utf8');
      const b = readBrat(txt, ann);
      const tbs = [...b.textBounds.values()];
      // brat counts code points: each T line's text is the code-point slice of the .txt.
      for (const line of ann.split('\n').filter((l) => l.startsWith('T'))) {
        const [, where, text] = line.split('\t');
        const frs = where.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number));
        expect(frs.map(([s, e]) => cpSlice(txt, s, e)).join(' ')).toBe(text);
      }
      const spans = new Set(tbs.map((t) => `${t.start}-${t.end}`));
      for (const m of d.mentions) expect(spans.has(`${m.start}-${m.end}`), `${d.doc.id} ${m.id}`).toBe(true);
      for (const t of tbs) expect(d.text.slice(t.start, t.end).replace(/[\n\r]/g, ' ')).toBe(t.text);
      expect(b.events).toHaveLength(d.events.length);
      d.events.forEach((ev, i) => {
        const e = b.events[i];
        const trig = b.textBounds.get(e.trigger)!;
        expect([trig.start, trig.end, trig.type]).toEqual([ev.trigger.start, ev.trigger.end, ev.type]);
        expect(e.args.map((a) => [a.role.toLowerCase(), b.textBounds.get(a.ref)!.start, b.textBounds.get(a.ref)!.end])).toEqual(ev.roles.map((r) => [r.role, r.start, r.end]));
        expect(b.attributes.find((a) => a.target === e.id && a.name === 'Factuality')?.value).toBe(ev.factuality);
      });
      // Each linked mention's T line carries an N line naming its entity.
      const linked = new Map<string, string>();
      for (const n of b.normalizations) {
        const id = sitrepEntityId(n);
        const t = b.textBounds.get(n.target)!;
        if (id) linked.set(`${t.start}-${t.end}`, id);
      }
      for (const m of d.mentions.filter((x) => d.entities.some((e) => e.id === x.entity))) expect(linked.get(`${m.start}-${m.end}`)).toBe(m.entity);
    }
  });

  it('converts offsets after characters outside the BMP, and splits a span across a line break', () => {
    const emoji = docs.find((d) => d.doc.id === 'emoji')!;
    const m = emoji.mentions.find((x) => x.text === 'Moscow')!;
    const ann = toBrat(emoji).ann;
    const map = offsetMap(emoji.text);
    expect(map.toCodePoint(m.start)).toBeLessThan(m.start);
    expect(ann).toContain(`${m.type} ${map.toCodePoint(m.start)} ${map.toCodePoint(m.end)}\tMoscow`);
    const lb = docs.find((d) => d.doc.id === 'line-break')!;
    const g = lb.mentions.find((x) => x.source === 'test:line-break')!;
    expect(toBrat(lb).ann).toContain(`group ${g.start} ${g.start + 'Islamic'.length};${g.start + 'Islamic'.length + 1} ${g.end}\tIslamic State`);
  });

  it('rejects a malformed .ann line, naming it', () => {
    expect(() => readBrat('abc', 'T1\tgroup 0 x\tabc')).toThrow(/line 1: not a text-bound annotation/);
    expect(() => readBrat('abc', 'T1\tgroup 0 9\tabc')).toThrow(/line 1: offsets outside the text/);
  });

  it('with --prune removes the files of documents gone from the output; without, keeps them', async () => {
    rmSync(join(from, 'line-break.json'));
    try {
      expect(await exportOutput({ from, to: `brat:${dir}` })).toMatchObject({ pruned: 0, unchanged: docs.length - 1 });
      expect(existsSync(join(dir, 'line-break.ann'))).toBe(true);
      const mtime = statSync(join(dir, 'emoji.ann')).mtimeMs;
      expect(await exportOutput({ from, to: `brat:${dir}`, prune: true })).toMatchObject({ pruned: 1, unchanged: docs.length - 1 });
      expect(existsSync(join(dir, 'line-break.ann')) || existsSync(join(dir, 'line-break.txt'))).toBe(false);
      expect(statSync(join(dir, 'emoji.ann')).mtimeMs).toBe(mtime);
    } finally {
      writeOutput(from, docs.filter((d) => d.doc.id === 'line-break'));
    }
  });
});

describe('w3c:DIR', () => {
  const dir = join(tmp.dir, 'w3c');

  it('writes an AnnotationCollection per document whose selectors find every span', async () => {
    expect(await exportOutput({ from, to: `w3c:${dir}` })).toMatchObject({ written: docs.length, failed: [] });
    for (const d of docs) {
      const c = JSON.parse(readFileSync(join(dir, `${d.doc.id}.jsonld`), 'utf8'));
      const txt = readFileSync(join(dir, `${d.doc.id}.txt`), 'utf8');
      expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(c.type).toBe('AnnotationCollection');
      const items = c.first.items as { id: string; type: string; motivation: string; body: { purpose: string; value?: string; source?: unknown }[]; target: { source: string; selector: Record<string, unknown>[] } }[];
      expect(items).toHaveLength(d.mentions.length + d.events.length);
      expect(c.total).toBe(items.length);
      expect(new Set(items.map((a) => a.id)).size).toBe(items.length);
      const spans = [...d.mentions, ...d.events.map((e) => e.trigger)];
      items.forEach((a, i) => {
        expect(a.type).toBe('Annotation');
        expect(a.target.source).toBe(`${d.doc.id}.txt`);
        const [quote, pos] = a.target.selector as [{ type: string; exact: string; prefix: string; suffix: string }, { type: string; start: number; end: number }];
        expect([quote.type, pos.type]).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
        expect(quote.exact).toBe(spans[i].text);
        expect(cpSlice(txt, pos.start, pos.end)).toBe(quote.exact);
        expect(txt.slice(0, spans[i].start).endsWith(quote.prefix)).toBe(true);
        expect(txt.slice(spans[i].end).startsWith(quote.suffix)).toBe(true);
      });
      for (const [i, m] of d.mentions.entries()) expect(items[i].body[0]).toEqual({ type: 'TextualBody', purpose: 'tagging', value: m.type });
      // Role bodies link to the annotations of their mentions.
      const ids = new Set(items.map((a) => a.id));
      for (const a of items.filter((x) => x.motivation === 'classifying')) for (const b of a.body.filter((x) => x.purpose === 'linking' && typeof x.source === 'string')) expect(ids.has(b.source as string)).toBe(true);
    }
  });

  it('counts TextPositionSelector positions in code points', () => {
    const emoji = docs.find((d) => d.doc.id === 'emoji')!;
    const m = emoji.mentions.find((x) => x.text === 'Moscow')!;
    const a = (toW3c(emoji).first as { items: { target: { selector: { start?: number }[] } }[] }).items[emoji.mentions.indexOf(m)];
    expect(a.target.selector[1].start).toBe(Array.from(emoji.text.slice(0, m.start)).length);
    expect(a.target.selector[1].start).toBeLessThan(m.start);
  });
});

describe('labelstudio:FILE', () => {
  const file = join(tmp.dir, 'ls', 'tasks.json');

  it('writes one task per document with scored predictions and a config they fit', async () => {
    expect(await exportOutput({ from, to: `labelstudio:${file}` })).toMatchObject({ written: docs.length, failed: [] });
    const tasks = JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof labelStudioTask>[];
    expect(tasks).toHaveLength(docs.length);
    const config = readFileSync(join(tmp.dir, 'ls', 'tasks.config.xml'), 'utf8');
    for (const t of tasks) {
      const d = docs.find((x) => x.doc.id === (t.data as { doc_id: string }).doc_id)!;
      const data = t.data as { text: string; doc_id: string };
      expect(data).toMatchObject({ text: d.text, doc_id: d.doc.id });
      const [p] = t.predictions as { score: number; model_version: string; result: Record<string, any>[] }[];
      expect(p.model_version).toContain(d.run.pipelineVersion);
      expect(p.score).toBeGreaterThan(0);
      expect(p.score).toBeLessThanOrEqual(1);
      const labels = p.result.filter((r) => r.type === 'labels');
      expect(labels).toHaveLength(d.mentions.length);
      for (const r of labels) {
        expect(data.text.slice(r.value.start, r.value.end)).toBe(r.value.text);
        expect(config).toContain(`<Label value="${r.value.labels[0]}"/>`);
        expect(r.score).toBe(d.mentions.find((m) => m.id === r.id)!.confidence);
      }
      const ids = new Set(labels.map((r) => r.id));
      const relations = p.result.filter((r) => r.type === 'relation');
      for (const r of relations) {
        expect(ids.has(r.from_id) && ids.has(r.to_id)).toBe(true);
        expect(config).toContain(`<Relation value="${r.labels[0]}"/>`);
      }
      expect(relations).toHaveLength(d.events.filter((e) => e.mention).reduce((n, e) => n + e.roles.filter((r) => r.mention).length, 0));
    }
  });
});
