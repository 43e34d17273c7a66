import { nlp } from '../nlp.js';
import { loadLexicon } from '../lexicon/index.js';
import { wordTokens } from '../recognize/tokens.js';
import { nerTokens } from './tokens.js';
import { tagTokens, type NerSpan } from './tag.js';
import { CONFIDENCE_UNIT, shippedModel } from './shipped.js';

/** The tagger alone on a text (its own parse and lexicon matches, no refiner): what `sitrep eval` reports as "tagger". */
export function tagText(text: string): NerSpan[] {
  const lexicon = loadLexicon();
  return tagTokens(nerTokens(text, nlp(text), lexicon.matcher.match(text, wordTokens(text))), shippedModel(), CONFIDENCE_UNIT);
}
