import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../src/eval/gold.js';
import { unseenDocs } from '../../src/eval/unseen.js';
import { inTrainingHalf } from '../../src/ner/train.js';
import { NER_TRAINING } from '../../src/ner/shipped.js';
import { SitrepOptionError } from '../../src/errors.js';
import { SHARED_EVAL } from '../support/annotate.js';

/** A gold file of the given ids (one empty document each). */
function goldFile(ids: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sitrep-unseen-')), 'gold.jsonl');
  writeFileSync(file, ids.map((id) => JSON.stringify({ id, text: 'x', entities: [] })).join('\n') + '\n');
  return file;
}

const IDS = Array.from({ length: 12 }, (_, i) => `doc-${i}`);

describe('sitrep eval --unseen: the documents the tagger was not trained on', () => {
  it('keeps a whole file the weights never read', () => {
    const file = goldFile(IDS);
    expect(unseenDocs(file, readGold(file)).docs.map((d) => d.id)).toEqual(IDS);
  });

  it.each([
    ['a file trained on by half keeps the other half', { file: '../shared/eval/x.jsonl', documents: IDS.filter(inTrainingHalf).length }, IDS.filter((id) => !inTrainingHalf(id))],
  ])('%s', (_, input, want) => {
    const file = goldFile(IDS);
    // The split rule is by the input's path: the shipped inputs' half files are under eval/.
    const half = (NER_TRAINING.inputs as { file: string }[]).find((i) => i.file.includes('/eval/'))!.file;
    const training = { inputs: [{ ...input, file: half, sha256: shaOf(file) }] };
    expect(unseenDocs(file, readGold(file), training).docs.map((d) => d.id)).toEqual(want);
  });

  it.each([
    ['a file trained on whole has none unseen', (file: string) => ({ inputs: [{ file: '../shared/train/conll2003_train.jsonl', sha256: shaOf(file), documents: IDS.length }] }), /trained on every document/],
    ['a split that does not give the recorded count is refused', (file: string) => ({ inputs: [{ file: '../shared/eval/re3d_dev.jsonl', sha256: shaOf(file), documents: 1 }] }), /trained on another split/],
  ])('%s', (_, training, message) => {
    const file = goldFile(IDS);
    expect(() => unseenDocs(file, readGold(file), training(file))).toThrow(SitrepOptionError);
    expect(() => unseenDocs(file, readGold(file), training(file))).toThrow(message);
  });

  it.skipIf(!existsSync(join(SHARED_EVAL, 're3d_dev.jsonl')))('re3d dev: the half the shipped weights record as read is left out', () => {
    const file = join(SHARED_EVAL, 're3d_dev.jsonl');
    const docs = readGold(file);
    const { docs: kept, note } = unseenDocs(file, docs);
    const recorded = (NER_TRAINING.inputs as { file: string; documents: number }[]).find((i) => i.file.endsWith('re3d_dev.jsonl'))!.documents;
    expect(kept.length).toBe(docs.length - recorded);
    expect(kept.every((d) => !inTrainingHalf(d.id))).toBe(true);
    expect(note).toContain(`${kept.length} of ${docs.length}`);
  });
});

function shaOf(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}
