import { describe, expect, it } from 'vitest';
import { incidentsOf } from '../../src/events/incidents.js';
import { scoredIncidents } from '../../src/events/incident-model.js';
import { annotated } from './support.js';
import type { AnnotatedDoc } from '../../src/doc.js';

/** Incidents of a text as lines: `type/subtype ×mentions place/how time/how`. */
function incidents(text: string): string[] {
  const d: AnnotatedDoc = annotated(text, '1989-05-04');
  const at = (s?: { start: number; end: number }): string => (s ? d.text.slice(s.start, s.end) : '-');
  return incidentsOf(d).map((i) => `${i.type}${i.subtype ? `/${i.subtype}` : ''} ×${i.events.length} ${at(i.place)}/${i.place?.how ?? '-'} ${i.time?.how === 'document' ? i.time.value : at(i.time as { start: number; end: number } | undefined)}/${i.time?.how ?? '-'}`);
}

describe('document-level incidents: the mentions of one incident grouped', () => {
  it.each([
    ['a later mention with no place or time of its own joins the incident', 'Guerrillas attacked a bus in San Salvador on 3 May 1989. The attack killed five people.', ['attack ×2 San Salvador/event 3 May 1989/event']],
    ['different places and days: two incidents', 'Rebels bombed a bridge in Lima on 2 May 1989. On 3 May 1989 another bomb attack hit a bank in Bogota.', ['attack/bombing ×1 Lima/event 2 May 1989/event', 'attack/bombing ×1 Bogota/event 3 May 1989/event']],
    ['a denied attack is no incident; the clash is one of its own', 'The army denied that guerrillas attacked the farm. Troops clashed with a rebel column near Flores, Guatemala on 2 May 1989.', ['battle/armed clash ×1 Guatemala/event 2 May 1989/event']],
    ['nothing that happened: no incident', 'Officials said no attack took place in Quito.', []],
    ['a place of the paragraph, else the document date, where the event has none', 'Rebels attacked a police post in Lima.\n\nThe attack was the third this week.', ['attack ×2 Lima/event 1989-05-04/document']],
  ])('%s', (_why, text, expected) => {
    expect(incidents(text)).toEqual(expected);
  });

  it('an attack and a clash told of together are one attack', () => {
    expect(incidents('Guerrillas attacked the barracks in Lima on 2 May 1989. The clashes lasted two hours.')).toEqual(['attack ×2 Lima/event 2 May 1989/event']);
  });

  it('the incident scorer keeps an attack told twice, placed and dated by its own mentions', () => {
    const d = annotated('Guerrillas attacked a bus in San Salvador on 3 May 1989. The attack killed five people.', '1989-05-04');
    const [inc] = scoredIncidents(d);
    expect(inc.features).toContain('n=2');
    expect(inc.features).toContain('place=event');
    expect(inc.kept).toBe(true);
  });
});
