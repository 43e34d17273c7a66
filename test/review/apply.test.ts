import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDecisions } from '../../src/review/apply.js';
import { mentionKey, quoteAt } from '../../src/review/quote.js';
import { validateDoc } from '../../src/schema/validate.js';
import { ingestDocument } from '../../src/ingest/index.js';
import { annotateIngested } from '../../src/pipeline.js';
import { annotateCorpusFile, CORPUS, SAMPLE } from '../support/annotate.js';
import type { AnnotatedDoc, Mention, MentionType } from '../../src/doc.js';
import type { Decision, StoredDecision, Target } from '../../src/review/types.js';

const base = annotateCorpusFile(SAMPLE);
const fresh = (): AnnotatedDoc => structuredClone(base);

/** The n-th mention of a type with this text. */
function mention(doc: AnnotatedDoc, type: MentionType, text: string, n = 0): Mention {
  const m = doc.mentions.filter((x) => x.type === type && x.text === text)[n];
  if (!m) throw new Error(`no ${type} mention "${text}" #${n}`);
  return m;
}
function target(doc: AnnotatedDoc, m: Mention): Target {
  return { id: m.id, type: m.type, ...quoteAt(doc.text, m.start, m.end), key: mentionKey(doc.text, m.type, m.start, m.end) };
}
/** The n-th occurrence of `exact` in the text, as a quote. */
function span(doc: AnnotatedDoc, exact: string, n = 0) {
  let at = -1;
  for (let i = 0; i <= n; i++) at = doc.text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`no "${exact}"`);
  return quoteAt(doc.text, at, at + exact.length);
}
let clock = 0;
function stored(d: Omit<Decision, 'id' | 'at' | 'by'> & { id?: string }): StoredDecision {
  clock++;
  return { decision: { id: `d${clock}`, at: `2025-09-01T10:00:${String(clock).padStart(2, '0')}Z`, by: 'Ann', ...d } as Decision, file: 'reviews/sample.review.json', order: clock };
}

const taliban = mention(base, 'group', 'Taliban');
const moscow = mention(base, 'place', 'Moscow');
const shooting = mention(base, 'event', 'mass shooting');
const islamicState = mention(base, 'group', 'Islamic State');

/** The decisions a reviewer makes on the sample: one of each kind. */
const decisions = [
  stored({ action: 'reject', target: target(base, taliban) }),
  stored({ action: 'reject', target: target(base, shooting) }),
  stored({ action: 'accept', target: target(base, mention(base, 'group', 'IS-KP')) }),
  stored({ action: 'edit', target: target(base, moscow), type: 'country', span: quoteAt(base.text, moscow.start, moscow.end) }),
  stored({ action: 'edit', target: target(base, islamicState), type: 'group', span: quoteAt(base.text, islamicState.start - 4, islamicState.end) }),
  stored({ action: 'add', type: 'place', span: span(base, 'Khorasan Province') }),
  stored({ action: 'add', type: 'date', span: span(base, '2025') }),
];

function reviewed(doc: AnnotatedDoc): string[] {
  return doc.mentions.filter((m) => (m.status ?? 'auto') !== 'auto').map((m) => `${m.status}:${m.type}:${m.text}`);
}

describe('applying review decisions to an annotated document', () => {
  const doc = fresh();
  const result = applyDecisions(doc, decisions);

  it('applies every decision and says so', () => {
    expect(result.counts).toEqual({ applied: 7, already: 0, obsolete: 0, unplaced: 0 });
    expect(reviewed(doc).sort()).toEqual(
      ['rejected:group:Taliban', 'rejected:event:mass shooting', 'accepted:group:IS-KP', 'edited:country:Moscow', 'edited:group:The Islamic State', 'added:place:Khorasan Province', 'added:date:2025'].sort(),
    );
  });

  it('keeps a rejected mention, with who and when, out of its entity and out of the events', () => {
    const m = doc.mentions.find((x) => x.id === taliban.id)!;
    expect(m).toMatchObject({ status: 'rejected', review: { by: 'Ann', at: '2025-09-01T10:00:01Z', decision: 'd1' } });
    expect(m.entity).toBeUndefined();
    expect(doc.entities.find((e) => e.id === 'group:taliban')!.mentions).not.toContain(taliban.id);
    expect(doc.events.flatMap((e) => e.roles.map((r) => r.mention))).not.toContain(taliban.id);
    expect(doc.events.map((e) => e.mention)).not.toContain(shooting.id);
    expect(base.events.map((e) => e.mention)).toContain(shooting.id);
  });

  it('moves an edited mention: new type or span, new id, what it was, references updated', () => {
    const m = doc.mentions.find((x) => x.text === 'Moscow')!;
    expect(m).toMatchObject({ id: `country-${moscow.start}-${moscow.end}`, type: 'country', status: 'edited', review: { was: { type: 'place', start: moscow.start, end: moscow.end, text: 'Moscow' } } });
    expect(doc.mentions.some((x) => x.id === moscow.id)).toBe(false);
    const roles = doc.events.flatMap((e) => e.roles).filter((r) => r.text === 'Moscow');
    for (const r of roles) expect(r.mention).toBe(m.id);
    expect(doc.entities.find((e) => e.id === m.entity)!.mentions).toContain(m.id);
    const is = doc.mentions.find((x) => x.text === 'The Islamic State')!;
    expect(is).toMatchObject({ start: islamicState.start - 4, end: islamicState.end, status: 'edited', value: islamicState.value, entity: islamicState.entity });
    expect(doc.entities.find((e) => e.id === islamicState.entity)!.mentions).toContain(is.id);
  });

  it('gives a re-bounded or re-typed mention the reviewer as its source, and keeps what had proposed it in `was`', () => {
    const is = doc.mentions.find((x) => x.text === 'The Islamic State')!;
    expect(is).toMatchObject({ source: 'review:edit', confidence: 1, review: { was: { type: 'group', text: 'Islamic State', source: islamicState.source } } });
    const m = doc.mentions.find((x) => x.text === 'Moscow')!;
    expect(m).toMatchObject({ source: 'review:edit', review: { was: { type: 'place', source: moscow.source } } });
    expect(islamicState.source).not.toBe('review:edit');
  });

  it('gives an added mention a sentence, an entity and a value as the pipeline would', () => {
    const place = doc.mentions.find((x) => x.text === 'Khorasan Province' && x.type === 'place')!;
    expect(place).toMatchObject({ status: 'added', source: 'review:add', confidence: 1, review: { by: 'Ann' } });
    expect(place.sentence).toBe(base.mentions.find((x) => x.text === 'Islamic State-Khorasan Province')!.sentence);
    expect(doc.entities.find((e) => e.id === place.entity)!.mentions).toEqual([place.id]);
    const date = doc.mentions.find((x) => x.type === 'date' && x.status === 'added')!;
    expect(date).toMatchObject({ text: '2025', value: '2025', date: { granularity: 'year' } });
  });

  it('leaves a document that still validates against the schema, with offsets intact', () => {
    expect(validateDoc(doc).errors).toEqual([]);
    for (const m of doc.mentions) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    for (const ev of doc.events) for (const r of ev.roles) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    const ids = doc.mentions.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('changes nothing more when applied again (already shown)', () => {
    const before = JSON.stringify(doc);
    const again = applyDecisions(doc, decisions);
    expect(again.counts).toEqual({ applied: 0, already: 7, obsolete: 0, unplaced: 0 });
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('changes nothing when there are no decisions', () => {
    const d = fresh();
    applyDecisions(d, []);
    expect(d).toEqual(base);
  });
});

describe('decisions survive re-annotation of an edited text', () => {
  const source = readFileSync(join(CORPUS, SAMPLE), 'utf8');
  const lines = source.split('\n');
  const edited = [lines[0], '', "Editor's note: this briefing was updated on 1 September with new figures.", ...lines.slice(1)].join('\n');
  const doc = annotateIngested(ingestDocument(edited, `corpus/${SAMPLE}`, SAMPLE, 'txt'));
  const result = applyDecisions(doc, decisions);
  const shift = doc.text.indexOf('What’s new?') - base.text.indexOf('What’s new?');

  it('places each decision again, at its moved offsets', () => {
    expect(shift).toBeGreaterThan(0);
    expect(result.counts.unplaced).toBe(0);
    expect(reviewed(doc).sort()).toEqual(reviewed(applied()).sort());
    expect(doc.mentions.find((m) => m.status === 'rejected' && m.type === 'group')!.start).toBe(taliban.start + shift);
    expect(doc.mentions.find((m) => m.status === 'added' && m.type === 'place')!.start).toBe(span(base, 'Khorasan Province').start + shift);
  });

  function applied(): AnnotatedDoc {
    const d = fresh();
    applyDecisions(d, decisions);
    return d;
  }
});

describe('decisions that cannot be carried out are reported, not dropped', () => {
  it('a decision whose text is gone becomes a review:unplaced warning naming it', () => {
    const doc = fresh();
    const gone = stored({ action: 'reject', target: { id: 'group-1-9', type: 'group', start: 1, end: 9, exact: 'Al-Qaeda', prefix: 'ties to ', suffix: ' remain', key: 'group:Al-Qaeda#0' } });
    const r = applyDecisions(doc, [gone]);
    expect(r.counts.unplaced).toBe(1);
    expect(r.outcomes[0]).toMatchObject({ result: 'unplaced', action: 'reject', text: 'Al-Qaeda', file: 'reviews/sample.review.json' });
    const diag = doc.diagnostics.find((d) => d.ruleId === 'review:unplaced')!;
    expect(diag.severity).toBe('warning');
    expect(diag.message).toContain(gone.decision.id);
    expect(diag.message).toContain('"Al-Qaeda"');
    expect(diag.message).toContain('reviews/sample.review.json');
    expect(reviewed(doc)).toEqual([]);
  });

  it('a rejection of a mention the pipeline no longer proposes is obsolete (an info diagnostic)', () => {
    const doc = fresh();
    const t = { ...target(base, taliban), type: 'person' as const, id: `person-${taliban.start}-${taliban.end}` };
    const r = applyDecisions(doc, [stored({ action: 'reject', target: t })]);
    expect(r.counts.obsolete).toBe(1);
    expect(doc.diagnostics.find((d) => d.ruleId === 'review:obsolete')!.severity).toBe('info');
  });

  it('review diagnostics are made afresh on each application (no duplicates)', () => {
    const doc = fresh();
    const gone = stored({ action: 'add', type: 'group', span: { start: 0, end: 5, exact: 'Hamas', prefix: 'x', suffix: 'y' } });
    applyDecisions(doc, [gone]);
    applyDecisions(doc, [gone]);
    expect(doc.diagnostics.filter((d) => d.ruleId === 'review:unplaced')).toHaveLength(1);
  });
});

describe('a country a reviewer marks as a group joins the country, as the state-actor rules link it', () => {
  const country = base.mentions.find((m) => m.type === 'country' && m.entity === 'country:AF')!;
  it.each([
    ['re-typed from country', (doc: AnnotatedDoc) => stored({ action: 'edit', target: target(doc, country), type: 'group', span: quoteAt(doc.text, country.start, country.end) })],
    ['added over the country name', (doc: AnnotatedDoc) => stored({ action: 'add', type: 'group', span: quoteAt(doc.text, country.start, country.end) })],
  ] as const)('%s', (_, decision) => {
    const doc = fresh();
    applyDecisions(doc, [decision(doc)]);
    const g = doc.mentions.find((m) => m.type === 'group' && m.start === country.start && m.end === country.end)!;
    expect(g).toMatchObject({ text: 'Afghanistan', value: 'AF', entity: 'country:AF' });
    expect(doc.entities.find((e) => e.id === 'country:AF')!.mentions).toContain(g.id);
    expect(doc.entities.some((e) => e.id === 'group:afghanistan')).toBe(false);
  });

  it('a group name that is no country gets an entity of its own', () => {
    const doc = fresh();
    applyDecisions(doc, [stored({ action: 'add', type: 'group', span: span(base, 'Khorasan Province') })]);
    const g = doc.mentions.find((m) => m.type === 'group' && m.text === 'Khorasan Province')!;
    expect(g.entity).toBe('group:khorasan-province');
    expect(g.value).toBeUndefined();
  });
});

describe('the latest decision about a mention wins', () => {
  it.each([
    ['reject, then accept', ['reject', 'accept'], 'accepted'],
    ['accept, then reject', ['accept', 'reject'], 'rejected'],
    ['reject, then reject again', ['reject', 'reject'], 'rejected'],
  ] as const)('%s', (_, actions, status) => {
    const doc = fresh();
    applyDecisions(
      doc,
      actions.map((action) => stored({ action, target: target(base, taliban) })),
    );
    const m = doc.mentions.find((x) => x.id === taliban.id)!;
    expect(m.status).toBe(status);
    expect(!!m.entity).toBe(status !== 'rejected');
  });

  it('an added mention rejected later stays in the output as rejected', () => {
    const doc = fresh();
    const add = stored({ action: 'add', type: 'place', span: span(base, 'Khorasan Province') });
    const m = () => doc.mentions.find((x) => x.text === 'Khorasan Province' && x.type === 'place')!;
    applyDecisions(doc, [add]);
    const reject = stored({ action: 'reject', target: target(doc, m()) });
    applyDecisions(doc, [add, reject]);
    expect(m().status).toBe('rejected');
  });
});

describe('an event mention a reviewer adds gets the frame the pipeline would give it', () => {
  // The pipeline's own frame for "takeover" (actor Taliban, place Afghanistan, time 2021), then a
  // document where the pipeline had missed that trigger: no mention, no frame.
  const takeover = mention(base, 'event', 'takeover');
  const own = base.events.find((e) => e.mention === takeover.id)!;
  const missed = (): AnnotatedDoc => {
    const doc = fresh();
    doc.mentions = doc.mentions.filter((m) => m.id !== takeover.id);
    doc.events = doc.events.filter((e) => e.mention !== takeover.id);
    return doc;
  };
  const roles = (e: { roles: { role: string; text: string }[] }) => e.roles.map((r) => `${r.role}:${r.text}`);

  it('adds the frame with the roles, type and codes of the pipeline’s own', () => {
    const doc = missed();
    applyDecisions(doc, [stored({ action: 'add', type: 'event', span: quoteAt(base.text, takeover.start, takeover.end) })]);
    const m = doc.mentions.find((x) => x.type === 'event' && x.start === takeover.start)!;
    expect(m).toMatchObject({ status: 'added', value: takeover.value, entity: takeover.entity });
    const ev = doc.events.find((e) => e.mention === m.id)!;
    expect(ev).toBeDefined();
    expect(ev.type).toBe(own.type);
    expect(ev.codes).toEqual(own.codes);
    expect(roles(ev)).toEqual(roles(own));
    for (const r of ev.roles) expect(doc.text.slice(r.start, r.end)).toBe(r.text);
    expect(validateDoc(doc).errors).toEqual([]);
    // The other events are left as they were.
    expect(doc.events.filter((e) => e !== ev)).toEqual(base.events.filter((e) => e.mention !== takeover.id));
  });

  it('gives no frame to an event whose words no trigger entry has, and changes nothing else', () => {
    const doc = missed();
    applyDecisions(doc, [stored({ action: 'add', type: 'event', span: span(base, 'Coordination') })]);
    expect(doc.mentions.some((x) => x.type === 'event' && x.text === 'Coordination' && x.status === 'added')).toBe(true);
    expect(doc.events).toEqual(missed().events);
  });

  it('does not frame a rejected event again', () => {
    const doc = fresh();
    applyDecisions(doc, [stored({ action: 'reject', target: target(base, takeover) })]);
    expect(doc.events.map((e) => e.mention)).not.toContain(takeover.id);
  });
});
