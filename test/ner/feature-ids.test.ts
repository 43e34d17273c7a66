import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nlp } from '../../src/nlp.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { wordTokens } from '../../src/recognize/tokens.js';
import { nerTokens } from '../../src/ner/tokens.js';
import { docStats, staticFeatures } from '../../src/ner/features.js';
import { staticFeatureIds, staticFeatureIdsByName, type DocWordIds } from '../../src/ner/feature-ids.js';
import { decodeGreedy } from '../../src/ner/decode.js';
import { shippedModel } from '../../src/ner/shipped.js';
import { CORPUS, SAMPLE } from '../support/annotate.js';

const tokensOf = (text: string) => nerTokens(text, nlp(text), loadLexicon().matcher.match(text, wordTokens(text)));

/** The run-time fast path must give the ids, and so the labels, that the feature strings give (training reads those). */
describe('feature ids kept per model (src/ner/feature-ids.ts, decode cachedIds)', () => {
  const texts: [string, string][] = [
    ['the sample report', readFileSync(join(CORPUS, SAMPLE), 'utf8')],
    ['wire copy in capitals', 'SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] GUERRILLAS OF THE FMLN ATTACKED THE 3D INFANTRY BRIGADE IN SAN MIGUEL.'],
    ['names, particles, possessives, brackets', "Abu Mohammed al-Julani's HTS (Hayat Tahrir al-Sham) met the IRA's Belfast brigade; \"Dayr Az Zayr\", CTF 50 and NAVCENT replied."],
    ['one sentence of repeated words', 'Kabul '.repeat(300)],
    ['an empty line and a single word', '\n\nIS-KP'],
    ['a word with a bar or an equals sign in it', 'Troops of the a|b Brigade and the Kabul|Herat road met in Kabul on Monday; x=y and THE a=b SAID.'],
  ];
  it.each(texts)('%s: the same static ids in the same order', (_why, text) => {
    const model = shippedModel();
    const tokens = tokensOf(text);
    const stats = docStats(tokens);
    expect(tokens.length).toBeGreaterThan(0);
    const words: DocWordIds = new Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      expect(staticFeatureIds(tokens, i, stats, model)).toEqual(staticFeatureIdsByName(tokens, i, stats, model));
      // With the document's word ids kept between tokens (as tagTokens reads them).
      expect(staticFeatureIds(tokens, i, stats, model, [], words)).toEqual(staticFeatureIdsByName(tokens, i, stats, model));
    }
  });

  it.each(texts)('%s: the same labels and margins', (_why, text) => {
    const model = shippedModel();
    const tokens = tokensOf(text);
    const stats = docStats(tokens);
    const byName = decodeGreedy(tokens, (i) => staticFeatureIdsByName(tokens, i, stats, model), model, undefined, { lookahead: true });
    const buffer: number[] = [];
    const cached = decodeGreedy(tokens, (i) => staticFeatureIds(tokens, i, stats, model, buffer), model, undefined, { lookahead: true, cachedIds: true });
    expect(Array.from(cached.labels)).toEqual(Array.from(byName.labels));
    expect(Array.from(cached.margins)).toEqual(Array.from(byName.margins));
  });

  it('is not vacuous: the texts give known features of every kind', () => {
    const tokens = tokensOf(texts[2][1]);
    const names = tokens.flatMap((_, i) => staticFeatures(tokens, i, docStats(tokens)));
    for (const prefix of ['w=', 'w-1w=', 'shw=', 't=', 't-1=', 'g=', 'post=', 'pre=']) expect(names.some((n) => n.startsWith(prefix) && shippedModel().id(n) >= 0)).toBe(true);
  });
});
