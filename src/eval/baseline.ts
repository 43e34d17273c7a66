import { nlpWithDates, termSpans } from '../nlp.js';
import type { EntityEvalType } from './types.js';
import type { SpansByType } from './spans.js';

interface DateJson {
  dates?: { start?: string | null; end?: string | null; unit?: string };
}

/** A TIMEX3-like value from compromise-dates' interval, at the unit it reports. */
export function compromiseDateValue(d: DateJson['dates']): string | undefined {
  if (!d?.start) return undefined;
  const day = d.start.slice(0, 10);
  switch (d.unit) {
    case 'year':
      return day.slice(0, 4);
    case 'month':
      return day.slice(0, 7);
    case 'decade':
      return day.slice(0, 3);
    default:
      return day;
  }
}

/**
 * The baseline: plain compromise (with compromise-dates) on the same text, spans built from its
 * first and last term offsets. organizations() → group, places() → location, people() → person,
 * dates() → date (values resolved against the document date).
 */
export function baselineSpans(text: string, docDate: string | null | undefined, types: readonly EntityEvalType[], notes: string[] = []): SpansByType {
  const doc = nlpWithDates()(text);
  const spans: SpansByType = new Map(types.map((t) => [t, []]));
  const plain = (t: EntityEvalType, view: Parameters<typeof termSpans>[0]) => {
    const list = spans.get(t);
    if (list) for (const s of termSpans(view)) list.push({ start: s.start, end: s.end });
  };
  plain('group', doc.organizations());
  plain('location', doc.places());
  plain('person', doc.people());
  const dates = spans.get('date');
  if (dates) {
    const view = (doc as unknown as { dates(o: object): { json(o: object): unknown } }).dates(docDate ? { today: docDate, timezone: 'UTC' } : { timezone: 'UTC' });
    type Item = DateJson & { terms: { text: string; offset: { start: number } }[] };
    let items: Item[];
    try {
      items = view.json({ offset: true, terms: { offset: true } }) as Item[];
    } catch (err) {
      // compromise-dates throws on some inputs while resolving values: keep its spans, without values.
      items = view.json({ offset: true, terms: { offset: true }, dates: false }) as Item[];
      notes.push(`baseline: compromise-dates failed to resolve date values (${(err as Error).message}); its date spans are kept without values`);
    }
    for (const m of items) {
      const terms = m.terms.filter((t) => t.text.length > 0);
      if (terms.length === 0) continue;
      const last = terms[terms.length - 1];
      const value = compromiseDateValue(m.dates);
      dates.push({ start: terms[0].offset.start, end: last.offset.start + last.text.length, ...(value ? { value } : {}) });
    }
  }
  for (const l of spans.values()) l.sort((a, b) => a.start - b.start || a.end - b.end);
  return spans;
}
