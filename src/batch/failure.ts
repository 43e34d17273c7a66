import { SitrepInputError } from '../errors.js';

/** A document that could not be annotated: which file (and line), which rule, why. */
export interface RunFailure {
  path: string;
  line?: number;
  ruleId: string;
  reason: string;
}

/**
 * The file (and line, for a JSONL document) a batch task comes from, as failures name it. Here, not
 * beside the task type, so that the main thread names a failed task without loading the pipeline.
 */
export function taskSource(task: { kind: 'file'; path: string } | { kind: 'ingested'; doc: { path: string; line?: number } }): { path: string; line?: number } {
  return task.kind === 'file' ? { path: task.path } : { path: task.doc.path, ...(task.doc.line ? { line: task.doc.line } : {}) };
}

/** A failure record from whatever was thrown: input errors keep their rule and place; anything else is a crash. */
export function failureOf(err: unknown, path: string, line?: number): RunFailure {
  if (err instanceof SitrepInputError) {
    const at = err.place?.line ?? line;
    const prefix = err.place ? `${err.file}:${err.place.line}:${err.place.column}: ` : `${err.file}: `;
    const reason = err.message.startsWith(prefix) ? err.message.slice(prefix.length) : err.message;
    return { path: err.file, ...(at ? { line: at } : {}), ruleId: err.ruleId, reason };
  }
  const e = err as Error | undefined;
  const name = e?.name ?? 'Error';
  const message = e?.message ?? String(err);
  return { path, ...(line ? { line } : {}), ruleId: 'pipeline:crash', reason: `${name}: ${message}` };
}

/** `path` or `path:line`. */
export function whereOf(f: { path: string; line?: number }): string {
  return f.line ? `${f.path}:${f.line}` : f.path;
}
