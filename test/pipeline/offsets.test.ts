import { describe, expect, it } from 'vitest';
import { annotateCorpusFile, corpusFiles } from '../support/annotate.js';

describe.each(corpusFiles())('offset invariant: %s', (name) => {
  const doc = annotateCorpusFile(name);
  it('has text', () => expect(doc.text.length).toBeGreaterThan(200));
  it('every mention, event trigger and role slices to its text', () => {
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    for (const e of doc.events) {
      expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
      for (const r of e.roles) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    }
  });
  it('no span starts or ends with white space or punctuation', () => {
    for (const m of doc.mentions) {
      expect(m.text).not.toMatch(/^[\s,.;:]|[\s,;:]$/);
    }
  });
  it('sentences are ordered and inside the text', () => {
    let at = 0;
    for (const s of doc.sentences) {
      expect(s.start).toBeGreaterThanOrEqual(at);
      expect(s.end).toBeLessThanOrEqual(doc.text.length);
      at = s.end;
    }
  });
  it('maps back into the source', () => {
    for (const [s, e, ss, se] of doc.sourceMap) {
      expect(e).toBeGreaterThanOrEqual(s);
      expect(se).toBeGreaterThanOrEqual(ss);
    }
  });
});
