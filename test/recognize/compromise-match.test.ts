import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { nlp, stockCompromise } from '../../src/nlp.js';
import { cannotMatchTerm, narrowedMatch, type MatchFn, type MatchTerm, type Reg, type TermMethods } from '../../src/compromise-match.js';
import { brownDocs } from '../../src/bench/brown.js';
import { CHECKED_COMPROMISE } from '../../src/compromise-version.js';
import groupPatterns from '../../src/lexicon/group-patterns.json' with { type: 'json' };

type Nlp = typeof nlp;
type View = ReturnType<Nlp>;

/** compromise as it comes, with its own matcher: what ours must agree with. */
const stock = stockCompromise();

const one = (n: Nlp): { match: MatchFn; termMethods: TermMethods } => (n as unknown as { _world: { methods: { one: { match: MatchFn; termMethods: TermMethods } } } })._world.methods.one;

/** What a match finds: each match's text and place, and each named group's (term ids left out: each instance numbers its own). */
function found(view: View): { texts: string[]; places: number[][]; groups: Record<string, string[]> } {
  const v = view as unknown as { fullPointer: number[][]; out(f: 'array'): string[]; groups(): Record<string, { out(f: 'array'): string[] }> };
  const groups: Record<string, string[]> = {};
  for (const [k, g] of Object.entries(v.groups())) groups[k] = g.out('array');
  return { texts: v.out('array'), places: v.fullPointer.map((p) => p.slice(0, 3)), groups };
}

const matchIn = (n: Nlp, text: string, pattern: string, group?: string | number): ReturnType<typeof found> => found(n(text).match(pattern, group as string));

describe(`narrowed compromise matcher (src/compromise-match.ts), checked on compromise ${CHECKED_COMPROMISE}`, () => {
  it('is installed on the pipeline instance only', () => {
    // These tests cover the version the patch is tied to: another one gets compromise's own matcher.
    expect((nlp as unknown as { version: string }).version, 'a new compromise: run these tests on it, then update CHECKED_COMPROMISE').toBe(CHECKED_COMPROMISE);
    expect(one(nlp).match.name).toBe('narrowedRunMatch');
    expect(one(stock).match.name).not.toBe('narrowedRunMatch');
  });

  // Each case: a kind of first step (narrowed or handed to compromise as it is), what it finds.
  const text = "Then the rebels attacked the base. The rebels/militants attacked again and the old new army base fell. We've attacked them, and they're coming.";
  const cases: { name: string; pattern: string; group?: string | number; texts: string[] }[] = [
    { name: 'a word', pattern: 'the rebels', texts: ['the rebels', 'The rebels/militants'] },
    { name: 'a word through a slash alias', pattern: 'militants attacked', texts: ['rebels/militants attacked'] },
    { name: 'a word through a contraction', pattern: 'we have attacked', texts: ["We've attacked"] },
    { name: 'a contraction as written (its two terms taken as one)', pattern: "we've attacked", texts: ["We've attacked"] },
    { name: 'the second word of a contraction (a term with no text of its own)', pattern: 'are coming', texts: ['coming.'] },
    { name: 'a tag, then a word', pattern: '#Noun attacked', texts: ['rebels attacked', 'rebels/militants attacked'] },
    { name: 'a set of words', pattern: '(rebels|militants) attacked', texts: ['rebels attacked'] },
    { name: 'a greedy tag', pattern: '#Adjective+ #Noun', texts: ['old new army'] },
    { name: 'a counted tag', pattern: '#Noun{2,3}', texts: ['army base'] },
    { name: 'a word, then a greedy step', pattern: 'the #Adjective+ #Noun+', texts: ['the old new army base'] },
    { name: 'a word, any term, a word', pattern: 'the . attacked', texts: ['the rebels attacked', 'The rebels/militants attacked'] },
    { name: 'a word, then an optional one', pattern: 'attacked the? base', texts: ['attacked the base.'] },
    { name: 'matches one after the other (the skip over a match)', pattern: 'the .', texts: ['the rebels', 'the base.', 'The rebels/militants', 'the old'] },
    { name: 'an optional first step', pattern: '#Adverb? attacked', texts: ['attacked', 'attacked', 'attacked'] },
    { name: 'a negative first step', pattern: '!the rebels', texts: [] },
    { name: 'any term first', pattern: '. attacked', texts: ['rebels attacked', 'rebels/militants attacked', 'attacked'] },
    { name: 'anchored at the start', pattern: '^#Determiner #Noun', texts: ['The rebels/militants'] },
    { name: 'anchored at the end (handed on)', pattern: 'the #Noun$', texts: ['the base.'] },
    { name: 'a set, then an optional any term', pattern: '(base|fell) .?', texts: ['base.', 'base fell.'] },
    { name: 'a fuzzy word', pattern: '~atacked~', texts: ['attacked', 'attacked', 'attacked'] },
    { name: 'a regular expression', pattern: '/^reb/ attacked', texts: ['rebels attacked', 'rebels/militants attacked'] },
    { name: 'a term method', pattern: '@hasComma and', texts: ['them, and'] },
    { name: 'a term method, and a tag', pattern: '(#Pronoun && @hasComma) and', texts: ['them, and'] },
    { name: 'a choice of two steps', pattern: '(#Adjective|the) base', texts: ['the base.'] },
    { name: 'a choice of two phrases', pattern: '(the old new|the) #Noun', texts: ['the rebels', 'the base.', 'The rebels/militants', 'the old new army'] },
    { name: 'a choice that must match all', pattern: '(#Noun && rebels) attacked', texts: ['rebels attacked', 'rebels/militants attacked'] },
    { name: 'a greedy choice', pattern: '(#Adjective|#Noun)+ fell', texts: ['old new army base fell.'] },
    { name: 'an optional word, then a tag', pattern: 'the? #Noun attacked', texts: ['the rebels attacked', 'The rebels/militants attacked'] },
    { name: 'an optional choice, then a word', pattern: '(#Adverb|#Determiner)? rebels', texts: ['the rebels', 'The rebels/militants'] },
    { name: 'two optional steps, then a word', pattern: 'the? old? new', texts: ['the old new'] },
    { name: 'only optional steps', pattern: 'the? base?', texts: ['the', 'the base.', 'The', 'the', 'base'] },
    { name: 'an optional negative first step (handed on)', pattern: '!the? #Noun', texts: ['rebels', 'base.', 'rebels/militants', 'new army', 'base', "We've", 'attacked them,', "and they're"] },
    { name: 'a named group', pattern: '[<who>#Noun] attacked [<what>#Determiner #Noun]', texts: ['rebels attacked the base.'] },
    { name: 'one numbered group asked for', pattern: 'the [#Noun] attacked', group: 0, texts: ['rebels', 'rebels/militants'] },
  ];

  it.each(cases)('$name', ({ pattern, group, texts }) => {
    const ours = matchIn(nlp, text, pattern, group);
    expect(ours.texts).toEqual(texts);
    expect(ours).toEqual(matchIn(stock, text, pattern, group));
  });

  it('finds the first match only, for matchOne', () => {
    for (const p of ['the #Noun', '#Noun attacked', '!the rebels']) {
      const first = (n: Nlp): string => n(text).matchOne(p).text();
      expect(first(nlp)).toBe(first(stock));
    }
    expect(nlp(text).matchOne('the #Noun').text()).toBe('the rebels');
  });

  // How many places compromise's own matcher is asked to try: the narrowing is what saves the time.
  const tried: { pattern: string; text: string; places: number }[] = [
    { pattern: 'the rebels', text: 'Then the army and the rebels and the police left.', places: 1 },
    { pattern: '#Noun left', text: 'Then the army and the rebels and the police left.', places: 1 },
    { pattern: '#Noun and', text: 'Then the army and the rebels and the police left.', places: 2 },
    { pattern: 'we have left', text: "We've left and we have left.", places: 2 },
    { pattern: '#Adverb? left', text: 'Then the army left.', places: 2 },
    { pattern: '(the army|police) left', text: 'Then the army and the police left.', places: 3 },
    { pattern: '(#Noun && army) and', text: 'Then the army and the police left.', places: 1 },
    { pattern: '!the army', text: 'Then the army and the police left.', places: 1 },
    { pattern: '(#Noun && @hasComma) the', text: 'Then the army, the police and the rebels left.', places: 1 },
    { pattern: 'the #Noun$', text: 'Then the army and the police left.', places: 1 },
  ];
  it.each(tried)('tries "$pattern" at $places place(s)', ({ pattern, text: t, places }) => {
    let calls = 0;
    const stockMatch = one(stock).match;
    const counting: MatchFn = (docs, todo, cache) => {
      calls++;
      return stockMatch(docs, todo, cache);
    };
    const docs = (stock(t) as unknown as { docs: MatchTerm[][] }).docs;
    const regs = (stock as unknown as { parseMatch(p: string): Reg[] }).parseMatch(pattern);
    const narrowed = narrowedMatch(counting, one(stock).termMethods)(docs, { regs });
    expect(narrowed.ptrs.map((p) => p.slice(0, 3))).toEqual(stockMatch(docs, { regs }).ptrs.map((p) => p.slice(0, 3)));
    // A pattern handed on as it is: one call for the whole text.
    expect(calls).toBe(places);
  });

  // Steps compromise's own parser seldom makes, built by hand: the quick skip must give way to the test compromise tries first.
  const handMade: { name: string; regs: (docs: MatchTerm[][]) => Reg[]; texts: string[] }[] = [
    { name: 'a term id beside a tag (as in matching another view)', regs: (d) => [{ id: d[0][5].id, tag: 'Verb' }], texts: ['police', 'left'] },
    { name: 'a term id beside a word', regs: (d) => [{ id: d[0][5].id, word: 'army' }], texts: ['army', 'police'] },
    { name: 'a regular expression beside a set of words', regs: () => [{ fastOr: new Set(['army']), regex: /^pol/ }], texts: ['police'] },
    { name: 'a switch beside a set of words', regs: () => [{ fastOr: new Set(['army']), switch: 'Noun|Verb' }], texts: [] },
  ];
  it.each(handMade)('hand-made steps: $name', ({ regs, texts }) => {
    const docs = (stock('Then the army and the police left.') as unknown as { docs: MatchTerm[][] }).docs;
    const todo = { regs: regs(docs) };
    const stockMatch = one(stock).match;
    const ours = narrowedMatch(stockMatch, one(stock).termMethods)(docs, todo);
    expect(ours.ptrs.map((p) => p.slice(0, 3))).toEqual(stockMatch(docs, todo).ptrs.map((p) => p.slice(0, 3)));
    expect(ours.ptrs.map(([n, start, end]) => docs[n].slice(start, end).map((x) => x.text).join(' '))).toEqual(texts);
  });

  // A sweep's pattern with a `notIf`: the matches it finds are dropped where the `notIf` matches inside them.
  const notIfs: { pattern: string; notIf: string; text: string; texts: string[] }[] = [
    { pattern: '#Determiner #Noun', notIf: 'army', text: 'Then the army and the police left.', texts: ['the police'] },
    { pattern: '#Determiner #Noun', notIf: '#Determiner', text: 'Then the army and the police left.', texts: [] },
    { pattern: '#Determiner #Noun', notIf: '(#Adverb|police)', text: 'Then the army and the police left.', texts: ['the army'] },
    { pattern: '#Determiner #Noun', notIf: 'the? army', text: 'Then the army and the police left.', texts: ['the police'] },
    { pattern: '#Determiner #Noun', notIf: '#Noun$', text: 'Then the army and the police left.', texts: [] },
    { pattern: '#Determiner #Noun', notIf: 'navy', text: 'Then the army and the police left.', texts: ['the army', 'the police'] },
    { pattern: '[#Determiner] #Noun', notIf: 'army', text: 'Then the army and the police left.', texts: ['the'] },
  ];
  it.each(notIfs)('drops the matches of "$pattern" where "$notIf" matches inside', ({ pattern, notIf, text: t, texts }) => {
    const parse = (p: string): Reg[] => (stock as unknown as { parseMatch(p: string): Reg[] }).parseMatch(p);
    const docs = (stock(t) as unknown as { docs: MatchTerm[][] }).docs;
    const todo = { regs: parse(pattern), notIf: parse(notIf), group: pattern.startsWith('[') ? 0 : undefined };
    const stockMatch = one(stock).match;
    const ours = narrowedMatch(stockMatch)(docs, todo);
    const places = (r: ReturnType<MatchFn>): number[][] => r.ptrs.map((p) => p.slice(0, 3) as number[]);
    expect(places(ours)).toEqual(places(stockMatch(docs, todo)));
    expect(ours.ptrs.map(([n, start, end]) => docs[n].slice(start, end).map((x) => x.text).join(' '))).toEqual(texts);
  });

  const term = (over: Partial<MatchTerm>): MatchTerm => ({ text: 'Rebels', normal: 'rebels', machine: null, tags: new Set(['Noun', 'Plural']), ...over });
  const compromiseMethods = one(stock).termMethods;
  const tests: { name: string; term: MatchTerm; reg: Reg; index?: number; length?: number; methods?: TermMethods; no: boolean }[] = [
    { name: 'another word', term: term({}), reg: { word: 'army' }, no: true },
    { name: 'the word', term: term({}), reg: { word: 'rebels' }, no: false },
    { name: 'the word as written', term: term({}), reg: { word: 'Rebels' }, no: false },
    { name: "a contraction's machine form", term: term({ text: "We've", normal: "we've", machine: 'we' }), reg: { word: 'we' }, no: false },
    { name: 'a slash alias', term: term({ alias: ['rebels', 'militants'] }), reg: { word: 'militants' }, no: false },
    { name: 'a word on another field', term: term({}), reg: { word: 'Rebels', use: 'text' }, no: false },
    { name: 'a word not on that field', term: term({}), reg: { word: 'rebels', use: 'text' }, no: true },
    { name: 'a fuzzy word: not decided here', term: term({}), reg: { word: 'army', fuzzy: true }, no: false },
    { name: 'a tag it lacks', term: term({}), reg: { tag: 'Verb' }, no: true },
    { name: 'a tag it has', term: term({}), reg: { tag: 'Plural' }, no: false },
    { name: 'a set without its word', term: term({}), reg: { fastOr: new Set(['army', 'police']) }, no: true },
    { name: 'a set with its root', term: term({ root: 'rebel' }), reg: { fastOr: new Set(['rebel']) }, no: false },
    { name: 'a set with a part of speech it lacks', term: term({ root: 'rebel' }), reg: { fastOr: new Set(['rebel']), pos: 'Verb' }, no: true },
    { name: 'a set beside a regular expression: not decided here', term: term({}), reg: { fastOr: new Set(['army']), regex: /^reb/ }, no: false },
    { name: '^ away from the start', term: term({}), reg: { tag: 'Noun', start: true }, index: 2, no: true },
    { name: '$ away from the end', term: term({}), reg: { tag: 'Noun', end: true }, index: 2, length: 5, no: true },
    { name: '$ at the end', term: term({}), reg: { tag: 'Noun', end: true }, index: 4, length: 5, no: false },
    { name: 'a negative step: not decided here', term: term({}), reg: { word: 'rebels', negative: true }, no: false },
    { name: 'any term', term: term({}), reg: { anything: true }, no: false },
    { name: 'a term method not given: not decided here', term: term({}), reg: { method: 'hasComma' }, no: false },
    { name: 'a term method it fails', term: term({ post: ' ' }), reg: { method: 'hasComma' }, methods: compromiseMethods, no: true },
    { name: 'a term method it passes', term: term({ post: ', ' }), reg: { method: 'hasComma' }, methods: compromiseMethods, no: false },
    { name: 'another part-of-speech switch', term: term({ switch: 'Adj|Noun' }), reg: { switch: 'Noun|Verb' }, no: true },
    { name: 'the part-of-speech switch', term: term({ switch: 'Noun|Verb' }), reg: { switch: 'Noun|Verb' }, no: false },
    { name: 'a switch, on a term with none', term: term({}), reg: { switch: 'Noun|Verb' }, no: true },
    { name: 'a switch beside a term method: not decided here', term: term({}), reg: { switch: 'Noun|Verb', method: 'hasComma' }, no: false },
    { name: 'another chunk', term: term({ chunk: 'Verb' }), reg: { chunk: 'Noun' }, no: true },
    { name: 'the chunk', term: term({ chunk: 'Noun' }), reg: { chunk: 'Noun' }, no: false },
    { name: 'a machine form as its root', term: term({ root: 'rebel' }), reg: { machine: 'rebel' }, no: false },
    { name: 'a machine form it lacks', term: term({ root: 'rebel' }), reg: { machine: 'army' }, no: true },
    { name: 'another sense', term: term({ sense: 'a' }), reg: { sense: 'b' }, no: true },
  ];
  it.each(tests)('term test: $name', ({ term: t, reg, index, length, methods, no }) => {
    expect(cannotMatchTerm(t, reg, index ?? 0, length ?? 5, methods)).toBe(no);
  });

  // sitrep's own patterns (organisation names) and a spread of compromise's syntax, over real text.
  const corpusTexts = readdirSync('corpus')
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(`corpus/${f}`, 'utf8'));
  const patterns = [
    ...(groupPatterns as { patterns: { match: string }[] }).patterns.map((p) => p.match),
    '#Noun+ (attacked|killed|seized)',
    'the #Adjective? #Noun of #ProperNoun+',
    '#Value #Plural',
    '(in|on|at) #Month #Value?',
    '[<actor>#ProperNoun+] #Adverb? #PastTense',
  ];
  it('finds what compromise finds, for sitrep\'s patterns and more, on every corpus text and 10 Brown documents', () => {
    const texts = [...corpusTexts, ...brownDocs(10).map((d) => d.text)];
    let matches = 0;
    for (const t of texts) {
      const ours = nlp(t);
      const theirs = stock(t);
      for (const p of patterns) {
        const a = found(ours.match(p));
        expect(a, p).toEqual(found(theirs.match(p)));
        matches += a.texts.length;
      }
    }
    expect(matches).toBeGreaterThan(500);
  });
});
