import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { readSource, type SourceFile } from './train-data.js';
import { inTrainingHalf } from './train.js';

/** The project root (src/ner or dist/ner are two floors below it). */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = join(PROJECT_ROOT, '..', 'shared');

/**
 * The human-annotated inputs of `npm run train`: CoNLL-2003 train whole, and one half (a fixed
 * split by id) of each conflict and news set under ../shared/eval, whose other half stays unseen
 * for `sitrep eval --unseen`. CoNLL testa is the dev set the epoch count was chosen on.
 */
export const DEFAULT_INPUTS: readonly { path: string; half: boolean; repeat: number }[] = [
  { path: 'train/conll2003_train.jsonl', half: false, repeat: 1 },
  // Conflict reporting, the text sitrep is for: a few dozen documents, each seen three times an epoch.
  { path: 'eval/re3d_dev.jsonl', half: true, repeat: 3 },
  { path: 'eval/wikievents_dev.jsonl', half: true, repeat: 3 },
  { path: 'eval/meantime_en.jsonl', half: true, repeat: 1 },
];
export const DEV_INPUT = 'train/conll2003_testa.jsonl';

export interface ResolvedInputs {
  sources: { file: SourceFile; use: (id: string) => boolean }[];
  dev: SourceFile;
}

/** Reads the default inputs (and a user's extra gold files, used whole); a missing file is an error naming it. */
export function resolveInputs(extra: readonly string[] = [], shared = SHARED): ResolvedInputs {
  const need = (p: string) => {
    if (!existsSync(p)) throw new Error(`training data not found: ${p} (npm run train reads ../shared/ beside the project)`);
    return readSource(p);
  };
  const sources = DEFAULT_INPUTS.map(({ path, half, repeat }) => ({ file: need(join(shared, path)), use: half ? inTrainingHalf : () => true, repeat }));
  for (const p of extra) sources.push({ file: need(p), use: () => true, repeat: 1 });
  return { sources, dev: need(join(shared, DEV_INPUT)) };
}
