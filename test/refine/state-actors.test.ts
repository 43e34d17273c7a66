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
    // Subjects of predicates of will, attitude or role; copulas with other predicates stay places.
    ['The UK is committed to supporting the Iraqi government.', 'UK', 'group subject'],
    ['The United States remains steadfast in its support.', 'United States', 'group subject'],
    ['Turkey is a key player in the region.', 'Turkey', 'group subject'],
    ['France is one of our most important partners.', 'France', 'group subject'],
    ['Iraq will be able to benefit from the loan.', 'Iraq', 'group subject'],
    ['The UK, as part of the Global Coalition, is committed to the fight.', 'UK', 'group subject'],
    ['The U.S. reaffirms its commitment.', 'U.S.', 'group subject'],
    ['Syria is being ripped apart by destruction.', 'Syria', 'country'],
    ['Syria has for too long been the biggest humanitarian crisis.', 'Syria', 'country'],
    // Parties of a relation, targets, for-to subjects, objects of standing by.
    ['They discussed relations with the United States.', 'United States', 'group party'],
    ['It moves forward joint action between UK and France.', 'France', 'group party'],
    ['The border with Syria was closed.', 'Syria', 'country'],
    ['They pose a threat to the UK.', 'UK', 'group target'],
    ['The Foreign Secretary pressed for Russia to use its influence.', 'Russia', 'group subject'],
    ['It took steps for Syria to be rebuilt.', 'Syria', 'country'],
    ['The UK stands by Iraq to defeat Daesh.', 'Iraq', 'group object'],
    ['Flights to Iraq resumed.', 'Iraq', 'country'],
    // Examples of actors, coordination with state bodies; other lists stay places.
    ['The international community – including Russia and Iran – must act.', 'Iran', 'group example'],
    ['The regime and its backers, notably Russia, bombed Aleppo.', 'Russia', 'group example'],
    ['They discussed topics including Syria and Libya.', 'Libya', 'country'],
    ['It was carried out by forces of either the Asad regime or Russia.', 'Russia', 'group coordinated'],
    ['Coordination is improving even among the Taliban, Russia and Western governments.', 'Russia', 'country'],
    ['We work with our partners in Syria, Iraq, and the international community.', 'Iraq', 'country'],
    ['After attacks inside Turkey, the United States is committed to standing with you.', 'Turkey', 'country'],
    // Possession and modification.
    ["We support Iraq's democratic process.", 'Iraq', 'group possessive'],
    ["He delivered the United States' message.", 'United States', 'group possessive'],
    ['Their support for the Iraq people is firm.', 'Iraq', 'group modifier'],
    ['In Turkey Minister Ellwood met refugees.', 'Turkey', 'country'],
    ['They discussed UK-France co-operation on migration.', 'France', 'group bilateral'],
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
