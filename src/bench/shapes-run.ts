/**
 * `npm run bench -- --shapes [--scale F] [--only a,b] [--repeat N] [--json]`: what each adversarial
 * shape of text (src/bench/shapes.ts) costs per megabyte beside punctuated prose measured in the
 * same process, at three sizes each, and how its time grows with its size (the slope: 1.0 is linear).
 */
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { countOption } from './options.js';
import { SHAPES, brownWords, measure, secondsPerMb, slope, worstStage, type Measured, type Shape, type ShapeFailure } from './shapes.js';

export const SHAPE_TARGETS = { perMbVsProse: 3, slope: 1.2 } as const;

/** The collector, to start each run on a clean heap (exposed here rather than by a flag on the command line). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const fmt = (n: number, digits = 2): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const size = (bytes: number): string => (bytes >= 1024 * 1024 ? `${fmt(bytes / 1024 / 1024, 2)} MB` : `${fmt(bytes / 1024, 0)} KB`);

export async function runShapes(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { shapes: { type: 'boolean' }, scale: { type: 'string' }, only: { type: 'string' }, repeat: { type: 'string' }, json: { type: 'boolean' } } });
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error(`Expected --scale to be a number above 0 and at most 1, got \`${values.scale}\``);
  const repeat = countOption(values.repeat, '--repeat', 1);
  const only = values.only?.split(',');
  for (const n of only ?? []) if (!SHAPES.some((s) => s.name === n)) throw new Error(`Expected --only to name shapes of ${SHAPES.map((s) => s.name).join(', ')}, got \`${n}\``);
  const shapes = SHAPES.filter((s) => s.name === 'prose' || !only || only.includes(s.name));
  const say = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
  const gc = collector();
  const w = brownWords();
  // Warm up: the lexicon loads and the code is compiled before anything is timed.
  measure(w.prose.slice(0, 50_000), 'txt');
  measure(`<p>${w.prose.slice(0, 20_000)}</p>`, 'html');

  const results = new Map<string, Measured[]>();
  const failures = new Map<string, string>();
  for (const shape of shapes) {
    const runs: Measured[] = [];
    try {
      for (const full of shape.sizes) {
        const source = shape.make(Math.round(full * scale), w);
        let best: Measured | undefined;
        for (let r = 0; r < repeat; r++) {
          gc();
          const m = measure(source, shape.format);
          if (!best || m.ms < best.ms) best = m;
        }
        say(`${shape.name.padEnd(15)} ${size(best!.bytes).padStart(9)}  ${fmt(best!.ms / 1000)} s`);
        runs.push(best!);
      }
    } catch (err) {
      // A shape that fails is reported with its stage; the others are still measured.
      const f = err as ShapeFailure;
      failures.set(shape.name, `FAILED at ${size(Math.round(shape.sizes[runs.length] * scale))} in ${f.stage ?? '?'}: ${String((f.cause as Error)?.message ?? f.message)}`);
      say(`${shape.name}: ${failures.get(shape.name)}`);
      if (shape.name === 'prose') throw err;
    }
    results.set(shape.name, runs);
  }

  const prose = results.get('prose')!;
  const prosePerMb = secondsPerMb(prose[prose.length - 1]);
  const lines: string[] = [];
  const verdicts: Record<string, { perMbVsProse: number; slope: number }> = {};
  lines.push(`sitrep bench --shapes: seconds per MB of source at three sizes, beside prose in the same process (Node ${process.version}${scale !== 1 ? `, scale ${scale}` : ''})`);
  lines.push('');
  lines.push(`  ${'shape'.padEnd(15)} ${'sizes'.padEnd(30)} ${'s/MB at each size'.padEnd(22)} ${'×prose'.padStart(7)} ${'slopes'.padStart(11)}  worst stage at the largest size`);
  for (const shape of shapes) {
    const runs = results.get(shape.name)!;
    if (failures.has(shape.name)) {
      verdicts[shape.name] = { perMbVsProse: NaN, slope: NaN };
      lines.push(`  ${shape.name.padEnd(15)} ${failures.get(shape.name)}`);
      continue;
    }
    const last = runs[runs.length - 1];
    const slopes = runs.slice(1).map((m, i) => slope(runs[i], m));
    const ratio = secondsPerMb(last) / prosePerMb;
    const worst = worstStage(last);
    const ok = ratio <= SHAPE_TARGETS.perMbVsProse && slopes[slopes.length - 1] <= SHAPE_TARGETS.slope;
    verdicts[shape.name] = { perMbVsProse: Math.round(ratio * 1000) / 1000, slope: Math.round(slopes[slopes.length - 1] * 1000) / 1000 };
    lines.push(
      `  ${shape.name.padEnd(15)} ${runs.map((m) => size(m.bytes)).join(' · ').padEnd(30)} ${runs.map((m) => fmt(secondsPerMb(m))).join(' · ').padEnd(22)} ${fmt(ratio).padStart(7)} ${slopes.map((s) => fmt(s)).join(' ').padStart(11)}  ${worst.stage} ${fmt(worst.share * 100, 0)}%${shape.name === 'prose' ? '' : ok ? '' : '   OVER TARGET'}`,
    );
  }
  lines.push('');
  lines.push(`  targets: s/MB ≤ ${SHAPE_TARGETS.perMbVsProse}× prose's at the largest size, slope ≤ ${SHAPE_TARGETS.slope} between the two largest sizes (1.0 = linear, 2.0 = quadratic)`);
  for (const shape of shapes as Shape[]) lines.push(`  ${shape.name}: ${shape.what}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(verdicts)}\n`);
}
