import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** The part-of-place mentions of a text, as `type:text`. */
function parts(text: string): string[] {
  const doc = annotate(text);
  for (const m of doc.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  return doc.mentions.filter((m) => m.source === 'rule:nominal/part-of').map((m) => `${m.type}:${m.text}`);
}

describe('parts of places (link/place-parts)', () => {
  it.each([
    ['The ringleader of the attack in the heart of London was known to them.', ['place:heart']],
    ['An Islamic body declared an independent state in parts of Dagestan and Chechnya.', ['place:parts']],
    ['Killings rocked the east side of the Euphrates in Deir ez-Zor.', ['place:side']],
    ['The army moved in to take control of a part of the city.', ['place:part']],
    ['The Avars live on the steep hillsides of Dagestan’s spectacular mountainous interior.', ['place:interior']],
    ['Shelling hit the edges of Aleppo overnight.', ['place:edges']],
    // Predicates and idioms: no place of its own.
    ['Crimea is part of Ukraine, they said.', []],
    ['The UK works as part of the Global Coalition.', []],
    ['Turkey took part in the talks.', []],
    // Not before a place: no mention.
    ['Militants hid in the heart of the forest.', []],
    ['The middle of the road was blocked.', []],
    // The noun must head its phrase.
    ['The London’s heart surgeon retired.', []],
  ])('%s', (text, expected) => {
    expect(parts(text)).toEqual(expected);
  });

  it('a part joins no entity and is less sure than a name', () => {
    const doc = annotate('Shelling hit the edges of Aleppo overnight.');
    const part = doc.mentions.find((m) => m.source === 'rule:nominal/part-of')!;
    expect(part.entity).toBeUndefined();
    expect(part.confidence).toBeLessThan(0.6);
    expect(doc.mentions.some((m) => m.text === 'Aleppo' && m.type === 'place')).toBe(true);
  });
});
