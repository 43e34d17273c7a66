import { createHash } from 'node:crypto';
import { MENTION_TYPES, type MentionType } from '../doc.js';
import { SitrepInputError, lineColumn } from '../errors.js';
import { DECISION_ACTIONS, REVIEW_FORMAT, REVIEW_VERSION, type Decision, type Quote, type ReviewFile, type Target } from './types.js';

/** Document ids as sitrep makes them; anything else could not name a file in the store safely. */
/** Any id a document may have (its user's, byte for byte): the store names files by `fileNameOf(id)`, so no id can name another path. */
const DOC_ID = /^[^\u0000]{1,2000}$/u;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

type Obj = Record<string, unknown>;

/** Reads one review file's JSON, naming the field that is wrong. */
class Reader {
  constructor(readonly path: string) {}

  fail(where: string, message: string): never {
    throw new SitrepInputError(`${where}: ${message}`, this.path, 'review:invalid');
  }

  obj(v: unknown, where: string): Obj {
    if (!v || typeof v !== 'object' || Array.isArray(v)) this.fail(where, `expected an object, got ${show(v)}`);
    return v as Obj;
  }

  str(o: Obj, key: string, where: string, opts: { optional?: boolean; max?: number } = {}): string | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'string') this.fail(`${where}.${key}`, `expected a string, got ${show(v)}`);
    if (opts.max !== undefined && v.length > opts.max) this.fail(`${where}.${key}`, `longer than ${opts.max} characters`);
    return v;
  }

  int(o: Obj, key: string, where: string): number {
    const v = o[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) this.fail(`${where}.${key}`, `expected a whole number from 0 up, got ${show(v)}`);
    return v;
  }

  type(o: Obj, key: string, where: string): MentionType {
    const v = o[key];
    if (typeof v !== 'string' || !(MENTION_TYPES as readonly string[]).includes(v)) this.fail(`${where}.${key}`, `expected one of ${MENTION_TYPES.join(', ')}, got ${show(v)}`);
    return v as MentionType;
  }

  quote(v: unknown, where: string): Quote {
    const o = this.obj(v, where);
    const start = this.int(o, 'start', where);
    const end = this.int(o, 'end', where);
    if (end <= start) this.fail(`${where}.end`, `expected an end after start (${start}), got ${end}`);
    const exact = this.str(o, 'exact', where)!;
    if (exact.length !== end - start) this.fail(`${where}.exact`, `has ${exact.length} characters but [start, end) spans ${end - start}`);
    return { start, end, exact, prefix: this.str(o, 'prefix', where, { optional: true }) ?? '', suffix: this.str(o, 'suffix', where, { optional: true }) ?? '' };
  }

  target(v: unknown, where: string): Target {
    const q = this.quote(v, where);
    const o = v as Obj;
    const type = this.type(o, 'type', where);
    return { id: this.str(o, 'id', where, { optional: true, max: 200 }) ?? `${type}-${q.start}-${q.end}`, type, ...q, key: this.str(o, 'key', where, { optional: true, max: 1000 }) ?? '' };
  }
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** The id of a decision that came without one: a hash of what it decides. */
type DecisionBody = Decision extends infer D ? (D extends Decision ? Omit<D, 'id'> : never) : never;

export function decisionHash(d: DecisionBody): string {
  return `h-${createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 16)}`;
}

function decision(r: Reader, v: unknown, i: number, fallbackAt: string | undefined, fallbackBy: string | undefined): Decision {
  const where = `decisions[${i}]`;
  const o = r.obj(v, where);
  const action = o.action;
  if (typeof action !== 'string' || !(DECISION_ACTIONS as readonly string[]).includes(action)) r.fail(`${where}.action`, `expected one of ${DECISION_ACTIONS.join(', ')}, got ${show(action)}`);
  const at = r.str(o, 'at', where, { optional: true }) ?? fallbackAt;
  if (at === undefined) r.fail(`${where}.at`, 'expected the time of the decision (ISO 8601), got nothing (and the file has no exportedAt)');
  if (!ISO_TIME.test(at) || Number.isNaN(Date.parse(at))) r.fail(`${where}.at`, `expected an ISO 8601 time such as 2025-08-09T10:00:00Z, got ${show(at)}`);
  const by = r.str(o, 'by', where, { optional: true, max: 200 }) ?? fallbackBy;
  const note = r.str(o, 'note', where, { optional: true, max: 2000 });
  const base = { at, ...(by !== undefined ? { by } : {}), ...(note !== undefined ? { note } : {}) };
  let d: DecisionBody;
  switch (action) {
    case 'accept':
    case 'reject':
      d = { action, target: r.target(o.target, `${where}.target`), ...base };
      break;
    case 'edit': {
      const target = r.target(o.target, `${where}.target`);
      const type = o.type === undefined ? target.type : r.type(o, 'type', where);
      const span = o.span === undefined ? { start: target.start, end: target.end, exact: target.exact, prefix: target.prefix, suffix: target.suffix } : r.quote(o.span, `${where}.span`);
      d = { action, target, type, span, ...base };
      break;
    }
    default: {
      const value = r.str(o, 'value', where, { optional: true, max: 200 });
      d = { action: 'add', type: r.type(o, 'type', where), span: r.quote(o.span, `${where}.span`), ...(value !== undefined ? { value } : {}), ...base };
    }
  }
  const id = r.str(o, 'id', where, { optional: true, max: 200 }) ?? decisionHash(d);
  return { id, ...d } as Decision;
}

/**
 * Parse and check a review file (`<doc-id>.review.json`). Errors name the file and the field
 * (`decisions[3].target.start: expected a whole number…`) or, for broken JSON, the line and column.
 * Unknown fields are dropped; missing ids, keys and contexts are filled in.
 */
export function parseReviewFile(raw: string, path: string): ReviewFile {
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    throw new SitrepInputError(`not valid JSON (${msg})`, path, 'review:syntax', pos ? lineColumn(raw, Number(pos[1])) : undefined);
  }
  const r: Reader = new Reader(path);
  const o = r.obj(json, 'review file');
  if (o.format !== REVIEW_FORMAT) r.fail('format', `expected "${REVIEW_FORMAT}" (not a sitrep review file), got ${show(o.format)}`);
  if (o.version !== REVIEW_VERSION) r.fail('version', `expected ${REVIEW_VERSION}, got ${show(o.version)}`);
  const docId = r.str(o, 'docId', 'review file')!;
  if (!DOC_ID.test(docId)) r.fail('docId', `expected a sitrep document id (a non-empty string of at most 2000 characters, no NUL), got ${show(docId)}`);
  const docSha256 = r.str(o, 'docSha256', 'review file', { optional: true, max: 128 });
  const reviewer = r.str(o, 'reviewer', 'review file', { optional: true, max: 200 });
  const exportedAt = r.str(o, 'exportedAt', 'review file', { optional: true, max: 64 });
  if (!Array.isArray(o.decisions)) r.fail('decisions', `expected a list, got ${show(o.decisions)}`);
  const decisions = o.decisions.map((d, i) => decision(r, d, i, exportedAt, reviewer));
  return {
    format: REVIEW_FORMAT,
    version: REVIEW_VERSION,
    docId,
    ...(docSha256 !== undefined ? { docSha256 } : {}),
    ...(reviewer !== undefined ? { reviewer } : {}),
    ...(exportedAt !== undefined ? { exportedAt } : {}),
    decisions,
  };
}
