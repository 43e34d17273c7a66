import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';
import { annotateCorpusFile, corpusFiles } from '../support/annotate.js';
import type { AnnotatedDoc } from '../../src/doc.js';

/** Each event's actors as `trigger:actor text→entity` (`→-` when the actor names no entity). */
function actors(doc: AnnotatedDoc): string[] {
  const byId = new Map(doc.mentions.map((m) => [m.id, m]));
  return doc.events.flatMap((e) => e.roles.filter((r) => r.role === 'actor').map((r) => `${e.trigger.text}:${r.text}→${(r.mention && byId.get(r.mention)?.entity) ?? '-'}`));
}

/** The coreference mentions of a text as `text→entity (source)`. */
function corefs(text: string): string[] {
  return annotate(text, { date: '2024-05-01' })
    .mentions.filter((m) => m.source.startsWith('rule:coref/'))
    .map((m) => `${m.text}→${m.entity} (${m.source})`);
}

describe('group coreference (link/group-coref)', () => {
  it.each([
    // The subject of a claim: "Al-Shabaab said it was behind the assault".
    ['Gunmen stormed a hotel in Mogadishu. Al-Shabaab said it was behind the assault.', ['stormed:Gunmen→group:al-shabaab', 'assault:it→group:al-shabaab']],
    // A description after "the", in the next sentence.
    ['IS-KP has grown in Afghanistan. Last year the group attacked a concert hall.', ['attacked:group→group:is-kp']],
    // Recency and role: the subject of the sentence before, not a group named in passing.
    ['Boko Haram was founded in 2002. Its leader later turned the movement into an insurgency. On 14 April 2014, its fighters abducted 276 schoolgirls.', ['abducted:fighters→group:boko-haram']],
    // A state's forces: the country the text is about.
    ['Mali: the army seized power in August 2020.', ['seized power:army→country:ML']],
  ])('%s', (text, expected) => {
    expect(actors(annotate(text, { date: '2024-05-01' }))).toEqual(expected);
  });

  it.each([
    // Nothing to refer to: no link.
    ['Militants attacked a village.', []],
    // A modifier that names another, unnamed body: no group named before is theirs.
    ['Al-Shabaab holds the south. Criminal gangs attacked a convoy.', []],
    ['JNIM is strong there. Unidentified gunmen attacked a bus.', []],
    // "it" never refers to a place named as a place.
    ['Somalia was calm until it was attacked.', []],
    // A description followed by a name is an apposition, not a reference.
    ['Al-Shabaab is active. The group Hizbul Islam merged with it in 2010.', []],
  ])('no link: %s', (text, expected) => {
    expect(corefs(text)).toEqual(expected);
  });

  it('a coreference mention keeps its own words, names its rule and joins the entity', () => {
    const text = 'Al-Shabaab said it carried out the attack.';
    const doc = annotate(text);
    const it_ = doc.mentions.find((m) => m.source === 'rule:coref/it')!;
    expect(text.slice(it_.start, it_.end)).toBe('it');
    expect(it_.type).toBe('group');
    expect(it_.confidence).toBeLessThan(0.8);
    expect(doc.entities.find((e) => e.id === 'group:al-shabaab')!.mentions).toContain(it_.id);
    const role = doc.events.flatMap((e) => e.roles).find((r) => r.role === 'actor')!;
    expect([role.text, role.mention]).toEqual(['it', it_.id]);
  });

  it('stays linear: a long run of pronouns and groups is resolved in time proportional to it', () => {
    const unit = 'Al-Shabaab said it attacked the base. The group claimed it. ';
    const t0 = performance.now();
    const small = annotate(unit.repeat(100));
    const t1 = performance.now();
    const large = annotate(unit.repeat(400));
    const t2 = performance.now();
    expect(large.mentions.filter((m) => m.source.startsWith('rule:coref/')).length).toBeGreaterThan(3 * small.mentions.filter((m) => m.source.startsWith('rule:coref/')).length);
    // Four times the text: well under sixteen times the time (a quadratic pass would show).
    expect(t2 - t1).toBeLessThan(10 * (t1 - t0) + 500);
  });
});

describe('event actors on the sample corpus', () => {
  it('at least 90% of event actors are linked to an entity', () => {
    let all = 0;
    let linked = 0;
    for (const f of corpusFiles()) {
      const list = actors(annotateCorpusFile(f));
      all += list.length;
      linked += list.filter((a) => !a.endsWith('→-')).length;
    }
    expect(all).toBeGreaterThan(30);
    expect(linked / all).toBeGreaterThanOrEqual(0.9);
  });

  it('the Somalia report: the actor of the Lido beach attack and of the claimed assault is al-Shabaab', () => {
    const list = actors(annotateCorpusFile('somalia-al-shabaab-mogadishu.txt'));
    expect(list).toContain('attacked:gunmen→group:al-shabaab');
    expect(list).toContain('assault:it→group:al-shabaab');
  });
});
