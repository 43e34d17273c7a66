import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { offsetMap } from './code-points.js';
import { fileNameOf } from '../doc-id.js';
import { pruneFiles, writeIfChanged, type FileSink } from './file-sink.js';
import { MENTION_TYPES, type AnnotatedDoc, type Entity, type Mention } from '../doc.js';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html): `<id>.txt` is the canonical text, `<id>.ann`
 * holds
 * - T lines, one per mention (`T1<TAB>group 330 361<TAB>Islamic State-Khorasan Province`); an
 *   event's trigger is labelled with the event type; a span across a line break is split into
 *   fragments (`start end;start end`), as brat wants;
 * - E lines, one per event (`E1<TAB>attack:T7 Actor:T2 Place:T3 Time:T4`), a second role of the
 *   same kind numbered (`Actor2`); a role whose evidence is not its mention's span ("its" for
 *   IS-KP) gets a T line of its own for that evidence, linked (N) to the mention's entity;
 * - A lines with each event's factuality (`A1<TAB>Factuality E1 reported`);
 * - N lines linking mentions to their entity and its ids (`N1<TAB>Reference T2 sitrep-group:is-kp<TAB>…`,
 *   `Wikidata:Q…`, `ISO3166-1-alpha-2:AF`) and dates to their TIMEX3 value;
 * - `#` AnnotatorNotes on the mentions a reviewer decided (`#1<TAB>AnnotatorNotes T2<TAB>sitrep review: accepted by ana …`).
 * Mentions a reviewer rejected are left out. A span is written once: a role whose evidence is the
 * span of an annotation already written (another event's, a mention's) refers to that T line.
 * brat counts offsets in code points (sitrep in UTF-16 code units); they differ only after
 * characters outside the BMP, and are converted. `annotation.conf` declares the types used.
 */

const ROLE_LABEL: Record<string, string> = { actor: 'Actor', target: 'Target', place: 'Place', time: 'Time', instrument: 'Instrument' };
const SCHEME_DB: Record<string, string> = { wikidata: 'Wikidata', iso2: 'ISO3166-1-alpha-2', iso3: 'ISO3166-1-alpha-3', isoNumeric: 'ISO3166-1-numeric', ucdp: 'UCDP' };
/** A role that points at no mention gets a text-bound annotation of this type. */
export const ROLE_SPAN_LABEL = 'Argument';
export const FACTUALITY_VALUES = ['asserted', 'reported', 'claimed', 'hypothetical', 'negated', 'generic'];

/** brat type names are letters, digits, `-` and `_`. */
export function bratType(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]+/g, '_');
}

/** A sitrep entity id as a brat reference `db:id` (brat splits at the first colon: `group:is-kp` → `sitrep-group:is-kp`). */
export function entityReference(id: string): string {
  const i = id.indexOf(':');
  return i > 0 ? `sitrep-${bratType(id.slice(0, i))}:${id.slice(i + 1)}` : `sitrep:${id}`;
}

const clean = (s: string): string => s.replace(/[\t\n\r]/g, ' ');

/** Fragments of [start, end) that do not cross a line break (in UTF-16 offsets). */
function fragments(text: string, start: number, end: number): [number, number][] {
  const out: [number, number][] = [];
  let s = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > s) out.push([s, i]);
      s = i + 1;
    }
  }
  if (end > s || out.length === 0) out.push([s, Math.max(s, end)]);
  return out;
}

/** A reviewer's decision on a mention, as an AnnotatorNotes text; none for an undecided (`auto`) one. */
export function reviewNote(m: Mention): string | undefined {
  if (!m.status || m.status === 'auto') return undefined;
  const r = m.review;
  const was = r?.was ? ` (was ${r.was.type} ${JSON.stringify(r.was.text)})` : '';
  return `sitrep review: ${m.status}${r?.by ? ` by ${r.by}` : ''}${r?.at ? ` at ${r.at}` : ''}${was}${r?.note ? `: ${r.note}` : ''}`;
}

export interface BratDocument {
  txt: string;
  ann: string;
  /** Types used, for annotation.conf. */
  entityTypes: Set<string>;
  eventTypes: Set<string>;
}

/** One document in brat standoff. */
export function toBrat(doc: AnnotatedDoc): BratDocument {
  const text = doc.text;
  const map = offsetMap(text);
  const lines: string[] = [];
  const entityTypes = new Set<string>();
  const eventTypes = new Set<string>();
  let t = 0;
  let n = 0;
  let notes = 0;
  // T ids by span and label, and by span alone (the first entity, not trigger, written there).
  const bySpanLabel = new Map<string, string>();
  const bySpan = new Map<string, string>();
  const textBound = (label: string, start: number, end: number, entity: boolean): string => {
    const key = `${start} ${end}`;
    const known = bySpanLabel.get(`${key} ${label}`);
    if (known) return known;
    const id = `T${++t}`;
    const frs = fragments(text, start, end);
    const where = frs.map(([s, e]) => `${map.toCodePoint(s)} ${map.toCodePoint(e)}`).join(';');
    lines.push(`${id}\t${label} ${where}\t${frs.map(([s, e]) => clean(text.slice(s, e))).join(' ')}`);
    bySpanLabel.set(`${key} ${label}`, id);
    if (entity && !bySpan.has(key)) bySpan.set(key, id);
    return id;
  };
  // The sitrep entity each T line is linked to (one Reference per T line and entity).
  const linkedTo = new Map<string, string>();
  const linkEntity = (tId: string, e: Entity): boolean => {
    if (linkedTo.has(tId)) return false;
    linkedTo.set(tId, e.id);
    lines.push(`N${++n}\tReference ${tId} ${entityReference(e.id)}\t${clean(e.name)}`);
    return true;
  };
  const entities = new Map<string, Entity>(doc.entities.map((e) => [e.id, e]));
  const kept = doc.mentions.filter((m) => m.status !== 'rejected');
  const mentions = new Map<string, Mention>(kept.map((m) => [m.id, m]));
  const rejected = new Set(doc.mentions.filter((m) => m.status === 'rejected').map((m) => m.id));
  const events = doc.events.filter((ev) => ev.mention === undefined || !rejected.has(ev.mention));
  // The event type each trigger mention takes as its label (the first event's, if several).
  const triggerType = new Map<string, string>();
  for (const ev of events) if (ev.mention && !triggerType.has(ev.mention)) triggerType.set(ev.mention, bratType(ev.type));

  const tOf = new Map<string, string>();
  for (const m of kept) {
    const label = triggerType.get(m.id) ?? bratType(m.type);
    if (triggerType.has(m.id)) eventTypes.add(label);
    else entityTypes.add(label);
    const id = textBound(label, m.start, m.end, !triggerType.has(m.id));
    tOf.set(m.id, id);
    const e = m.entity !== undefined ? entities.get(m.entity) : undefined;
    if (e && linkEntity(id, e)) {
      for (const [scheme, value] of Object.entries(e.ids).sort(([a], [b]) => (a < b ? -1 : 1))) {
        if (typeof value === 'string') lines.push(`N${++n}\tReference ${id} ${SCHEME_DB[scheme] ?? bratType(scheme)}:${value}\t${clean(e.name)}`);
      }
    }
    if (m.type === 'date' && m.date) lines.push(`N${++n}\tReference ${id} TIMEX3:${m.date.value}\t${clean(m.date.value)}`);
    const note = reviewNote(m);
    if (note) lines.push(`#${++notes}\tAnnotatorNotes ${id}\t${clean(note)}`);
  }

  let eNo = 0;
  let aNo = 0;
  for (const ev of events) {
    const type = bratType(ev.type);
    eventTypes.add(type);
    const m = ev.mention !== undefined ? mentions.get(ev.mention) : undefined;
    // A trigger labelled with another event's type (or an event without a trigger mention) gets its own T line.
    const trigger = m && triggerType.get(m.id) === type ? tOf.get(m.id)! : textBound(type, ev.trigger.start, ev.trigger.end, false);
    const seen = new Map<string, number>();
    const args = ev.roles.map((r) => {
      const base = ROLE_LABEL[r.role] ?? bratType(r.role);
      const k = (seen.get(base) ?? 0) + 1;
      seen.set(base, k);
      const rm = r.mention !== undefined ? mentions.get(r.mention) : undefined;
      let ref = rm && rm.start === r.start && rm.end === r.end ? tOf.get(rm.id) : undefined;
      if (!ref) {
        // The role's evidence is another span than its mention's (a pronoun, a longer phrase), or it
        // has no mention: the T line already at that span, else one of its own labelled as the
        // mention it refers to; either is linked to that mention's entity unless already linked.
        ref = bySpan.get(`${r.start} ${r.end}`);
        if (!ref) {
          const label = rm ? bratType(rm.type) : ROLE_SPAN_LABEL;
          entityTypes.add(label);
          ref = textBound(label, r.start, r.end, true);
        }
        const e = rm?.entity !== undefined ? entities.get(rm.entity) : undefined;
        if (e) linkEntity(ref, e);
      }
      return `${base}${k > 1 ? k : ''}:${ref}`;
    });
    const eId = `E${++eNo}`;
    lines.push(`${eId}\t${type}:${trigger}${args.length ? ` ${args.join(' ')}` : ''}`);
    lines.push(`A${++aNo}\tFactuality ${eId} ${ev.factuality}`);
  }
  // brat wants T lines before the lines that refer to them; keep the file in id order by kind.
  const order = (l: string): number => 'TEAN#'.indexOf(l[0]);
  const sorted = lines.map((l, i) => [l, i] as const).sort((a, b) => order(a[0]) - order(b[0]) || a[1] - b[1]).map(([l]) => l);
  return { txt: text, ann: sorted.length ? `${sorted.join('\n')}\n` : '', entityTypes, eventTypes };
}

/** brat's annotation.conf for the types an export used. */
export function bratConfig(entityTypes: Iterable<string>, eventTypes: Iterable<string>): string {
  const ents = [...new Set([...MENTION_TYPES.map(bratType), ...entityTypes])].sort();
  const evs = [...new Set(eventTypes)].sort();
  const args = Object.values(ROLE_LABEL).map((r) => `${r}*:<ENTITY>`).join(', ');
  return [
    '# brat configuration written by `sitrep export --to brat:DIR`.',
    '[entities]',
    ...ents,
    '',
    '[relations]',
    '<OVERLAP> Arg1:<ANY>, Arg2:<ANY>, <OVL-TYPE>:<ANY>',
    '',
    '[events]',
    ...evs.map((e) => `${e}\t${args}`),
    '',
    '[attributes]',
    `Factuality\tArg:<EVENT>, Value:${FACTUALITY_VALUES.join('|')}`,
    '',
  ].join('\n');
}

/** `brat:DIR`: `<id>.txt` + `<id>.ann` per document and one `annotation.conf`. */
export class BratSink implements FileSink {
  readonly description: string;
  private readonly entityTypes = new Set<string>();
  private readonly eventTypes = new Set<string>();

  constructor(private readonly dir: string) {
    this.description = `brat:${dir}`;
  }

  /** Files are named as the document's output files are (`name`, else `fileNameOf(doc.id)`). */
  async add(doc: AnnotatedDoc, name = fileNameOf(doc.doc.id)): Promise<'written' | 'unchanged'> {
    await mkdir(this.dir, { recursive: true });
    const b = toBrat(doc);
    b.entityTypes.forEach((x) => this.entityTypes.add(x));
    b.eventTypes.forEach((x) => this.eventTypes.add(x));
    const a = await writeIfChanged(join(this.dir, `${name}.txt`), b.txt);
    const c = await writeIfChanged(join(this.dir, `${name}.ann`), b.ann);
    return a === 'unchanged' && c === 'unchanged' ? 'unchanged' : 'written';
  }

  async finish(o: { ok: boolean; keep: ReadonlySet<string>; prune: boolean }): Promise<{ pruned: number }> {
    await mkdir(this.dir, { recursive: true });
    await writeIfChanged(join(this.dir, 'annotation.conf'), bratConfig(this.entityTypes, this.eventTypes));
    return { pruned: o.prune ? await pruneFiles(this.dir, ['.ann', '.txt'], o.keep) : 0 };
  }
}
