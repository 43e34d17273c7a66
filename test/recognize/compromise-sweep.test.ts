import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { nlp, stockCompromise } from '../../src/nlp.js';
import { bulkMatch } from '../../src/compromise-sweep.js';
import { CHECKED_COMPROMISE } from '../../src/compromise-version.js';
import { brownDocs } from '../../src/bench/brown.js';
import groupPatterns from '../../src/lexicon/group-patterns.json' with { type: 'json' };

type Nlp = typeof nlp;
type Pattern = { match: string; tag?: string; unTag?: string; ifNo?: string[]; order?: number };
type Sweepable = { sweep(net: unknown, opts?: object): { found: { match: string; view: { text(): string; fullPointer: number[][] } }[] } };

/** compromise as it comes, with its own sweep: what ours must agree with. */
const stock = stockCompromise();

const world = (n: Nlp): { methods: { one: { bulkMatch: unknown } } } => (n as unknown as { _world: { methods: { one: { bulkMatch: unknown } } } })._world;

/** What a sweep of `patterns` over `text` finds: each match's pattern, text and place, in order. */
function sweep(n: Nlp, patterns: Pattern[], text: string, opts: object = { tagger: false }): [string, string, number[][]][] {
  const net = n.buildNet(patterns.map((p) => ({ ...p }))); // buildNet writes into the objects it is given
  // Pointers without their term ids (each instance numbers its terms its own way).
  return (n(text) as unknown as Sweepable).sweep(net, opts).found.map((f) => [f.match, f.view.text(), f.view.fullPointer.map((p) => p.slice(0, 3))]);
}

const tagsOf = (n: Nlp, text: string): string[][] => (n(text).json() as { terms: { tags: string[] }[] }[]).flatMap((s) => s.terms.map((t) => t.tags));

describe(`compromise sweep (src/compromise-sweep.ts), checked on compromise ${CHECKED_COMPROMISE}`, () => {
  it('is installed on the pipeline instance only', () => {
    // These tests cover the version the patch is tied to: another one gets compromise's own sweep.
    expect((nlp as unknown as { version: string }).version, 'a new compromise: run these tests on it, then update CHECKED_COMPROMISE').toBe(CHECKED_COMPROMISE);
    expect(world(nlp).methods.one.bulkMatch).toBe(bulkMatch);
    expect(world(stock).methods.one.bulkMatch).not.toBe(bulkMatch);
  });

  // Each net exercises one of the steps that choose which patterns a chunk tries.
  const cases: { name: string; patterns: Pattern[]; text: string; found: [string, string][] }[] = [
    { name: 'a word the chunk has', patterns: [{ match: 'the rebels' }], text: 'Then the rebels left.', found: [['the rebels', 'the rebels']] },
    { name: 'a tag the chunk has', patterns: [{ match: '#Place' }], text: 'Fighting spread to Kabul.', found: [['#Place', 'Kabul']] },
    { name: 'needs not met: never tried', patterns: [{ match: 'the rebels' }], text: 'Then the army left.', found: [] },
    { name: 'one of several wants', patterns: [{ match: '(rebels|militants) attacked' }], text: 'Militants attacked a base.', found: [['(rebels|militants) attacked', 'Militants attacked']] },
    { name: 'none of the wants', patterns: [{ match: '(rebels|militants) attacked' }], text: 'Soldiers attacked a base.', found: [] },
    { name: 'ifNo: a word the chunk must not have', patterns: [{ match: '#Noun attacked', ifNo: ['soldiers'] }], text: 'Soldiers attacked a base.', found: [] },
    { name: 'ifNo absent', patterns: [{ match: '#Noun attacked', ifNo: ['police'] }], text: 'Soldiers attacked a base.', found: [['#Noun attacked', 'Soldiers attacked']] },
    { name: 'always: no needs nor wants', patterns: [{ match: '.' }], text: 'Go now.', found: [['.', 'Go'], ['.', 'now']] },
    { name: 'too few words for the pattern', patterns: [{ match: 'attack on the . base' }], text: 'An attack on the base.', found: [] },
    {
      name: 'order: the net index order, each pattern once',
      patterns: [{ match: 'the base' }, { match: 'attacked the' }, { match: 'the base' }, { match: 'militants' }],
      text: 'Militants attacked the base.',
      // keys in the order the net first met them (the, base, attacked, militants), not the sentence's
      found: [['the base', 'the base'], ['attacked the', 'attacked the'], ['militants', 'Militants']],
    },
  ];
  it.each(cases)('$name', ({ patterns, text, found }) => {
    const ours = sweep(nlp, patterns, text);
    expect(ours.map(([m, t]) => [m, t])).toEqual(found);
    expect(ours).toEqual(sweep(stock, patterns, text));
  });

  it('matchOne stops at the first match, as compromise does', () => {
    const patterns = [{ match: 'militants' }, { match: 'the base' }];
    const one = (n: Nlp): string => (n('Militants attacked the base.') as unknown as { matchOne(net: unknown): { text(): string } }).matchOne(n.buildNet(patterns)).text();
    expect(one(nlp)).toBe(one(stock));
    expect(one(nlp)).not.toBe('');
  });

  it('tagging sweeps tag and untag the same terms', () => {
    const patterns: Pattern[] = [
      { match: 'the office', tag: 'Organization' },
      { match: 'attacked', unTag: 'PastTense' },
    ];
    const text = 'The army of Mali attacked the office of Kidal.';
    const tagged = (n: Nlp): string[][] => {
      const doc = n(text) as unknown as Sweepable & { json(): { terms: { tags: string[] }[] }[] };
      doc.sweep(n.buildNet(patterns.map((p) => ({ ...p }))));
      return doc.json().flatMap((s) => s.terms.map((t) => t.tags));
    };
    const ours = tagged(nlp);
    expect(ours).toEqual(tagged(stock));
    expect(ours[6]).toContain('Organization'); // office
    expect(ours[4]).not.toContain('PastTense'); // attacked
    expect(ours[4]).toContain('Verb');
  });

  // compromise's own tagger runs through the sweep: every tag of every term must come out the same.
  const texts = [
    ...readdirSync('corpus').filter((f) => /\.(txt|md)$/.test(f)).map((f) => ({ name: f, text: readFileSync(`corpus/${f}`, 'utf8') })),
    ...brownDocs(25).map((d) => ({ name: `brown ${d.name}`, text: d.text })),
  ];
  it.each(texts)('the same tags as compromise on $name', ({ text }) => {
    expect(tagsOf(nlp, text)).toEqual(tagsOf(stock, text));
  });

  it('the same organisation matches as compromise on the corpus', () => {
    const patterns = (groupPatterns.patterns as { match: string }[]).map((p, order) => ({ match: p.match, order }));
    for (const { name, text } of texts.slice(0, 8)) {
      const ours = sweep(nlp, patterns, text);
      expect(ours, name).toEqual(sweep(stock, patterns, text));
    }
  });
});
