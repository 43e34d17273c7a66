import { prf, type Counts } from './metrics.js';

/** A figure for sitrep with the baseline's in brackets: `0.72 (0.26)`. */
export function pair(sitrep: number, baseline: number | undefined): string {
  return baseline === undefined ? sitrep.toFixed(2).padEnd(11) : `${sitrep.toFixed(2)} (${baseline.toFixed(2)})`;
}

/** P, R and F1 cells for sitrep beside the baseline. */
export function prfCells(s: Counts, b: Counts | undefined): string[] {
  const a = prf(s);
  const c = b ? prf(b) : undefined;
  return [pair(a.p, c?.p), pair(a.r, c?.r), pair(a.f1, c?.f1)];
}

/** Left-aligned columns separated by two spaces. */
export function columns(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd());
}
