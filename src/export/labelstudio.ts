import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { replaceUnlessSame, writeIfChanged, type FileSink } from './file-sink.js';
import { escapeHtml } from '../write/escape.js';
import { MENTION_TYPES, type AnnotatedDoc, type Mention } from '../doc.js';

/**
 * Label Studio (https://labelstud.io) import: `FILE` is a JSON array of tasks, one per document,
 * `data.text` the canonical text. The pipeline's mentions (`labels`, with `score` = confidence) and
 * event roles (`relation` from the trigger mention to the role's mention, labelled with the role)
 * are one prediction per task, whose `score` is the mean confidence; mentions a reviewer rejected
 * are left out of it. What a reviewer accepted, edited or added is the task's one `annotation`
 * (with the relations between those mentions), so Label Studio shows it as done work.
 * Offsets are JavaScript string offsets, as Label Studio's own. Beside FILE, `<FILE>.config.xml`
 * (`tasks.json` → `tasks.config.xml`) is the labeling configuration the results fit
 * (`from_name` "label", `to_name` "text").
 */

export const ROLES = ['actor', 'target', 'place', 'time', 'instrument'];

/** Statuses that are a reviewer's own annotation. */
const REVIEWED = new Set(['accepted', 'edited', 'added']);

function results(doc: AnnotatedDoc, mentions: readonly Mention[], origin: 'prediction' | 'manual'): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = mentions.map((m) => ({
    id: m.id,
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    origin,
    value: { start: m.start, end: m.end, text: m.text, labels: [m.type] },
    ...(origin === 'prediction' ? { score: m.confidence } : {}),
    meta: {
      source: m.source,
      ...(m.value !== undefined ? { value: m.value } : {}),
      ...(m.entity !== undefined ? { entity: m.entity } : {}),
      ...(m.status && m.status !== 'auto' ? { status: m.status } : {}),
      ...(m.review ? { review: m.review } : {}),
    },
  }));
  const ids = new Set(mentions.map((m) => m.id));
  for (const ev of doc.events) {
    if (ev.mention === undefined || !ids.has(ev.mention)) continue;
    for (const r of ev.roles) {
      if (r.mention === undefined || !ids.has(r.mention)) continue;
      out.push({ from_id: ev.mention, to_id: r.mention, type: 'relation', direction: 'right', labels: [r.role] });
    }
  }
  return out;
}

export function labelStudioTask(doc: AnnotatedDoc): Record<string, unknown> {
  // An added mention was never predicted; a rejected one is no prediction any more.
  const predicted = doc.mentions.filter((m) => m.status !== 'rejected' && m.status !== 'added');
  const reviewed = doc.mentions.filter((m) => m.status !== undefined && REVIEWED.has(m.status));
  const score = predicted.length ? Math.round((predicted.reduce((s, m) => s + m.confidence, 0) / predicted.length) * 1000) / 1000 : 0;
  const version = `sitrep ${doc.run.pipelineVersion} (lexicon ${doc.run.lexiconHash})`;
  const at = reviewed.map((m) => m.review?.at).filter((x): x is string => typeof x === 'string').sort();
  return {
    data: { text: doc.text, doc_id: doc.doc.id, title: doc.doc.title, date: doc.doc.date.value, source: doc.doc.source.path },
    predictions: [{ model_version: version, score, result: results(doc, predicted, 'prediction') }],
    ...(reviewed.length
      ? { annotations: [{ result: results(doc, reviewed, 'manual'), ...(at.length ? { created_at: at[0], updated_at: at[at.length - 1] } : {}) }] }
      : {}),
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

  async finish(o: { ok: boolean }): Promise<{ pruned: number; unchanged?: boolean }> {
    const fh = await this.handle();
    if (o.ok) {
      await fh.write('\n]\n');
      await fh.sync();
    }
    await fh.close();
    this.fh = undefined;
    if (!o.ok) {
      await rm(this.tmp, { force: true });
      return { pruned: 0 };
    }
    const tasks = await replaceUnlessSame([{ tmp: this.tmp, path: this.file }]);
    const config = await writeIfChanged(labelStudioConfigPath(this.file), labelStudioConfig());
    return { pruned: 0, unchanged: tasks === 'unchanged' && config === 'unchanged' };
  }
}

/** Where the labeling configuration goes beside the tasks file: `x.json` → `x.config.xml`, `x` → `x.config.xml`. */
export function labelStudioConfigPath(file: string): string {
  return `${file.replace(/\.json$/i, '')}.config.xml`;
}
