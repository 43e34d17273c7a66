import { describe, expect, it } from 'vitest';
import { PhraseMatcher, phraseTokens } from '../../src/recognize/phrase-matcher.js';
import { wordTokens } from '../../src/recognize/tokens.js';
import { PipelineContext } from '../../src/context.js';
import { segmentSentences } from '../../src/segment/sentences.js';
import { loadLexicon } from '../../src/lexicon/index.js';
import { collectGarbage } from '../../src/batch/main-gc.js';

const base = { source: 'lex:test', type: 'group' as const, key: 'group:x', confidence: 0.9, priority: 4 };

function matcher(): PhraseMatcher {
  const m = new PhraseMatcher();
  m.add('Islamic State', { ...base, key: 'group:is', caseSensitive: false, ambiguous: false });
  m.add('Islamic State Khorasan Province', { ...base, key: 'group:is-kp', caseSensitive: false, ambiguous: false });
  m.add('IS', { ...base, key: 'group:is', caseSensitive: true, ambiguous: true });
  m.add('al-Shabaab', { ...base, key: 'group:al-shabaab', caseSensitive: false, ambiguous: false });
  m.add('city', { ...base, type: 'place', key: '', caseSensitive: false, ambiguous: false, anyCase: true });
  return m;
}

function run(text: string): string[] {
  return matcher()
    .match(text, wordTokens(text))
    .map((x) => `${text.slice(x.start, x.end)}=${x.entry.key}`);
}

describe('PhraseMatcher', () => {
  it.each([
    ['Islamic State-Khorasan Province struck.', ['Islamic State-Khorasan Province=group:is-kp']],
    ['The Islamic State struck.', ['Islamic State=group:is']],
    ['Al Shabaab and al-Shabaab', ['Al Shabaab=group:al-shabaab', 'al-Shabaab=group:al-shabaab']],
    ['Fighters loyal to IS fled.', ['IS=group:is']],
    ['This is it.', []],
    ['Is it over?', []],
    ['THE ARMY SAID IS IS NOT HERE AND THE REBELS WERE THERE.', []],
    ['islamic state', []],
    ['the city fell', ['city=']],
    ['Islamic State - and', ['Islamic State=group:is']],
    ['Islamic\nState', []],
    ['Islamic  State', []],
    ['Islamic State\nKhorasan Province', ['Islamic State=group:is']],
    ['Islamic State-\nKhorasan Province', ['Islamic State=group:is']],
  ])('%j → %j', (text, want) => {
    expect(run(text)).toEqual(want);
  });

  it('answers again for the same document from what it found there, and afresh for another document or after a new form', () => {
    const m = matcher();
    const text = 'The Islamic State struck.';
    const doc = documentOf(text);
    const first = m.matchDocument(doc);
    expect(first.map((x) => x.entry.key)).toEqual(['group:is']);
    expect(m.matchDocument(doc)).toBe(first);
    // Another document with the same text is matched again; so is any text given to `match`.
    expect(m.matchDocument(documentOf(text))).not.toBe(first);
    expect(m.matchDocument(documentOf(text))).toEqual(first);
    expect(m.match(text, doc.tokens)).not.toBe(first);
    expect(m.match(text, doc.tokens)).toEqual(first);
    // Another matcher over the same document has its own answer.
    const other = new PhraseMatcher();
    other.add('State', { ...base, key: 'group:state', caseSensitive: false, ambiguous: false });
    expect(other.matchDocument(doc).map((x) => x.entry.key)).toEqual(['group:state']);
    expect(m.matchDocument(doc)).toBe(first);
    // A form added since: the next answer has it.
    m.add('The Islamic State', { ...base, key: 'group:the-is', caseSensitive: false, ambiguous: false });
    expect(m.matchDocument(doc).map((x) => x.entry.key)).toEqual(['group:the-is', 'group:is']);
  });

  it.each([
    { form: 'al-Shabaab', tokens: ['al', 'Shabaab'] },
    { form: 'Islamic State–Khorasan', tokens: ['Islamic', 'State', '–', 'Khorasan'] },
    { form: 'U.S. Army', tokens: ['U.S.', 'Army'] },
    { form: "Taliban's", tokens: ['Taliban', "'", 's'] },
    { form: ' - ‐ ', tokens: [] },
    { form: '', tokens: [] },
  ])('phraseTokens($form) → $tokens (joiners dropped)', ({ form, tokens }) => {
    expect(phraseTokens(form)).toEqual(tokens);
  });

  it.each([
    { why: 'the same entity and type twice', forms: [['Taliban', 'group:t', false], ['taliban', 'group:t', false]], size: 1 },
    { why: 'two entities', forms: [['Taliban', 'group:t', false], ['Taliban', 'group:u', false]], size: 2 },
    { why: 'the same case-sensitive form twice', forms: [['IS', 'group:is', true], ['IS', 'group:is', true]], size: 1 },
    { why: 'case-sensitive forms that differ in case', forms: [['IS', 'group:is', true], ['Is', 'group:is', true]], size: 2 },
    { why: 'a case-sensitive and a plain form', forms: [['IS', 'group:is', true], ['is', 'group:is', false]], size: 2 },
    { why: 'a form with no word', forms: [['-', 'group:t', false]], size: 0 },
  ] as const)('keeps one entry per form unless they differ: $why → $size', ({ forms, size }) => {
    const m = new PhraseMatcher();
    for (const [form, key, caseSensitive] of forms) m.add(form, { ...base, key, caseSensitive, ambiguous: false });
    expect(m.size).toBe(size);
  });

  // A worker matches thousands of documents with one matcher: what it found in one must not outlive
  // that document (or every scavenge after the document is done copies it again).
  it.each([
    { kept: 'the document', keep: true },
    { kept: 'nothing', keep: false },
  ])('what it found in a document lasts as long as the caller keeps $kept', async ({ keep }) => {
    const m = matcher();
    const { doc, found } = matchOnce(m, 'The Islamic State struck.', keep);
    await new Promise((r) => setImmediate(r)); // a WeakRef holds its target until the current job ends
    collectGarbage();
    expect(found.deref() !== undefined).toBe(keep);
    if (doc) expect(m.matchDocument(doc)).toBe(found.deref());
  });
});

/** A document of the pipeline, as the recognizers give it to the matcher. */
function documentOf(text: string): PipelineContext {
  return new PipelineContext('doc', text, segmentSentences(text), null, loadLexicon());
}

/** Match a document once; the caller gets a weak reference to what was found, and the document if it keeps it. */
function matchOnce(m: PhraseMatcher, text: string, keep: boolean): { doc?: PipelineContext; found: WeakRef<object> } {
  const doc = documentOf(text);
  return { ...(keep ? { doc } : {}), found: new WeakRef(m.matchDocument(doc)) };
}

