import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidDoc, DOC_SCHEMA, validateDoc } from '../../src/schema/validate.js';
import { SCHEMA_VERSION, type AnnotatedDoc } from '../../src/doc.js';
import { annotateCorpusFile, ROOT, SAMPLE } from '../support/annotate.js';
import { SitrepInputError } from '../../src/errors.js';

const sample = annotateCorpusFile(SAMPLE);
const withEvent = (d: AnnotatedDoc): number => d.events.findIndex((e) => e.roles.some((r) => r.mention));

/** [what is wrong, how to break a copy of the sample, the path and message expected]. */
const broken: [string, (d: AnnotatedDoc & Record<string, unknown>) => void, string, RegExp][] = [
  ['an unknown top-level property', (d) => (d.extra = 1), '/', /additional properties \(`extra`\)/],
  ['an unknown mention property', (d) => ((d.mentions[0] as unknown as Record<string, unknown>).colour = 'red'), '/mentions/0', /additional properties \(`colour`\)/],
  ['a mention type outside the list', (d) => ((d.mentions[0] as { type: string }).type = 'organisation'), '/mentions/0/type', /must be equal to one of the allowed values/],
  ['a negative offset', (d) => (d.mentions[0].start = -1), '/mentions/0/start', /must be >= 0/],
  ['a fractional offset', (d) => (d.mentions[0].end = 3.5), '/mentions/0/end', /must be integer/],
  ['a confidence above 1', (d) => (d.mentions[0].confidence = 1.2), '/mentions/0/confidence', /must be <= 1/],
  ['a missing source', (d) => delete (d.mentions[0] as Partial<AnnotatedDoc['mentions'][0]>).source, '/mentions/0', /required property 'source'/],
  ['a document date that is not a date', (d) => (d.doc.date.value = '9 August 2025'), '/doc/date/value', /must match format "date"|must match exactly one schema/],
  ['an impossible calendar date', (d) => (d.doc.date.value = '2025-02-30'), '/doc/date/value', /must match format "date"|must match exactly one schema/],
  ['a bad Wikidata id', (d) => (d.entities[0].ids.wikidata = 'Q-1'), '/entities/0/ids/wikidata', /must match pattern/],
  ['a source map piece of three numbers', (d) => (d.sourceMap[0] = [0, 1, 2] as unknown as AnnotatedDoc['sourceMap'][0]), '/sourceMap/0', /must NOT have fewer than 4 items/],
  ['an unknown factuality', (d) => ((d.events[0] as { factuality: string }).factuality = 'rumoured'), '/events/0/factuality', /allowed values/],
  ['a schemaVersion of another major version', (d) => (d.schemaVersion = '2.0.0'), '/schemaVersion', /must match pattern/],
  // Invariants the schema language cannot state:
  ['a span whose text is not its slice', (d) => (d.mentions[0].end += 1), '/mentions/0', /is not text\.slice/],
  ['a span past the end of the text', (d) => ((d.mentions[0].end = d.text.length + 5), (d.mentions[0].start = d.text.length + 1)), '/mentions/0', /outside the text/],
  ['a duplicate mention id', (d) => (d.mentions[1].id = d.mentions[0].id), '/mentions/1/id', /duplicate id/],
  ['an entity listing a mention that does not exist', (d) => d.entities[0].mentions.push('group-0-0'), '/entities/0/mentions/' , /no mention "group-0-0"/],
  ['a role pointing at a mention that does not exist', (d) => (d.events[withEvent(d)].roles.find((r) => r.mention)!.mention = 'nope'), '/events/', /no mention "nope"/],
  ['a mention of a sentence that does not exist', (d) => (d.mentions[0].sentence = d.sentences.length), '/mentions/0/sentence', /no sentence/],
];

describe('the schema', () => {
  it('is draft 2020-12, names the version it was written for, and says how offsets count', () => {
    expect(DOC_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(DOC_SCHEMA.$id).toBe(`urn:sitrep:schema:doc:${SCHEMA_VERSION}`);
    expect(DOC_SCHEMA.description).toMatch(/UTF-16 code units/);
    expect(DOC_SCHEMA.description).toMatch(/half-open interval \[start, end\)/);
    expect(new RegExp(DOC_SCHEMA.properties.schemaVersion.pattern).test(SCHEMA_VERSION)).toBe(true);
  });

  it('ships in the package (dist/schema/sitrep-doc.schema.json, as built by tsc)', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'dist', 'schema', 'sitrep-doc.schema.json'), 'utf8'))).toEqual(DOC_SCHEMA);
  });

  it('accepts the sample report', () => {
    expect(validateDoc(sample)).toEqual({ valid: true, errors: [] });
  });

  it('keeps its extension points open: doc.meta and entity ids take any key', () => {
    const d = structuredClone(sample);
    d.doc.meta = { author: 'Crisis Group', 'og:site_name': 'x' };
    d.entities[0].ids.acled = '1234';
    expect(validateDoc(d).errors).toEqual([]);
  });

  it.each(broken)('rejects %s', (_what, breakIt, path, message) => {
    const d = structuredClone(sample) as AnnotatedDoc & Record<string, unknown>;
    breakIt(d);
    const { valid, errors } = validateDoc(d);
    expect(valid).toBe(false);
    expect(errors.some((e) => e.path.startsWith(path) && message.test(e.message)), JSON.stringify(errors)).toBe(true);
  });

  it('assertValidDoc names the file and the place', () => {
    const d = structuredClone(sample);
    d.mentions[2].end += 1;
    expect(() => assertValidDoc(d, 'output/x.json')).toThrow(SitrepInputError);
    expect(() => assertValidDoc(d, 'output/x.json')).toThrow(/^output\/x\.json: does not match the sitrep document schema: \/mentions\/2: /);
    expect(() => assertValidDoc('not a document', 'output/y.json')).toThrow(/output\/y\.json: .*must be object/);
  });
});
