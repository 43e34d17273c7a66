import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { ErrorObject, ValidateFunction } from 'ajv';
import schema from './sitrep-doc.schema.json' with { type: 'json' };
import { SitrepInputError } from '../errors.js';
import type { AnnotatedDoc, Span } from '../doc.js';

/** The JSON Schema (draft 2020-12) of `output/<doc-id>.json`. Also shipped as `dist/schema/sitrep-doc.schema.json`. */
export const DOC_SCHEMA = schema;

export interface DocValidationError {
  /** JSON Pointer into the document, e.g. `/mentions/3/end`. */
  path: string;
  message: string;
}

export interface DocValidation {
  valid: boolean;
  errors: DocValidationError[];
}

// ajv and ajv-formats are CommonJS modules: from ESM, their class and plugin are `.default` of module.exports.
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

let compiled: ValidateFunction | undefined;

function compile(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv, ['date']);
  const fn = ajv.compile(schema);
  compiled = fn;
  return fn;
}

function schemaError(e: ErrorObject): DocValidationError {
  const p = e.params as Record<string, unknown>;
  const extra = e.keyword === 'additionalProperties' ? ` (\`${String(p.additionalProperty)}\`)` : e.keyword === 'enum' ? ` (${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})` : '';
  return { path: e.instancePath || '/', message: `${e.message ?? e.keyword}${extra}` };
}

/** Checks JSON Schema cannot express: spans inside and equal to the text, unique ids, references that resolve. */
function invariantErrors(doc: AnnotatedDoc): DocValidationError[] {
  const errors: DocValidationError[] = [];
  const n = doc.text.length;
  const span = (path: string, s: Span): void => {
    if (!(s.start <= s.end && s.end <= n)) errors.push({ path, message: `span [${s.start}, ${s.end}) is outside the text (length ${n}) or reversed` });
    else if (doc.text.slice(s.start, s.end) !== s.text) errors.push({ path, message: `text ${JSON.stringify(s.text)} is not text.slice(${s.start}, ${s.end}) = ${JSON.stringify(doc.text.slice(s.start, s.end))}` });
  };
  const unique = (kind: string, ids: string[]): Set<string> => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) errors.push({ path: `/${kind}/${i}/id`, message: `duplicate id ${JSON.stringify(id)}` });
      seen.add(id);
    });
    return seen;
  };
  doc.sentences.forEach((s, i) => {
    if (!(s.start <= s.end && s.end <= n)) errors.push({ path: `/sentences/${i}`, message: `sentence [${s.start}, ${s.end}) is outside the text (length ${n})` });
  });
  const mentionById = new Map(doc.mentions.map((m) => [m.id, m]));
  unique('mentions', doc.mentions.map((m) => m.id));
  const entityIds = unique('entities', doc.entities.map((e) => e.id));
  unique('events', doc.events.map((e) => e.id));
  const entityTypes = new Set(['group', 'country', 'place', 'person', 'nationality']);
  doc.mentions.forEach((m, i) => {
    span(`/mentions/${i}`, m);
    if (m.sentence >= doc.sentences.length) errors.push({ path: `/mentions/${i}/sentence`, message: `no sentence ${m.sentence} (the document has ${doc.sentences.length})` });
    if (m.entity !== undefined && entityTypes.has(m.type) && !entityIds.has(m.entity)) errors.push({ path: `/mentions/${i}/entity`, message: `no entity ${JSON.stringify(m.entity)}` });
  });
  doc.entities.forEach((e, i) =>
    e.mentions.forEach((id, j) => {
      if (!mentionById.has(id)) errors.push({ path: `/entities/${i}/mentions/${j}`, message: `no mention ${JSON.stringify(id)}` });
    }),
  );
  doc.events.forEach((ev, i) => {
    span(`/events/${i}/trigger`, ev.trigger);
    if (ev.mention !== undefined && !mentionById.has(ev.mention)) errors.push({ path: `/events/${i}/mention`, message: `no mention ${JSON.stringify(ev.mention)}` });
    if (ev.fatalities) span(`/events/${i}/fatalities/evidence`, ev.fatalities.evidence);
    if (ev.injured) span(`/events/${i}/injured/evidence`, ev.injured.evidence);
    ev.roles.forEach((r, j) => {
      span(`/events/${i}/roles/${j}`, r);
      if (r.mention === undefined) return;
      // The role's own span is its evidence (a pronoun, a longer phrase); the mention is what it refers to.
      if (!mentionById.has(r.mention)) errors.push({ path: `/events/${i}/roles/${j}/mention`, message: `no mention ${JSON.stringify(r.mention)}` });
    });
  });
  return errors;
}

/**
 * Validate a parsed `output/<doc-id>.json` against the published JSON Schema, then against the
 * invariants the schema cannot state (spans equal their text slice, ids unique, references resolve).
 */
export function validateDoc(doc: unknown): DocValidation {
  const validate = compile();
  if (!validate(doc)) return { valid: false, errors: (validate.errors ?? []).map(schemaError) };
  const errors = invariantErrors(doc as AnnotatedDoc);
  return { valid: errors.length === 0, errors };
}

/** Validate, or throw a SitrepInputError naming the file and the first problems (JSON Pointers). */
export function assertValidDoc(doc: unknown, file: string): asserts doc is AnnotatedDoc {
  const { valid, errors } = validateDoc(doc);
  if (valid) return;
  const shown = errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
  if (errors.length > 5) shown.push(`… and ${errors.length - 5} more`);
  throw new SitrepInputError(`does not match the sitrep document schema: ${shown.join('; ')}`, file, 'output:schema');
}
