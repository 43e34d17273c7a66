import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

/** The type and source of the mention of `name` in `text`. */
function typed(text: string, name: string): string {
  const m = annotate(text).mentions.find((x) => x.text === name)!;
  return `${m.type} ${m.source.startsWith('rule:state-actor/') ? m.source.slice(17) : ''}`.trim();
}

describe('countries acting as states (refine/state-actors)', () => {
  it.each([
    ['The UK stands by its allies.', 'UK', 'group subject'],
    ['The UK is working with partners.', 'UK', 'group subject'],
    ['Iraq faces significant challenges.', 'Iraq', 'group subject'],
    ['The ceasefire was announced by Russia and Turkey.', 'Russia', 'group agent'],
    ['The ceasefire was announced by Russia and Turkey.', 'Turkey', 'group agent'],
    ['Ministers reiterated UK support for the talks.', 'UK', 'group modifier'],
    ["The report praised Australia's diplomatic efforts.", 'Australia', 'group possessive'],
    ['We will continue to support Iraq.', 'Iraq', 'group object'],
    ['Fighting continued in Syria.', 'Syria', 'country'],
    ['France is jittery after the attacks.', 'France', 'country'],
    ['Venezuela was cursed with corruption.', 'Venezuela', 'country'],
    ["Iraq's communities must unite.", 'Iraq', 'country'],
    ['The minister will travel to Turkey.', 'Turkey', 'country'],
  ])('%s → %s is %s', (text, name, want) => {
    expect(typed(text, name)).toBe(want);
  });

  it('a state actor still links to its country entity, which stays a country', () => {
    const d = annotate('The UK stands by Iraq.');
    const uk = d.mentions.find((m) => m.text === 'UK')!;
    expect(uk.entity).toBe('country:GB');
    expect(d.entities.find((e) => e.id === 'country:GB')).toMatchObject({ type: 'country', ids: { iso2: 'GB', iso3: 'GBR' } });
  });
});
