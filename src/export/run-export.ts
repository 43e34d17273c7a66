import { join } from 'node:path';
import { idOfOutputName, listOutputFiles, parseOutputFile, readOutputFile, type OutputFile } from './read-output.js';
import { parseTarget, type ExportTarget } from './target.js';
import { docRows, type TableName } from './rows.js';
import { JsonlSink } from './jsonl.js';
import { BratSink } from './brat.js';
import { W3cSink } from './w3c.js';
import { LabelStudioSink } from './labelstudio.js';
import type { DocStore } from './store.js';
import type { FileSink } from './file-sink.js';
import { SitrepInputError, SitrepOptionError } from '../errors.js';

export interface ExportOptions {
  /** The output folder of `sitrep annotate` (default `output`). */
  from?: string;
  /** Target (see parseTarget); default `sqlite:<from>/sitrep.db`. */
  to?: string;
  /** Remove from the target the documents no longer in `from`. */
  prune?: boolean;
  /** Count the rows of each table after a database load (a full count: slow on very large databases). */
  counts?: boolean;
  /** Called after each document file. */
  onDocument?: (id: string, status: DocStatus) => void;
}

/**
 * What happened to one document: `inserted`/`replaced`/`unchanged` in a database (unchanged: its
 * file's hash equals the loaded one, nothing was written); `written`/`unchanged` for file targets
 * (for jsonl and labelstudio, written as a whole: `unchanged` when the whole came out the same).
 */
export type DocStatus = 'inserted' | 'replaced' | 'unchanged' | 'written' | 'failed';

export interface ExportReport {
  target: string;
  /** Document files read from `from`. */
  documents: number;
  inserted: number;
  replaced: number;
  written: number;
  unchanged: number;
  pruned: number;
  failed: { file: string; message: string }[];
  /** A target written as a whole (jsonl, labelstudio) was left as it was because some input failed. */
  keptPrevious?: boolean;
  /** Rows per table after the load (databases, with the `counts` option). */
  counts?: Record<TableName, number>;
}

/** SQLite and PostgreSQL errors caused by one document's rows (constraints, bad data), not by the database. */
function isRowError(err: unknown): boolean {
  const code = String((err as { code?: unknown }).code ?? '');
  return code.startsWith('SQLITE_CONSTRAINT') || code.startsWith('SQLITE_MISMATCH') || /^2[23][0-9A-Z]{3}$/.test(code);
}

function checkOptions(o: ExportOptions): void {
  for (const k of ['from', 'to'] as const) {
    if (o[k] !== undefined && (typeof o[k] !== 'string' || o[k] === '')) throw new SitrepOptionError(`Expected \`${k}\` to be a non-empty string, got \`${String(o[k])}\``);
  }
}

/**
 * Export an output folder. Documents are read one at a time (memory does not grow with the
 * corpus). A bad file is reported with its name and the export goes on with the others.
 */
export async function exportOutput(o: ExportOptions = {}): Promise<ExportReport> {
  checkOptions(o);
  const from = o.from ?? 'output';
  const target = parseTarget(o.to ?? `sqlite:${join(from, 'sitrep.db')}`);
  const names = await listOutputFiles(from);
  const report: ExportReport = { target: '', documents: names.length, inserted: 0, replaced: 0, written: 0, unchanged: 0, pruned: 0, failed: [] };
  /** Ids (the databases' keys) and file names (the file targets') of the documents present. */
  const keep = new Set<string>();
  const keepNames = new Set<string>();
  const note = (id: string, status: DocStatus): void => {
    if (status !== 'failed') report[status]++;
    o.onDocument?.(id, status);
  };
  const fail = (id: string, file: string, err: unknown): void => {
    if (!(err instanceof SitrepInputError)) throw err;
    report.failed.push({ file, message: err.message });
    note(id, 'failed');
  };
  // Read each file; a file that cannot be read still counts as present (its id is kept on --prune).
  async function* files(): AsyncGenerator<OutputFile> {
    for (const name of names) {
      const id = idOfOutputName(name);
      keepNames.add(name.slice(0, -'.json'.length));
      try {
        const f = await readOutputFile(from, name);
        keep.add(f.id);
        yield f;
      } catch (err) {
        keep.add(id);
        fail(id, join(from, name), err);
      }
    }
  }

  if (target.kind === 'sqlite' || target.kind === 'postgres') {
    // Each database's driver is loaded only when that database is the target.
    const store: DocStore = target.kind === 'sqlite' ? (await import('./sqlite-store.js')).SqliteStore.open(target.path) : await (await import('./postgres-store.js')).PostgresStore.open(target.url);
    report.target = store.description;
    try {
      for await (const f of files()) {
        const prev = await store.state(f.id);
        if (prev?.contentHash === f.hash) {
          note(f.id, 'unchanged');
          continue;
        }
        try {
          const doc = parseOutputFile(f);
          try {
            await store.replace(docRows(doc), f.hash, (prev?.rowVersion ?? 0) + 1);
          } catch (err) {
            if (!isRowError(err)) throw err;
            throw new SitrepInputError(`rows rejected by the database: ${(err as Error).message}`, f.file, 'export:rows');
          }
          note(f.id, prev ? 'replaced' : 'inserted');
        } catch (err) {
          fail(f.id, f.file, err);
        }
      }
      if (o.prune) {
        for (const id of await store.docIds()) {
          if (keep.has(id)) continue;
          await store.remove(id);
          report.pruned++;
        }
      }
      if (o.counts) report.counts = await store.counts();
    } finally {
      await store.close();
    }
    return report;
  }

  const sink = fileSink(target);
  report.target = sink.description;
  // A target written as a whole knows only at the end whether it changed: its documents are noted then.
  const included: string[] = [];
  try {
    for await (const f of files()) {
      try {
        const status = await sink.add(parseOutputFile(f), f.name);
        if (sink.whole) included.push(f.id);
        else note(f.id, status);
      } catch (err) {
        fail(f.id, f.file, err);
      }
    }
  } catch (err) {
    await sink.finish({ ok: false, keep: keepNames, prune: false }).catch(() => {});
    throw err;
  }
  const ok = report.failed.length === 0;
  const done = await sink.finish({ ok, keep: keepNames, prune: o.prune === true });
  report.pruned = done.pruned;
  if (!ok && sink.whole) report.keptPrevious = true;
  else for (const id of included) note(id, done.unchanged ? 'unchanged' : 'written');
  return report;
}

function fileSink(t: Exclude<ExportTarget, { kind: 'sqlite' | 'postgres' }>): FileSink {
  switch (t.kind) {
    case 'jsonl':
      return new JsonlSink(t.path);
    case 'brat':
      return new BratSink(t.path);
    case 'w3c':
      return new W3cSink(t.path);
    case 'labelstudio':
      return new LabelStudioSink(t.path);
  }
}
