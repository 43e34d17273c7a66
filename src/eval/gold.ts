import { readFileSync } from 'node:fs';
import { SitrepInputError } from '../errors.js';

/** One gold span, as the shared gold files write it (half-open UTF-16 offsets into `text`). */
export interface GoldSpan {
  start: number;
  end: number;
  /** The source's own label (`Organisation`, `GPE`, `DATE`…). */
  type: string;
  /** The coarse label: GROUP, LOCATION, DATE, DURATION_SET, PERSON, NORP, OTHER. */
  coarse: string;
  text: string;
  /** TIMEX3 value, for dates that have one. */
  value?: string;
}

/** One gold document. `events` and `relations` are dataset-specific and left as they are. */
export interface GoldDoc {
  id: string;
  text: string;
  doc_date?: string | null;
  entities: GoldSpan[];
  events?: unknown[];
  relations?: unknown[];
  meta?: Record<string, unknown>;
}

function fail(file: string, line: number, message: string): never {
  throw new SitrepInputError(message, file, 'eval:bad-gold', { line, column: 1 });
}

/** Check one parsed line against the gold format; names the file, line and field that is wrong. */
export function checkGoldDoc(raw: unknown, file: string, line: number, warnings: string[] = []): GoldDoc {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail(file, line, 'expected a JSON object per line');
  const d = raw as Record<string, unknown>;
  if (typeof d.id !== 'string') fail(file, line, 'expected `id` to be a string');
  if (typeof d.text !== 'string') fail(file, line, `document ${d.id}: expected \`text\` to be a string`);
  if (d.doc_date != null && (typeof d.doc_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d.doc_date))) {
    // One bad field should not stop the run: the document is annotated without a document date.
    warnings.push(`${file}:${line}:1: document ${d.id}: \`doc_date\` ${JSON.stringify(d.doc_date)} is not YYYY-MM-DD; annotated without a document date`);
    d.doc_date = null;
  }
  const entities = d.entities ?? [];
  if (!Array.isArray(entities)) fail(file, line, `document ${d.id}: expected \`entities\` to be an array`);
  const text = d.text;
  entities.forEach((e: Record<string, unknown>, i) => {
    const where = `document ${d.id}: entities[${i}]`;
    if (!Number.isInteger(e?.start) || !Number.isInteger(e?.end)) fail(file, line, `${where}: expected integer \`start\` and \`end\``);
    const start = e.start as number;
    const end = e.end as number;
    if (start < 0 || end > text.length || end <= start) fail(file, line, `${where}: span [${start}, ${end}) is outside the text (length ${text.length})`);
    if (typeof e.coarse !== 'string') fail(file, line, `${where}: expected \`coarse\` to be a string`);
    if (typeof e.text === 'string' && text.slice(start, end) !== e.text) fail(file, line, `${where}: \`text\` ${JSON.stringify(e.text)} is not the text at [${start}, ${end})`);
  });
  return d as unknown as GoldDoc;
}

/** Read a gold JSONL file (one document per line; blank lines are skipped). Problems that spare the document go to `warnings`. */
export function readGold(file: string, warnings: string[] = []): GoldDoc[] {
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (err) {
    throw new SitrepInputError(`cannot read the gold file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, file, 'eval:no-gold');
  }
  const docs: GoldDoc[] = [];
  body.split('\n').forEach((l, i) => {
    if (!l.trim()) return;
    let raw: unknown;
    try {
      raw = JSON.parse(l);
    } catch (err) {
      fail(file, i + 1, `not valid JSON (${(err as Error).message})`);
    }
    docs.push(checkGoldDoc(raw, file, i + 1, warnings));
  });
  if (docs.length === 0) throw new SitrepInputError('the gold file holds no documents', file, 'eval:empty-gold');
  return docs;
}
