import { beforeAll, describe, expect, it } from 'vitest';
import { SHAPES, brownWords, measure, slope, type Measured } from '../../src/bench/shapes.js';

const LARGE: Record<string, number> = { 'long-token': 512 * 1024 };

/**
 * The fastest of three runs of each, the two sizes taken in turn, so that a busy moment of the host
 * (other test files run beside this one) slows both alike: its noise only ever slows a run down.
 */
function fastestPair(small: string, large: string, format: 'txt' | 'html'): [Measured, Measured] {
  let best: [Measured | undefined, Measured | undefined] = [undefined, undefined];
  for (let round = 0; round < 3; round++) {
    const s = measure(small, format);
    const l = measure(large, format);
    best = [!best[0] || s.ms < best[0].ms ? s : best[0], !best[1] || l.ms < best[1].ms ? l : best[1]];
  }
  return best as [Measured, Measured];
}

/**
 * Every shape at two sizes a factor of four apart (96 KB and 24 KB; a long token, which costs
 * little, at 512 and 128 KB), in this one process: time may grow at most as
 * size^1.5 (a quadratic algorithm shows 2.0). A ratio of two runs, never a wall-clock limit; per
 * stage, at these sizes, a collection or a compile in one run is as large as the stage itself, so
 * stages are compared by `npm run bench -- --shapes` at sizes up to 10 MB.
 */
describe('every shape of text costs about linear time in its size', () => {
  const w = brownWords();
  // Warm: the lexicon loaded and the code compiled before the first shape is timed.
  beforeAll(() => {
    measure(w.prose.slice(0, 30_000), 'txt');
    measure(`<p>${w.prose.slice(0, 10_000)}</p>`, 'html');
  }, 60_000);

  it.each(SHAPES.filter((s) => s.name !== 'prose').map((s) => [s.name, s] as const))('%s', (_name, shape) => {
    const size = LARGE[shape.name] ?? 96 * 1024;
    const [small, large] = fastestPair(shape.make(size / 4, w), shape.make(size, w), shape.format);
    expect(large.bytes / small.bytes).toBeGreaterThan(3.5);
    expect(slope(small, large), `total ${small.ms.toFixed(0)} → ${large.ms.toFixed(0)} ms`).toBeLessThanOrEqual(1.5);
  }, 90_000);
});
