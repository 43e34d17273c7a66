/**
 * `npm run bench:threads [-- --docs N] [--repeat N] [--json]`: how well the work itself scales over threads, apart
 * from the batch (no files, no queue, no start-up in the timing). Each thread loads what it needs,
 * warms up on three documents, then is timed over the same N Brown documents (default 250), first
 * alone, then with a second thread doing the same beside it:
 * - bare compromise `nlp(text)` under V8's defaults, and under the V8 settings of the batch's
 *   workers (src/batch/v8-tuning.ts: process-wide flags, so each variant runs in a process of its own;
 *   the interrupt budget is set for one thread, then for two);
 * - sitrep's `annotate()` (the whole pipeline, in memory) under the batch's settings.
 * The speedup is the work two threads do in the time one thread takes: 2 × t(alone) / t(two side by side).
 * Each variant runs in rounds (`--repeat N`, default 2, interleaved with the other variants), keeping
 * the fastest time of each, as `npm run bench` does: the host's noise only ever slows a run down.
 * `npm run bench`'s twoWorkerSpeedup is lower than these by what start-up and writing files cost.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { tuneV8ForThroughput, WORKER_YOUNG_GENERATION_MB } from '../batch/v8-tuning.js';
import { countOption } from './options.js';

type Work = 'parse' | 'annotate';
type Variant = { work: Work; tuned: boolean };

const BROWN = new URL('./brown.js', import.meta.url).href;
/** compromise as it comes (no step left out), by absolute path, for the threads' `require`. */
const COMPROMISE = createRequire(import.meta.url).resolve('compromise');
const INDEX = new URL('../index.js', import.meta.url).href;

/** What one thread runs: load, warm up, then time the documents. */
function threadCode(work: Work, docs: number): string {
  const load = work === 'parse' ? `const nlp = require(${JSON.stringify(COMPROMISE)}); const run = (t) => nlp(t);` : `const { annotate } = await import(${JSON.stringify(INDEX)}); const run = (t) => annotate(t);`;
  return `
const { parentPort } = require('node:worker_threads');
(async () => {
  ${load}
  const { brownDocs } = await import(${JSON.stringify(BROWN)});
  const docs = brownDocs(${docs});
  for (const d of docs.slice(0, 3)) run(d.text);
  const t = performance.now();
  for (const d of docs) run(d.text);
  parentPort.postMessage(performance.now() - t);
})();`;
}

/** The slowest of `threads` threads doing the same work at once (ms). */
async function timed(v: Variant, threads: number, docs: number): Promise<number> {
  if (v.tuned) tuneV8ForThroughput(threads);
  const options = v.tuned ? { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } } : {};
  const ws = Array.from({ length: threads }, () => new Worker(threadCode(v.work, docs), { eval: true, ...options }));
  const ms = await Promise.all(
    ws.map((w) => new Promise<number>((resolve, reject) => {
      w.once('message', (m: number) => resolve(m));
      w.once('error', reject);
    })),
  );
  await Promise.all(ws.map((w) => w.terminate()));
  return Math.max(...ms);
}

/** In this process (a child of the main one): one variant, alone then two side by side. */
async function child(v: Variant, docs: number): Promise<void> {
  const alone = await timed(v, 1, docs);
  const two = await timed(v, 2, docs);
  process.stdout.write(`${JSON.stringify({ alone, two })}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, repeat: { type: 'string' }, json: { type: 'boolean' }, child: { type: 'string' } } });
  const docs = countOption(values.docs, '--docs', 250);
  const repeat = countOption(values.repeat, '--repeat', 2);
  if (values.child) return child(JSON.parse(values.child) as Variant, docs);

  const variants: [string, Variant][] = [
    ['bare nlp(text), V8 defaults', { work: 'parse', tuned: false }],
    ['bare nlp(text), batch V8 settings', { work: 'parse', tuned: true }],
    ['sitrep annotate(), batch V8 settings', { work: 'annotate', tuned: true }],
  ];
  const lines = [`sitrep bench:threads: ${docs} Brown documents per thread, timed after 3 to warm up; fastest of ${repeat} round${repeat > 1 ? 's' : ''}`, ''];
  const runs = variants.map(() => [] as { alone: number; two: number }[]);
  for (let round = 0; round < repeat; round++) {
    for (const [i, [name, v]] of variants.entries()) {
      process.stderr.write(`bench:threads: ${name}${repeat > 1 ? ` (round ${round + 1} of ${repeat})` : ''}…\n`);
      const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--docs', String(docs), '--child', JSON.stringify(v)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      if (r.status !== 0) throw new Error(`bench:threads: the ${name} run exited with ${r.status}`);
      runs[i].push(JSON.parse(r.stdout.trim().split('\n').pop()!) as { alone: number; two: number });
    }
  }
  const result: Record<string, number> = {};
  for (const [i, [name, v]] of variants.entries()) {
    const alone = Math.min(...runs[i].map((r) => r.alone));
    const two = Math.min(...runs[i].map((r) => r.two));
    const speedup = (2 * alone) / two;
    result[`${v.work}${v.tuned ? 'Tuned' : 'Default'}`] = Math.round(speedup * 1000) / 1000;
    const all = runs[i].map((r) => `${(r.alone / 1000).toFixed(1)}/${(r.two / 1000).toFixed(1)}`).join(', ');
    lines.push(`  ${name.padEnd(38)} 1 thread ${(alone / 1000).toFixed(1).padStart(6)} s   2 threads ${(two / 1000).toFixed(1).padStart(6)} s   speedup ${speedup.toFixed(2)}${repeat > 1 ? `   (rounds: ${all} s)` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench:threads: ${(err as Error)?.message ?? String(err)}\n`);
  process.exitCode = 1;
});
