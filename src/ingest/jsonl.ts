import { SitrepInputError } from '../errors.js';
import { normaliseMetaDate, parseDateline } from '../link/calendar.js';
import type { IngestedDoc } from './types.js';

/** One line of a JSONL file that could not become a document. */
export interface JsonlProblem {
  line: number;
  error: SitrepInputError;
}

/**
 * A JSONL file of documents, one per line: `{"id", "text", "date"?, "title"?}`. The canonical text is
 * the `text` field exactly (so offsets from other tools still index it). Each bad line is reported
 * with its line number; the good lines still become documents.
 */
export function* ingestJsonl(source: string, path: string): Generator<IngestedDoc | JsonlProblem> {
  let lineNo = 0;
  for (const raw of source.split('\n')) {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    const fail = (message: string, ruleId: string): JsonlProblem => ({ line: lineNo, error: new SitrepInputError(message, path, ruleId, { line: lineNo, column: 1 }) });
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (err) {
      yield fail(`not valid JSON (${(err as Error).message})`, 'ingest:jsonl-syntax');
      continue;
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) {
      yield fail('a line must be a JSON object {"id", "text", …}', 'ingest:jsonl-shape');
      continue;
    }
    const r = rec as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id.trim() === '') {
      yield fail('"id" must be a non-empty string', 'ingest:jsonl-id');
      continue;
    }
    if (typeof r.text !== 'string') {
      yield fail(`document ${JSON.stringify(r.id)}: "text" must be a string`, 'ingest:jsonl-text');
      continue;
    }
    if (r.text.trim() === '') {
      yield fail(`document ${JSON.stringify(r.id)}: "text" is empty`, 'ingest:empty');
      continue;
    }
    let date: IngestedDoc['date'] = { value: null, source: 'none' };
    const rawDate = r.date ?? r.doc_date;
    if (rawDate !== undefined && rawDate !== null && rawDate !== '') {
      const d = normaliseMetaDate(rawDate);
      if (!d) {
        yield fail(`document ${JSON.stringify(r.id)}: "date" ${JSON.stringify(rawDate)} is not a YYYY-MM-DD date`, 'ingest:jsonl-date');
        continue;
      }
      date = { value: d, source: 'jsonl' };
    } else {
      for (const l of r.text.split('\n').slice(0, 8)) {
        const d = parseDateline(l);
        if (d) {
          date = { value: d, source: 'dateline' };
          break;
        }
      }
    }
    yield {
      key: r.id,
      path,
      line: lineNo,
      format: 'jsonl',
      source: line,
      text: r.text,
      segments: [[0, r.text.length, 0, r.text.length]],
      title: typeof r.title === 'string' ? r.title : null,
      date,
      diagnostics: [],
    };
  }
}
