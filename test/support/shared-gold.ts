import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'vitest';
import { ROOT } from './annotate.js';

/**
 * A describe block over gold data from `../shared/` (CI has it; a fresh clone may not). When a file
 * is absent the block's body is never run (it would read the file) and one skipped test says why.
 */
export function describeWithGold(name: string, files: readonly string[], body: () => void): void {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length === 0) {
    describe(name, body);
    return;
  }
  describe.skip(name, () => {
    it.skip(`needs ${missing.map((f) => relative(ROOT, f)).join(', ')}, absent here (the gold data lives in ../shared/ beside the checkout)`, () => {});
  });
}
