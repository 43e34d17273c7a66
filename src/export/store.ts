import type { DocRows, TableName } from './rows.js';

/** What a loaded document's row in `documents` says about the load. */
export interface StoredState {
  contentHash: string;
  rowVersion: number;
}

/**
 * A database `sitrep export` loads into (SQLite or PostgreSQL). Opening applies the missing
 * migrations. `replace` runs in one transaction: the document's old rows go, its new rows come.
 */
export interface DocStore {
  readonly description: string;
  state(docId: string): Promise<StoredState | undefined>;
  replace(rows: DocRows, contentHash: string, rowVersion: number): Promise<void>;
  /** Every loaded document id. */
  docIds(): Promise<string[]>;
  /** Delete a document and (by cascade) all its rows. */
  remove(docId: string): Promise<void>;
  counts(): Promise<Record<TableName, number>>;
  close(): Promise<void>;
}
