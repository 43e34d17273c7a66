import { describe, expect, it } from 'vitest';
import { nlp, nlpWithDates, termSpans } from '../../src/nlp.js';

describe('the two compromise instances', () => {
  it('the pipeline instance tags as compromise does', () => {
    const tags = (nlp('The Taliban seized Kabul.').json() as { terms: { tags: string[] }[] }[])[0].terms.map((t) => t.tags);
    expect(tags[2]).toContain('PastTense');
    expect(tags[3]).toContain('Place');
  });

  it('the dates plugin reaches only the instance made for it', () => {
    const withDates = nlpWithDates();
    expect(withDates).not.toBe(nlp);
    expect(typeof (withDates('on 15 August 2021') as unknown as { dates?: unknown }).dates).toBe('function');
    // The shared instance stays plain, before and after the second one is made.
    expect((nlp('on 15 August 2021') as unknown as { dates?: unknown }).dates).toBeUndefined();
    expect(nlpWithDates()).toBe(withDates);
  });

  it('term spans slice the text exactly', () => {
    const text = 'Fighting resumed in Moscow, then Kabul.';
    const spans = termSpans(nlp(text).places());
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(spans.map((s) => s.terms.map((t) => t.text).join(' ')));
    expect(spans.length).toBeGreaterThan(0);
  });
});
