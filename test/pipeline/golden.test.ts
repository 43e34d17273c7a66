import { describe, expect, it } from 'vitest';
import { annotateCorpusFile, SAMPLE } from '../support/annotate.js';
import { serializeDoc } from '../../src/write/json.js';

// The whole output for the sample report, reviewed and updated deliberately (`npx vitest run -u`)
// whenever a change to the pipeline or its data moves it.
describe('golden output', () => {
  it('the sample report annotates to the reviewed golden JSON', async () => {
    await expect(serializeDoc(annotateCorpusFile(SAMPLE))).toMatchFileSnapshot('../fixtures/golden/crisisgroup-islamic-state-afghanistan.json');
  });
});
