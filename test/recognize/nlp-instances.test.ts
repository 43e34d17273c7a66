import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { nlp, nlpWithDates, SKIPPED_HOOKS, termSpans } from '../../src/nlp.js';
import groupPatterns from '../../src/lexicon/group-patterns.json' with { type: 'json' };

type Raw = { document: { tags: Set<string>; chunk?: string }[][] };
const tagsOf = (doc: Raw): string[][] => doc.document.flat().map((t) => [...t.tags].sort());

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

  it('leaves out the chunker, which sets no tag', () => {
    expect(SKIPPED_HOOKS).toEqual(['chunks']);
    expect((nlp as unknown as { hooks(): string[] }).hooks()).not.toContain('chunks');
    for (const f of readdirSync('corpus').filter((n) => n.endsWith('.txt') || n.endsWith('.md'))) {
      const doc = nlp(readFileSync(`corpus/${f}`, 'utf8')) as unknown as Raw & { compute(h: string): void };
      // The tagger marks a few terms' chunks itself; the chunker would give every term one.
      expect(doc.document.flat().some((t) => t.chunk === undefined), f).toBe(true);
      const before = tagsOf(doc);
      doc.compute('chunks');
      expect(doc.document.flat().every((t) => t.chunk !== undefined), f).toBe(true);
      expect(tagsOf(doc), f).toEqual(before);
    }
  });

  it('no organisation pattern uses the chunk syntax the chunker would serve', () => {
    for (const p of groupPatterns.patterns as { match: string }[]) expect(p.match, p.match).not.toMatch(/<\w+>/);
  });
});

