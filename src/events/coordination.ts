import type { SentenceView } from './chunks.js';
import type { Pending } from './pending.js';

function onlyJoiners(view: SentenceView, from: number, to: number): boolean {
  if (from > to) return false;
  for (let k = from; k <= to; k++) {
    const w = view.word(k);
    if (w !== 'and' && w !== 'or' && w !== 'as well as') return false;
  }
  return true;
}

/**
 * Coordinated events share what grammar gives one of them: 'the March 2024 mass shooting and arson
 * in Moscow' (the first lends its premodifiers, the last its phrases after); 'gunmen stormed the
 * hall and opened fire' (the second verb takes the first one's subject).
 */
export function shareCoordinated(view: SentenceView, ps: Pending[]): void {
  for (let i = 0; i + 1 < ps.length; i++) {
    const x = ps[i];
    const y = ps[i + 1];
    if (!x.analysis || !y.analysis) continue;
    const xa = x.analysis;
    const ya = y.analysis;
    const xEnd = xa.verbal ? xa.end : xa.tb;
    if (!onlyJoiners(view, xEnd + 1, ya.npStart - 1)) continue;
    if (view.breakAfter(xEnd) && !/^,\s*$/.test(view.terms[xEnd].post)) continue;
    // A gerund after a noun and 'and' is a noun too ('air strikes and fighting in Wadi Barada').
    const yNominal = !ya.verbal || (view.has(ya.ta, 'Gerund') && !xa.verbal);
    if (!xa.verbal && yNominal) {
      // 'its attacks and strikes': the determiner of the first belongs to both.
      if (xa.determined && ya.npStart === ya.ta) ya.determined = true;
      for (const h of x.hits) if (h.how === 'pre' && !y.hits.some((g) => g.role === h.role)) y.hits.push({ ...h, how: 'shared' });
      for (const h of y.hits) if (h.how === 'post' && !x.hits.some((g) => g.role === h.role)) x.hits.push({ ...h, how: 'shared' });
    } else if (xa.verbal && ya.verbal && !y.hits.some((h) => h.how === 'subject')) {
      for (const h of x.hits) if (h.how === 'subject') y.hits.push({ ...h, how: 'shared' });
    }
  }
}

