import { addCounts, prf, zero, type Counts } from './metrics.js';
import { matchSpans } from './match.js';
import { columns, pair, prfCells } from './table.js';
import type { EvalSpan } from './match.js';
import type { DocInput, EvalSection, SectionKind } from './section.js';
import type { Score } from './entity-spans.js';

export interface ValueScores {
  /** Relaxed span matches whose gold has a value, and how many of them carry the gold value. */
  matched: number;
  correct: number;
  accuracy: number;
  /** A prediction counts when its span overlaps a gold date (one-to-one) and its value equals the gold value. */
  f1: Score;
}

export interface DateValuesResult {
  /** Gold date spans with a value. */
  gold: number;
  sitrep: ValueScores;
  baseline: ValueScores;
}

interface Acc {
  matched: number;
  correct: number;
  counts: Counts;
}

function addDoc(acc: Acc, pred: readonly EvalSpan[], gold: readonly EvalSpan[]): void {
  const withValue = gold.filter((g) => g.value !== undefined);
  const { pairs, counts } = matchSpans(pred, withValue, 'relaxed');
  let tp = 0;
  for (const [p, g] of pairs) {
    acc.matched++;
    if (pred[p].value !== undefined && pred[p].value === withValue[g].value) {
      acc.correct++;
      tp++;
    }
  }
  addCounts(acc.counts, { tp, pred: pred.length, gold: counts.gold });
}

function finish(a: Acc): ValueScores {
  return { matched: a.matched, correct: a.correct, accuracy: a.matched ? a.correct / a.matched : 0, f1: { ...a.counts, ...prf(a.counts) } };
}

/** Date values (TIMEX3 `value`): accuracy on matched spans and value F1, sitrep beside the baseline. */
export const dateValues: SectionKind = {
  name: 'dateValues',
  types: ['date'],
  create(): EvalSection<DateValuesResult> {
    const s: Acc = { matched: 0, correct: 0, counts: zero() };
    const b: Acc = { matched: 0, correct: 0, counts: zero() };
    let gold = 0;
    return {
      add(doc: DocInput) {
        const g = doc.entities.gold.get('date');
        if (!g) return;
        gold += g.filter((x) => x.value !== undefined).length;
        addDoc(s, doc.entities.sitrep.get('date') ?? [], g);
        addDoc(b, doc.entities.baseline.get('date') ?? [], g);
      },
      result() {
        return gold ? { gold, sitrep: finish(s), baseline: finish(b) } : null;
      },
      format(r) {
        const rows = [
          ['gold values', 'matched spans', 'value accuracy', 'value P', 'value R', 'value F1'],
          [String(r.gold), `${r.sitrep.matched} (${r.baseline.matched})`, pair(r.sitrep.accuracy, r.baseline.accuracy), ...prfCells(r.sitrep.f1, r.baseline.f1)],
        ];
        return ['Date values (relaxed span match, value compared as a string): sitrep (baseline)', ...columns(rows)];
      },
    };
  },
};
