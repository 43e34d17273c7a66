import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { docRows, TABLE_NAMES, type Row, type TableName } from './rows.js';
import { replaceUnlessSame, type FileSink } from './file-sink.js';
import type { AnnotatedDoc } from '../doc.js';

/**
 * `jsonl:DIR`: one JSON Lines file per table (documents.jsonl, entities.jsonl, entity_ids.jsonl,
 * mentions.jsonl, events.jsonl, event_roles.jsonl) with the database's columns, for bulk loaders
 * (BigQuery, DuckDB, Spark, `COPY`). The set is written as a whole: the files are built beside
 * the old ones and replace them only when every document was read, so a failed run leaves the
 * previous export in place, and a set that comes out byte for byte the same is left untouched.
 */
export class JsonlSink implements FileSink {
  readonly description: string;
  readonly whole = true;
  private files?: Record<TableName, { tmp: string; fh: FileHandle }>;

  constructor(private readonly dir: string) {
    this.description = `jsonl:${dir}`;
  }

  private async open(): Promise<Record<TableName, { tmp: string; fh: FileHandle }>> {
    if (this.files) return this.files;
    await mkdir(this.dir, { recursive: true });
    const files = {} as Record<TableName, { tmp: string; fh: FileHandle }>;
    for (const t of TABLE_NAMES) {
      const tmp = join(this.dir, `.${t}.jsonl.tmp-${process.pid}`);
      files[t] = { tmp, fh: await open(tmp, 'w') };
    }
    this.files = files;
    return files;
  }

  async add(doc: AnnotatedDoc): Promise<'written'> {
    const files = await this.open();
    const rows = docRows(doc);
    for (const t of TABLE_NAMES) {
      if (!rows[t].length) continue;
      const lines = rows[t].map((r: Row) => JSON.stringify(t === 'documents' && typeof r.meta === 'string' ? { ...r, meta: JSON.parse(r.meta) } : r));
      await files[t].fh.write(`${lines.join('\n')}\n`);
    }
    return 'written';
  }

  async finish(o: { ok: boolean }): Promise<{ pruned: number; unchanged?: boolean }> {
    const files = await this.open();
    for (const t of TABLE_NAMES) {
      const { tmp, fh } = files[t];
      if (o.ok) await fh.sync();
      await fh.close();
      if (!o.ok) await rm(tmp, { force: true });
    }
    this.files = undefined;
    if (!o.ok) return { pruned: 0 };
    const status = await replaceUnlessSame(TABLE_NAMES.map((t) => ({ tmp: files[t].tmp, path: join(this.dir, `${t}.jsonl`) })));
    return { pruned: 0, unchanged: status === 'unchanged' };
  }
}
