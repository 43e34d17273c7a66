import { describe, expect, it } from 'vitest';
import { PipelineContext } from '../../src/context.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { taggedTerms } from '../../src/recognize/term-tags.js';
import { termIndex } from '../../src/events/terms.js';

function contextOf(text: string): PipelineContext {
  return new PipelineContext('doc', text, segmentSentences(text), null, loadLexicon());
}

describe('PipelineContext.memo: worked out once per document', () => {
  it('makes a value once per key, and keeps keys apart', () => {
    const ctx = contextOf('The army left.');
    const a = {};
    const b = {};
    let made = 0;
    const make = (v: string) => () => (made++, v);
    expect(ctx.memo(a, make('A'))).toBe('A');
    expect(ctx.memo(a, make('other'))).toBe('A');
    expect(ctx.memo(b, make('B'))).toBe('B');
    expect(made).toBe(2);
    // A value that is falsy is kept like any other.
    const c = {};
    expect(ctx.memo(c, make(''))).toBe('');
    expect(ctx.memo(c, make('again'))).toBe('');
    expect(made).toBe(3);
    // Another document has its own.
    expect(contextOf('The army left.').memo(a, make('A2'))).toBe('A2');
  });

  it.each([
    { name: 'taggedTerms', of: (ctx: PipelineContext) => taggedTerms(ctx) },
    { name: 'termIndex', of: (ctx: PipelineContext) => termIndex(ctx) },
  ])('$name is worked out once per document, and again for another', ({ of }) => {
    const text = 'Rebels seized the town of Kidal on Monday.';
    const ctx = contextOf(text);
    const first = of(ctx);
    expect(of(ctx)).toBe(first);
    const other = of(contextOf(text));
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });
});
