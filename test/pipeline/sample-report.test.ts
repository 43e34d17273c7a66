import { describe, expect, it } from 'vitest';
import { annotateCorpusFile, count, mentionList, SAMPLE } from '../support/annotate.js';

const doc = annotateCorpusFile(SAMPLE);
const all = mentionList(doc);

describe('the sample report (Islamic State-Khorasan Province)', () => {
  it('takes its date from the dateline and its title from the first line', () => {
    expect(doc.doc.date).toEqual({ value: '2025-08-09', source: 'dateline' });
    expect(doc.doc.title).toBe('The Islamic State in Afghanistan: A Jihadist Threat in Retreat?');
  });

  it.each([
    ['group:Islamic State', 1],
    ['group:Islamic State-Khorasan Province', 2],
    ['group:IS-KP', 4],
    ['group:Taliban', 5],
    ['country:Afghanistan', 3],
    ['country:Iran', 1],
    ['country:Russia', 2],
    ['country:Pakistan', 1],
    ['country:U.S.', 1],
    ['place:Moscow', 1],
    ['place:Europe', 1],
    ['date:9 August 2025', 1],
    ['date:2021', 2],
    ['date:2025', 1],
    ['date:March 2024', 1],
  ])('finds %s %i time(s)', (mention, times) => {
    expect(count(all, mention)).toBe(times);
  });

  it('finds ISIS as a group', () => {
    expect(count(all, 'group:ISIS')).toBeGreaterThanOrEqual(1);
  });

  it.each([
    ['9 August 2025', '2025-08-09'],
    ['2021', '2021'],
    ['2025', '2025'],
    ['March 2024', '2024-03'],
  ])('normalises the date %s to %s', (text, value) => {
    for (const m of doc.mentions.filter((x) => x.type === 'date' && x.text === text)) expect(m.value).toBe(value);
  });

  it('links both names of IS-KP to one entity, part of the Islamic State', () => {
    const ids = new Set(doc.mentions.filter((m) => m.text === 'IS-KP' || m.text === 'Islamic State-Khorasan Province').map((m) => m.entity));
    expect(ids.size).toBe(1);
    const e = doc.entities.find((x) => x.id === [...ids][0])!;
    const sources = e.mentions.map((id) => doc.mentions.find((m) => m.id === id)!.source);
    // Six names, and "the group" twice by coreference (issue 23).
    expect(sources.filter((s) => s.startsWith('lex:'))).toHaveLength(6);
    expect(sources.filter((s) => s.startsWith('rule:coref/'))).toHaveLength(2);
    expect(e.partOf).toBe('group:islamic-state');
  });

  it('links countries to ISO 3166 codes', () => {
    const afg = doc.entities.find((e) => e.name === 'Afghanistan')!;
    expect(afg.ids).toMatchObject({ iso2: 'AF', iso3: 'AFG' });
    expect(doc.mentions.find((m) => m.text === 'U.S.')!.value).toBe('US');
  });

  it.each(['takeover', 'mass shooting', 'arson', 'clampdown'])('has an event mention for "%s"', (trigger) => {
    expect(all).toContain(`event:${trigger}`);
  });

  it('finds nothing in the blog chrome, and never "is" as a group', () => {
    expect(doc.text).not.toMatch(/^Pages/);
    expect(doc.text).not.toContain('Post a Comment');
    expect(doc.text).not.toContain('No comments:');
    expect(all.filter((m) => /^group:(IS|is|Is)$/.test(m))).toEqual([]);
  });

  it('gives every mention a source, a confidence and a sentence', () => {
    for (const m of doc.mentions) {
      expect(m.source).toMatch(/^(lex|rule|model):/);
      expect(m.confidence).toBeGreaterThan(0);
      expect(m.confidence).toBeLessThanOrEqual(1);
      expect(doc.sentences[m.sentence].start).toBeLessThanOrEqual(m.start);
      expect(doc.sentences[m.sentence].end).toBeGreaterThanOrEqual(m.end);
    }
  });
});
