import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeIfChanged, type FileSink } from './file-sink.js';
import { escapeHtml } from '../write/escape.js';
import { MENTION_TYPES, type AnnotatedDoc } from '../doc.js';

/**
 * Label Studio (https://labelstud.io) import: `FILE` is a JSON array of tasks, one per document,
 * `data.text` the canonical text, and one prediction per task whose results are the mentions
 * (`labels`, with `score` = confidence) and the event roles (`relation` from the trigger mention
 * to the role's mention, labelled with the role). The prediction's `score` is the mean confidence.
 * Offsets are JavaScript string offsets, as Label Studio's own. Beside FILE, `<FILE>.config.xml`
 * is the labeling configuration the predictions fit (`from_name` "label", `to_name` "text").
 */

export const ROLES = ['actor', 'target', 'place', 'time', 'instrument'];

export function labelStudioTask(doc: AnnotatedDoc): Record<string, unknown> {
  const results: Record<string, unknown>[] = doc.mentions.map((m) => ({
    id: m.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    origin: 'prediction',
    value: { start: m.start, end: m.end, text: m.text, labels: [m.type] },
    score: m.confidence,
    meta: { source: m.source, ...(m.value !== undefined ? { value: m.value } : {}), ...(m.entity !== undefined ? { entity: m.entity } : {}) },
  }));
  const ids = new Set(doc.mentions.map((m) => m.id));
  for (const ev of doc.events) {
    if (ev.mention === undefined || !ids.has(ev.mention)) continue;
    for (const r of ev.roles) {
      if (r.mention === undefined || !ids.has(r.mention)) continue;
      results.push({ from_id: ev.mention, to_id: r.mention, type: 'relation', direction: 'right', labels: [r.role] });
    }
  }
  const score = doc.mentions.length ? Math.round((doc.mentions.reduce((s, m) => s + m.confidence, 0) / doc.mentions.length) * 1000) / 1000 : 0;
  return {
    data: { text: doc.text, doc_id: doc.doc.id, title: doc.doc.title, date: doc.doc.date.value, source: doc.doc.source.path },
    predictions: [{ model_version: `sitrep ${doc.run.pipelineVersion} (lexicon ${doc.run.lexiconHash})`, score, result: results }],
  };
}

export function labelStudioConfig(): string {
  const labels = MENTION_TYPES.map((t) => `    <Label value="${escapeHtml(t)}"/>`).join('\n');
  const roles = ROLES.map((r) => `    <Relation value="${escapeHtml(r)}"/>`).join('\n');
  return `<View>\n  <Relations>\n${roles}\n  </Relations>\n  <Labels name="label" toName="text">\n${labels}\n  </Labels>\n  <Text name="text" value="$text"/>\n</View>\n`;
}

/** `labelstudio:FILE`: the tasks file (written whole: a failed run keeps the previous file) and its config. */
export class LabelStudioSink implements FileSink {
  readonly description: string;
  readonly whole = true;
  private fh?: FileHandle;
  private readonly tmp: string;
  private count = 0;

  constructor(private readonly file: string) {
    this.description = `labelstudio:${file}`;
    this.tmp = `${file}.tmp-${process.pid}`;
  }

  private async handle(): Promise<FileHandle> {
    if (!this.fh) {
      await mkdir(dirname(this.file), { recursive: true });
      this.fh = await open(this.tmp, 'w');
      await this.fh.write('[');
    }
    return this.fh;
  }

  async add(doc: AnnotatedDoc): Promise<'written'> {
    const fh = await this.handle();
    await fh.write(`${this.count++ ? ',' : ''}\n${JSON.stringify(labelStudioTask(doc))}`);
    return 'written';
  }

  async finish(o: { ok: boolean }): Promise<{ pruned: number }> {
    const fh = await this.handle();
    if (o.ok) {
      await fh.write('\n]\n');
      await fh.sync();
    }
    await fh.close();
    this.fh = undefined;
    if (o.ok) {
      await rename(this.tmp, this.file);
      await writeIfChanged(`${this.file.replace(/\.json$/i, '')}.config.xml`, labelStudioConfig());
    } else await rm(this.tmp, { force: true });
    return { pruned: 0 };
  }
}
