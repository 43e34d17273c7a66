import { describe, expect, it } from 'vitest';
import { annotateCorpusFile, corpusFiles, SAMPLE } from '../support/annotate.js';
import { line, mentionText } from './support.js';
import type { AnnotatedDoc, EventFrame } from '../../src/doc.js';

const doc = annotateCorpusFile(SAMPLE);

/** The event whose trigger is the n-th occurrence of `trigger` (0-based). */
function event(trigger: string, n = 0): EventFrame {
  const es = doc.events.filter((e) => e.trigger.text === trigger);
  expect(es.length, `events with trigger "${trigger}"`).toBeGreaterThan(n);
  return es[n];
}

function role(e: EventFrame, name: string): { text: string; mention?: string; value?: string; entity?: string }[] {
  return e.roles
    .filter((r) => r.role === name)
    .map((r) => {
      const m = doc.mentions.find((x) => x.id === r.mention);
      return { text: r.text, mention: m?.text, value: m?.value, entity: m?.entity };
    });
}

describe('events of the sample report (Islamic State-Khorasan Province)', () => {
  it.each([0, 1])('the Taliban takeover of Afghanistan in 2021 (occurrence %i): actor Taliban, place Afghanistan, time 2021', (n) => {
    const e = event('takeover', n);
    expect(e.type).toBe('takeover');
    expect(e.factuality).toBe('asserted');
    expect(role(e, 'actor')).toEqual([{ text: 'Taliban', mention: 'Taliban', value: 'taliban', entity: 'group:taliban' }]);
    expect(role(e, 'place')).toMatchObject([{ text: 'Afghanistan', value: 'AF' }]);
    expect(role(e, 'time')).toMatchObject([{ text: '2021', value: '2021' }]);
    expect(e.codes.acled).toEqual({ eventType: 'Battles', subEventType: 'Non-state actor overtakes territory' });
  });

  it.each([
    ['mass shooting', 'shooting'],
    ['arson', 'arson'],
  ])('the March 2024 %s in Moscow: place Moscow, time March 2024', (trigger, subtype) => {
    const e = event(trigger);
    expect(e.type).toBe('attack');
    expect(e.subtype).toBe(subtype);
    expect(e.factuality).toBe('asserted');
    expect(role(e, 'place')).toMatchObject([{ text: 'Moscow', mention: 'Moscow' }]);
    expect(role(e, 'time')).toMatchObject([{ text: 'March 2024', value: '2024-03' }]);
  });

  it('the Taliban clampdown: actor Taliban', () => {
    const e = event('clampdown');
    expect(e.type).toBe('clampdown');
    expect(role(e, 'actor')).toMatchObject([{ text: 'Taliban', entity: 'group:taliban' }]);
  });

  it('the offensive IS-KP pulled back from: actor IS-KP, in the country (Afghanistan), asserted', () => {
    const e = event('offensive', 1);
    expect(e.type).toBe('offensive');
    expect(e.factuality).toBe('asserted');
    expect(role(e, 'actor')).toMatchObject([{ text: 'IS-KP', entity: 'group:is-kp' }]);
    expect(role(e, 'place')).toMatchObject([{ text: 'country', mention: 'Afghanistan', value: 'AF' }]);
  });

  it('"its offensive could resurge" is hypothetical, and "its" is IS-KP', () => {
    const e = event('offensive', 0);
    expect(e.factuality).toBe('hypothetical');
    expect(role(e, 'actor')).toMatchObject([{ text: 'its', entity: 'group:is-kp' }]);
  });

  it.each([0, 1])('"attacks abroad" (occurrence %i) is generic, with no borrowed place or time', (n) => {
    const abroad = [...doc.text.matchAll(/attacks abroad/g)].map((m) => m.index!);
    expect(abroad).toHaveLength(2);
    const e = doc.events.find((x) => x.trigger.start === abroad[n])!;
    expect(e).toBeDefined();
    expect(e.factuality).toBe('generic');
    expect(e.roles.filter((r) => r.role === 'place' || r.role === 'time')).toEqual([]);
  });

  it('matches the golden list of events', async () => {
    await expect(doc.events.map((e) => line(e)).join('\n') + '\n').toMatchFileSnapshot('../fixtures/events/crisisgroup-islamic-state-afghanistan.events.txt');
  });
});

function checkEvents(d: AnnotatedDoc): void {
  const ids = new Set(d.mentions.map((m) => m.id));
  for (const e of d.events) {
    expect(d.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    expect(e.mention && ids.has(e.mention), `${e.id}: trigger mention`).toBe(true);
    expect(d.sentences[e.sentence].start).toBeLessThanOrEqual(e.trigger.start);
    expect(e.source).toMatch(/^(lex:event-triggers\/|model:event-triggers$)/);
    expect(e.confidence).toBeGreaterThan(0);
    expect(e.confidence).toBeLessThanOrEqual(1);
    expect(e.codes.cameo).toMatch(/^\d{2}$/);
    for (const r of e.roles) {
      expect(d.text.slice(r.start, r.end), `${e.id} ${r.role}`).toBe(r.text);
      expect(r.text).not.toMatch(/^\s|\s$|[,;:]$|[a-z]\.$/);
      if (r.mention) expect(ids.has(r.mention), `${e.id} ${r.role} → ${r.mention}`).toBe(true);
      if (r.role === 'time' && r.mention) expect(mentionText(d, r.mention)).toBeDefined();
    }
    for (const k of ['fatalities', 'injured'] as const) {
      const c = e[k];
      if (c) expect(d.text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    }
  }
}

describe('events of every corpus document', () => {
  it.each(corpusFiles())('%s: triggers, roles and casualty evidence are exact slices pointing at real mentions', (name) => {
    const d = annotateCorpusFile(name);
    expect(d.events.length).toBeGreaterThan(0);
    checkEvents(d);
  });
});
