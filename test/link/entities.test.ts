import { describe, expect, it } from 'vitest';
import { annotate } from '../../src/index.js';

const doc = annotate(
  'The Islamic State-Khorasan Province (IS-KP) struck Kabul. ISIS-K later fled; the Islamic State praised it. ' +
    'The Syria Recovery Trust Fund (SRTF) paid, and the SRTF said so. The UK stands by Iraq; British officials agreed. ' +
    'Police said the government would act. John Kerry met officials. Later Kerry said no.',
);
const entityOf = (text: string) => doc.entities.find((e) => e.id === doc.mentions.find((m) => m.text === text)!.entity)!;

describe('linking mentions into entities', () => {
  it('the long name and its acronym in brackets are one entity with two mentions, part of the Islamic State', () => {
    const e = entityOf('IS-KP');
    expect(entityOf('Islamic State-Khorasan Province')).toBe(e);
    expect(entityOf('ISIS-K')).toBe(e);
    expect(e.mentions).toHaveLength(3);
    expect(e.partOf).toBe('group:islamic-state');
    expect(e.name).toBe('Islamic State Khorasan Province');
  });

  it('an organisation defined with its acronym is one entity for every use', () => {
    const e = entityOf('Syria Recovery Trust Fund');
    expect(e.type).toBe('group');
    expect(e.mentions).toHaveLength(3);
  });

  it('a country acting as a state, and a demonym, link to the country entity', () => {
    const uk = entityOf('UK');
    expect(uk).toMatchObject({ id: 'country:GB', type: 'country', ids: { iso2: 'GB', iso3: 'GBR' } });
    expect(doc.mentions.find((m) => m.text === 'UK')!.type).toBe('group');
    expect(entityOf('British')).toBe(uk);
  });

  it('a surname alone joins the full name mentioned before', () => {
    expect(entityOf('Kerry')).toBe(entityOf('John Kerry'));
  });

  it('a common-noun mention ("Police", "the government") makes no entity', () => {
    for (const t of ['Police', 'government']) {
      const m = doc.mentions.find((x) => x.text === t)!;
      expect(m.type).toBe('group');
      expect(m.entity).toBeUndefined();
    }
  });

  it('every entity lists only mentions that point back at it', () => {
    for (const e of doc.entities) for (const id of e.mentions) expect(doc.mentions.find((m) => m.id === id)!.entity).toBe(e.id);
  });
});
