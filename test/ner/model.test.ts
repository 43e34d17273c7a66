import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import weights from '../../src/ner/model/ner-weights.json' with { type: 'json' };
import { LABELS } from '../../src/ner/labels.js';
import { packWeights, unpackWeights, weightsHash, type NerModelFile } from '../../src/ner/model-format.js';
import { loadModel } from '../../src/ner/model.js';
import { trainNer, scoreSpans } from '../../src/ner/train.js';
import { readSource } from '../../src/ner/train-data.js';
import { SHARED } from '../../src/ner/train-inputs.js';
import { TRAINING_DEFAULTS } from '../../src/ner/train.js';

const shipped = weights as unknown as NerModelFile;
const L = LABELS.length;

describe('the weights file', () => {
  it('packs and unpacks int16 weights without loss of what it keeps', () => {
    const w = new Float64Array(3 * L);
    w[0] = 2.5;
    w[L + 3] = -1.25;
    w[2 * L + 16] = 0.00001; // rounds to 0: the feature is dropped
    const packed = packWeights(['a', 'b', 'c'], w);
    const { ids, dense } = unpackWeights(packed);
    expect([...ids.keys()]).toEqual(['a', 'b']);
    expect(dense[0] * packed.scale).toBeCloseTo(2.5, 3);
    expect(dense[L + 3] * packed.scale).toBeCloseTo(-1.25, 3);
  });

  it('refuses a file whose content does not match its hash, and names it', () => {
    const bad = { ...shipped, scale: shipped.scale * 2 };
    expect(() => loadModel(bad, 'my-weights.json')).toThrow(/my-weights\.json: content hash .* is not the recorded/);
  });

  it('ships compact weights whose hash is their content', () => {
    expect(weightsHash(shipped)).toBe(shipped.hash);
    expect(JSON.stringify(shipped).length).toBeLessThan(20e6);
    const m = loadModel(shipped);
    expect(m.features).toBeGreaterThan(10_000);
  });

  it('records the seed and epochs it was trained with', () => {
    expect(shipped.training).toMatchObject({ seed: TRAINING_DEFAULTS.seed, epochs: TRAINING_DEFAULTS.epochs, minCount: 2 });
  });
});

// The full check (`sitrep train --check`) retrains on all of ../shared/ for a minute; here: the
// recorded inputs are the files that are there, and training is deterministic.
const inputs = (shipped.training as { inputs: { file: string; sha256: string }[] }).inputs;
const haveShared = inputs.every((i) => existsSync(join(SHARED, i.file.replace('../shared/', ''))));

describe.skipIf(!haveShared)('the shipped weights come from the data in ../shared/', () => {
  it.each(inputs.map((i) => [i.file, i.sha256]))('%s has the sha256 the weights record', (file, sha) => {
    const path = join(SHARED, file.replace('../shared/', ''));
    expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(sha);
  });

  it('training is deterministic: the same data and seed give the same weights', () => {
    const file = readSource(join(SHARED, 'eval', 're3d_dev.jsonl'));
    const small = { ...file, lines: file.lines.slice(0, 12) };
    const run = () => trainNer({ sources: [{ file: small, use: () => true }], epochs: 2, seed: 7 }).model.hash;
    expect(run()).toBe(run());
    const other = trainNer({ sources: [{ file: small, use: () => true }], epochs: 2, seed: 8 }).model.hash;
    expect(other).not.toBe(run());
  });
});

describe('span scoring used by training', () => {
  it('counts exact spans of group, place and person, not MISC', () => {
    const l = (...xs: string[]) => Int32Array.from(xs.map((x) => LABELS.indexOf(x)));
    const gold = l('B-GRP', 'L-GRP', 'O', 'U-PLC', 'U-MSC');
    const pred = l('U-GRP', 'O', 'O', 'U-PLC', 'O');
    const s = scoreSpans([{ gold, predicted: pred }]);
    expect(s).toMatchObject({ gold: 2, predicted: 2, correct: 1 });
    expect(s.f1).toBeCloseTo(0.5);
  });
});
