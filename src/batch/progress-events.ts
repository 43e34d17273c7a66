/** Running counts of a batch, for progress displays. */
export interface Tally {
  /** Source files found (a JSONL file counts once). */
  files: number;
  /** Bytes of all sources found, and of those done so far (annotated, skipped or failed). */
  bytesTotal: number;
  bytesDone: number;
  /** Bytes of the documents annotated (not skipped): the rate of work, for the ETA. */
  bytesAnnotated: number;
  processed: number;
  skipped: number;
  failed: number;
  /** Words of the documents annotated so far. */
  words: number;
  /** Since the run started. */
  elapsedMs: number;
}

export type ProgressKind = 'start' | 'annotated' | 'skipped' | 'failed' | 'end';

export interface ProgressEvent {
  kind: ProgressKind;
  tally: Readonly<Tally>;
  /** The document (or file) the event is about: `path` or `path:line`. */
  where?: string;
  /** For `failed`: the reason. */
  reason?: string;
}

/** Words per second and the estimated time left (ms; undefined until something was annotated). */
export function rates(t: Readonly<Tally>): { wordsPerSecond: number; etaMs: number | undefined } {
  const seconds = t.elapsedMs / 1000;
  const wordsPerSecond = seconds > 0 ? t.words / seconds : 0;
  const left = Math.max(0, t.bytesTotal - t.bytesDone);
  const etaMs = t.bytesAnnotated > 0 && t.elapsedMs > 0 ? (left / t.bytesAnnotated) * t.elapsedMs : left === 0 ? 0 : undefined;
  return { wordsPerSecond, etaMs };
}
