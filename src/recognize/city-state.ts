import states from '../lexicon/us-state-abbreviations.json' with { type: 'json' };
import type { Component } from '../context.js';
import { alternation } from '../lexicon/word-set.js';

const ABBREVIATIONS = states.entries as Record<string, string>;
const alt = alternation(Object.keys(ABBREVIATIONS));
/** "Redfield, S.D.", "Junction City, Kan.": up to three capitalised words, a comma, a state's abbreviation. */
const CITY_STATE = new RegExp(`(?<![\\p{L}'’-])(\\p{Lu}[\\p{L}'’-]+(?:[ \\t]\\p{Lu}[\\p{L}'’-]+){0,2}),[ \\t](${alt})(?![\\p{L}])`, 'gu');
const NOT_CITIES = new Set(['The', 'In', 'At', 'On', 'From', 'Of', 'And', 'But', 'He', 'She', 'They', 'It', 'We', 'Mr', 'Mrs', 'Ms', 'Dr', 'Sen', 'Rep', 'Gov']);

/**
 * A US city with its state abbreviated the news way ("Redfield, S.D."): the state abbreviation is a
 * place linked to the state's ISO 3166-2 entry, and the city a place (a table entry at the same
 * span outranks it).
 */
export const cityState: Component = {
  name: 'recognize/city-state',
  run(ctx) {
    CITY_STATE.lastIndex = 0;
    for (let m = CITY_STATE.exec(ctx.text); m; m = CITY_STATE.exec(ctx.text)) {
      const words = m[1].split(/[ \t]/);
      while (words.length && NOT_CITIES.has(words[0])) words.shift();
      const code = ABBREVIATIONS[m[2]];
      const abbrStart = m.index + m[0].length - m[2].length;
      const key = `place:iso-US-${code}`;
      ctx.propose({ type: 'place', start: abbrStart, end: abbrStart + m[2].length, source: 'rule:place/us-state-abbreviation', confidence: 0.8, priority: 2, key, value: `US-${code}` });
      if (!words.length) continue;
      const city = words.join(' ');
      const cityStart = m.index + m[1].length - city.length;
      ctx.propose({ type: 'place', start: cityStart, end: cityStart + city.length, source: 'rule:place/city-state', confidence: 0.6, priority: 2 });
    }
  },
};
