import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

const places = (text: string): string[] => annotate(text).mentions.filter((m) => m.type === 'country' || m.type === 'place').map((m) => m.text);

describe("a country written as its currency's code is no mention of it (src/lexicon/currency-codes.json)", () => {
  it.each([
    ['The deal is worth US$ 1.4 billion.', []],
    ['Shares were priced at US $ 199 in Tokyo.', ['Tokyo']],
    ['It cost S$ 0.20, about HK$ 1.2, in Singapore.', ['Singapore']],
    // Negative cases: the dollar written out, and the country elsewhere in the sentence, stay.
    ['The Hong Kong dollar is pegged.', ['Hong Kong']],
    ['The US paid $ 2 million to Iraq.', ['Iraq']],
    ['Aid to Yemen rose to US$ 3 million.', ['Yemen']],
  ])('%s', (text, want) => {
    expect(places(text)).toEqual(want);
  });
});
