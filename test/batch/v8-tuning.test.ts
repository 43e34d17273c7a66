import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { EAGER_INTERRUPT_BUDGET, interruptBudget, interruptBudgetFlag, THROUGHPUT_FLAGS, tuneV8ForThroughput, WORKER_YOUNG_GENERATION_MB } from '../../src/batch/v8-tuning.js';

/** A fresh thread's young generation (MB), as V8 reports it, with the batch's resource limits. */
function youngAtStart(): Promise<number> {
  const code = `
    const { getHeapSpaceStatistics } = require('node:v8');
    const { parentPort } = require('node:worker_threads');
    parentPort.postMessage(getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576);`;
  const w = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new Promise((resolve, reject) => {
    w.once('message', (mb: number) => void w.terminate().then(() => resolve(mb)));
    w.once('error', reject);
  });
}

describe('V8 tuning of the worker threads', () => {
  // V8 ignores a flag it does not know (setFlagsFromString says nothing), so a Node upgrade that
  // renamed one would lose the setting silently: this checks that it takes effect.
  it('a worker starts with its young generation at full size, so V8 cannot shrink it', async () => {
    tuneV8ForThroughput(1);
    const mb = await youngAtStart();
    // V8 starts a young generation at 1–2 MB by default and grows it with use.
    expect(mb).toBeGreaterThanOrEqual(WORKER_YOUNG_GENERATION_MB / 3);
  });

  // The same silence for the flags whose effect a test cannot see from outside (pretenuring, heap
  // growth): each must be one this Node's V8 lists. `--no-x` is listed as `--x`.
  const known = new Set(execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).match(/^ {2}--[\w-]+/gm)?.map((f) => f.trim()));
  it.each([...THROUGHPUT_FLAGS, interruptBudgetFlag(1, 2)])('V8 knows the flag %s', (flag) => {
    expect(known).toContain(v8FlagName(flag));
  });
  // A negative case: a name V8 does not have is not found, with or without `no-`.
  it.each([
    { flag: '--no-allocation-site-pretenuring', name: '--allocation-site-pretenuring', listed: true },
    { flag: '--min-semi-space-size=64', name: '--min-semi-space-size', listed: true },
    { flag: '--no-such-v8-flag', name: '--such-v8-flag', listed: false },
    { flag: '--min-semi-space=64', name: '--min-semi-space', listed: false },
  ])('flag $flag is listed as $name: $listed', ({ flag, name, listed }) => {
    expect(v8FlagName(flag)).toBe(name);
    expect(known.has(name)).toBe(listed);
  });

  // Workers with a core to spare compile early (TurboFan runs beside them); with none, later.
  it.each([
    { workers: 1, cores: 2, budget: EAGER_INTERRUPT_BUDGET },
    { workers: 2, cores: 2, budget: 4 * EAGER_INTERRUPT_BUDGET },
    { workers: 3, cores: 2, budget: 4 * EAGER_INTERRUPT_BUDGET },
    { workers: 3, cores: 8, budget: EAGER_INTERRUPT_BUDGET },
    { workers: 1, cores: 1, budget: 4 * EAGER_INTERRUPT_BUDGET },
  ])('interrupt budget for $workers worker(s) on $cores core(s): $budget', ({ workers, cores, budget }) => {
    expect(interruptBudget(workers, cores)).toBe(budget);
  });
});

/** The name V8 lists a flag under: without its value, and without `no-` for a boolean set off. */
function v8FlagName(flag: string): string {
  const name = flag.split('=')[0];
  return name.startsWith('--no-') ? `--${name.slice(5)}` : name;
}
