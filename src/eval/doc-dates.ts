import { findDateline } from '../ingest/dateline.js';
import { columns } from './table.js';
import type { DocInput, EvalSection, SectionKind } from './section.js';

export interface DocDatesResult {
  documents: number;
  /** Documents whose gold has a `doc_date`. */
  gold: number;
  /** Documents whose head gives a date (a dateline or a header date), and those of them with a gold date. */
  found: number;
  foundWithGold: number;
  /** Found dates equal to the gold `doc_date`. */
  correct: number;
  /** Found dates where the gold has none, or another one. */
  wrong: number;
}

/**
 * Document dates read off the text itself (src/ingest/dateline.ts), against the gold `doc_date`:
 * what `sitrep annotate` would take as the document date when no metadata gives one. (The rest of
 * the eval anchors every document on its gold date.)
 */
export const docDates: SectionKind = {
  name: 'docDates',
  types: ['docdate'],
  create(): EvalSection<DocDatesResult> {
    const r: DocDatesResult = { documents: 0, gold: 0, found: 0, foundWithGold: 0, correct: 0, wrong: 0 };
    return {
      add(doc: DocInput) {
        r.documents++;
        const gold = doc.gold.doc_date ?? null;
        if (gold) r.gold++;
        const found = findDateline(doc.gold.text);
        if (!found) return;
        r.found++;
        if (gold) r.foundWithGold++;
        if (found.value === gold) r.correct++;
        else r.wrong++;
      },
      result() {
        return r.documents ? r : null;
      },
      format(x) {
        const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
        const rows = [
          ['documents', 'gold doc_date', 'date found', 'found, gold has one', '= gold', 'wrong', '= gold / gold doc_date'],
          [String(x.documents), String(x.gold), String(x.found), String(x.foundWithGold), String(x.correct), String(x.wrong), pct(x.correct, x.gold)],
        ];
        return ['Document dates from the text (datelines, header dates) against the gold doc_date', ...columns(rows)];
      },
    };
  },
};
