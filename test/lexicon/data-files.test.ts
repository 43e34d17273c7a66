import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, EVAL_ONLY, dataHash } from '../../src/lexicon/data-files.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { ROOT } from '../support/annotate.js';

describe('the lexicon hash', () => {
  it('covers every data file under src/lexicon (or names it as read by the eval only)', () => {
    const onDisk = readdirSync(join(ROOT, 'src', 'lexicon')).filter((f) => f.endsWith('.json')).sort();
    expect([...Object.keys(DATA_FILES), ...EVAL_ONLY].sort()).toEqual(onDisk);
  });

  it.each(['date-cues.json', 'date-holidays.json', 'event-triggers.json', 'state-actor-cues.json', 'places-conflict-towns.json'])('changes when %s changes', (name) => {
    const changed = { ...DATA_FILES, [name]: { ...(DATA_FILES[name] as object), edited: true } };
    expect(dataHash(changed)).not.toBe(dataHash(DATA_FILES));
  });

  it('covers the country data of world-countries as well as the data files', () => {
    expect(loadLexicon().hash).toMatch(/^[0-9a-f]{16}$/);
    expect(loadLexicon().hash).not.toBe(dataHash(DATA_FILES));
  });
});
