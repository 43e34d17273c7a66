/**
 * The pace of a batch run, from when each document was done: how long until the first one (the
 * threads' start: loading the pipeline, and the first document in code not yet optimised), and how
 * many documents a second went through in the middle of the run (from the document at 20% to the
 * one at 80%), once the threads were warm. The bench prints both for 1 and 2 workers: the ratio of
 * the steady paces is what the workers gain apart from their start, which each run pays once.
 */
export interface Pace {
  /** When the first document was done (ms from the start of the run). */
  firstMs: number;
  /** Documents per second between the 20% and the 80% marks; undefined with fewer than 5 documents. */
  steadyPerSecond: number | undefined;
}

/** The pace of a run whose documents were done at `doneMs` (ms from its start, in any order). */
export function paceOf(doneMs: readonly number[]): Pace | undefined {
  if (doneMs.length === 0) return undefined;
  const t = [...doneMs].sort((a, b) => a - b);
  const from = Math.floor(t.length * 0.2);
  const to = Math.ceil(t.length * 0.8) - 1;
  const span = t[to] - t[from];
  return { firstMs: t[0], steadyPerSecond: t.length >= 5 && span > 0 ? ((to - from) * 1000) / span : undefined };
}
