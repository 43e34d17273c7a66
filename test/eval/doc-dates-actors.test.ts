import { describe, expect, it } from 'vitest';
import { evaluateGold } from '../../src/eval/evaluate.js';
import type { GoldDoc } from '../../src/eval/gold.js';
import type { ActorLinksResult } from '../../src/eval/actor-links.js';
import type { DocDatesResult } from '../../src/eval/doc-dates.js';

const doc = (id: string, text: string, doc_date: string | null, events: unknown[] = []): GoldDoc => ({ id, text, doc_date, entities: [], events }) as GoldDoc;

describe('eval: document dates from the text and event actors linked', () => {
  it('counts datelines found and those equal to the gold doc_date', () => {
    const docs = [
      doc('a', '   SAN SALVADOR, 3 JAN 90 -- [REPORT] GUERRILLAS ATTACKED A POST.', '1990-01-03'),
      doc('b', '   LIMA, 4 JAN 90 (EFE) -- [TEXT] A BOMB EXPLODED.', '1990-01-05'),
      doc('c', '   CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] WE WILL FIGHT.', null),
      doc('d', 'No dateline here at all.', '1990-01-07'),
    ];
    const { report, text } = evaluateGold(docs, { types: ['docdate'] });
    expect(report.sections.docDates as DocDatesResult).toEqual({ documents: 4, gold: 3, found: 2, foundWithGold: 2, correct: 1, wrong: 1 });
    expect(text()).toContain('Document dates from the text');
  });

  it('counts event actors linked to an entity, and named-attacker gold events', () => {
    const text = 'Gunmen stormed a hotel in Mogadishu. Al-Shabaab said it was behind the assault.';
    const at = text.indexOf('stormed');
    const events = [{ type: 'Conflict.Attack.Unspecified', trigger: { start: at, end: at + 7 }, arguments: [{ role: 'Attacker', start: text.indexOf('Al-Shabaab'), end: text.indexOf('Al-Shabaab') + 10, entity_type: 'ORG' }] }];
    const { report } = evaluateGold([doc('w', text, '2024-08-03', events)], { types: ['events'] });
    const r = report.sections.actorLinks as ActorLinksResult;
    expect(r.actors).toBe(2);
    expect(r.linked).toBe(2);
    expect(r.byCoref).toBe(2);
    expect([r.namedAttackerEvents, r.found, r.foundLinked]).toEqual([1, 1, 1]);
  });
});
