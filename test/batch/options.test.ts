import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { resolveOptions, type AnnotateCorpusOptions } from '../../src/batch/options.js';
import { SitrepOptionError } from '../../src/errors.js';

describe('resolveOptions', () => {
  it('defaults: every core, corpus → output, HTML on, no force', () => {
    const o = resolveOptions();
    expect(o).toMatchObject({ inputs: ['corpus'], jsonl: [], outDir: 'output', workers: availableParallelism(), workerMemoryMb: 1024, docTimeoutMs: 300_000, force: false, html: true, date: null, timing: false });
  });

  it.each([
    [{ workers: 0 }, 0],
    [{ workers: 3 }, 3],
    [{ concurrency: 2 }, 2],
    [{ workers: 2, concurrency: 2 }, 2],
  ] as [AnnotateCorpusOptions, number][])('workers from %j → %i', (given, workers) => {
    expect(resolveOptions(given).workers).toBe(workers);
  });

  it.each([
    [{ workers: -1 }, /`workers`.*from 0 to 256, got `-1`/],
    [{ workers: 1.5 }, /`workers`.*got `1.5`/],
    [{ workers: Number.NaN }, /`workers`.*got `NaN`/],
    [{ workers: 1000 }, /`workers`.*got `1000`/],
    [{ workers: 2, concurrency: 3 }, /one of `workers` and `concurrency`/],
    [{ date: '2024-3-1' }, /`date` as YYYY-MM-DD, got `2024-3-1`/],
    [{ workerMemoryMb: 32 }, /`workerMemoryMb`.*from 64 \(MB\) up, got `32`/],
    [{ outDir: '  ' }, /`outDir`.*got `  `/],
    [{ docTimeoutS: -1 }, /`docTimeoutS`.*from 0 \(no limit\) up, got `-1`/],
    [{ docTimeoutS: Number.POSITIVE_INFINITY }, /`docTimeoutS`.*got `Infinity`/],
  ] as [AnnotateCorpusOptions, RegExp][])('refuses %j with a typed error naming the value', (given, message) => {
    expect(() => resolveOptions(given)).toThrow(SitrepOptionError);
    expect(() => resolveOptions(given)).toThrow(message);
  });

  it('JSONL inputs alone do not add the default corpus folder', () => {
    expect(resolveOptions({ jsonl: ['a.jsonl'] }).inputs).toEqual([]);
  });
});
