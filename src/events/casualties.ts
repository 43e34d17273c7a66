import { eventData, type CasualtyKind } from './data.js';
import type { SentenceView } from './chunks.js';
import type { Span } from '../doc.js';

export type Qualifier = 'atLeast' | 'atMost' | 'about' | 'exact';

/** A count of the dead or the wounded found in a sentence, with its evidence. */
export interface Casualty {
  kind: 'fatalities' | 'injured';
  value: number;
  qualifier: Qualifier;
  evidence: Span;
}

interface NumberHit {
  value: number;
  /** Terms of the number, and of its qualifier when there is one. */
  a: number;
  b: number;
  qualifier: Qualifier;
}

function wordAt(view: SentenceView, k: number): string {
  return view.word(k);
}

function matchAt(view: SentenceView, k: number, seq: readonly string[]): boolean {
  if (k + seq.length > view.hi) return false;
  for (let j = 0; j < seq.length; j++) {
    if (wordAt(view, k + j) !== seq[j]) return false;
    if (j < seq.length - 1 && view.breakAfter(k + j)) return false;
  }
  return true;
}

/** The number that starts at term k (digits or number words), not a year, date or time. */
function numberAt(view: SentenceView, k: number, allowArticle: boolean): { value: number; b: number } | undefined {
  const d = eventData();
  if (k >= view.hi) return undefined;
  const t = view.terms[k];
  const m = view.mentionAt(k);
  if (m && m.type === 'date') return undefined;
  if (t.tags.has('Year') || t.tags.has('Ordinal') || t.tags.has('Time') || t.tags.has('Percent') || t.tags.has('Money')) return undefined;
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(t.text)) {
    if (/^(%|per)/.test(view.terms[k + 1]?.text ?? '')) return undefined;
    return { value: Number(t.text.replace(/,/g, '')), b: k };
  }
  let total = 0;
  let current = 0;
  let b = -1;
  for (let j = k; j < view.hi; j++) {
    const w = wordAt(view, j).replace(/-/g, ' ');
    const parts = w.split(' ');
    let ok = true;
    for (const p of parts) {
      const n = d.numbers.get(p);
      if (n === undefined || ((p === 'a' || p === 'an') && j !== k)) {
        ok = false;
        break;
      }
      if ((p === 'a' || p === 'an') && !allowArticle && !d.multipliers.has(wordAt(view, j + 1))) {
        ok = false;
        break;
      }
      const mult = d.multipliers.get(p);
      if (mult) {
        if (mult >= 1000) {
          total += (current || 1) * mult;
          current = 0;
        } else current = (current || 1) * mult;
      } else current += n;
    }
    if (!ok) break;
    b = j;
    if (view.breakAfter(j)) break;
  }
  if (b < 0) return undefined;
  const value = total + current;
  return value > 0 ? { value, b } : undefined;
}

/** A number with the qualifier before it ('at least 145'). */
function qualifiedNumberAt(view: SentenceView, k: number, allowArticle: boolean): NumberHit | undefined {
  const d = eventData();
  for (const q of d.qualifiers) {
    for (const w of q.words) {
      if (!matchAt(view, k, w)) continue;
      const n = numberAt(view, k + w.length, false);
      if (n) return { value: n.value, a: k, b: n.b, qualifier: q.qualifier };
    }
  }
  const n = numberAt(view, k, allowArticle);
  return n ? { value: n.value, a: k, b: n.b, qualifier: 'exact' } : undefined;
}

/** After the number: up to a few victim words, then a state word ('people were killed'); the term range it ends at. */
function stateAfter(view: SentenceView, from: number, kind: CasualtyKind): number | undefined {
  const d = eventData();
  let k = from;
  for (let n = 0; n <= d.victimMaxWords && k < view.hi; n++) {
    for (const s of kind.states) if (matchAt(view, k, s)) return k + s.length - 1;
    if (view.breakAfter(k)) return undefined;
    const t = view.terms[k];
    const aux = d.victimAuxiliaries.has(t.normal);
    if (!aux && !(view.nominal(k) && !t.tags.has('Determiner'))) return undefined;
    k++;
  }
  return undefined;
}

/** Victim words after a number ('145 people', '23 Afghan soldiers'): the last nominal term, or the number itself. */
function victimsAfter(view: SentenceView, from: number): number {
  const d = eventData();
  let last = from - 1;
  for (let k = from, n = 0; k < view.hi && n < d.victimMaxWords; k++, n++) {
    if (!view.nominal(k) || view.has(k, 'Determiner') || view.mentionAt(k)?.type === 'date') break;
    if (view.head(k)) last = k;
    if (view.breakAfter(k)) break;
  }
  return last;
}

/**
 * Counts of the dead and the wounded in one sentence, each with the words that give it:
 * 'killing at least 145 people' → 145, atLeast; '168 people were killed'; 'the death toll rose to 30'.
 */
export function casualtiesIn(view: SentenceView, text: string): Casualty[] {
  const d = eventData();
  const out: Casualty[] = [];
  const used = new Set<number>();
  const span = (a: number, b: number): Span => {
    const start = view.terms[a].start;
    const end = view.terms[b].end;
    return { start, end, text: text.slice(start, end) };
  };
  for (const kindName of ['fatalities', 'injured'] as const) {
    const kind = d.casualties[kindName];
    for (let k = view.lo; k < view.hi; k++) {
      // 'killing at least 145 people', 'left 12 dead'
      for (const v of kind.verbs) {
        if (!matchAt(view, k, v)) continue;
        const after = k + v.length;
        if (view.breakAfter(after - 1)) continue;
        const n = qualifiedNumberAt(view, after, false);
        if (!n || used.has(n.b)) continue;
        let b: number;
        if (kind.verbsNeedState.has(v[0])) {
          const s = stateAfter(view, n.b + 1, kind);
          if (s === undefined) continue;
          b = s;
        } else b = victimsAfter(view, n.b + 1);
        used.add(n.b);
        out.push({ kind: kindName, value: n.value, qualifier: n.qualifier, evidence: span(k, b) });
      }
      // 'the death toll from the bombing rose to 30'
      for (const tl of kind.tolls) {
        if (!matchAt(view, k, tl)) continue;
        for (let j = k + tl.length; j < Math.min(view.hi, k + tl.length + d.tollVerbs.window); j++) {
          const tv = d.tollVerbs.words.find((w) => matchAt(view, j, w));
          const n = tv ? qualifiedNumberAt(view, j + tv.length, false) : undefined;
          if (n && !used.has(n.b)) {
            used.add(n.b);
            out.push({ kind: kindName, value: n.value, qualifier: n.qualifier, evidence: span(k, n.b) });
            break;
          }
          if (view.breakAfter(j)) break;
        }
      }
      // '168 people were killed', 'at least six people died'
      const n = qualifiedNumberAt(view, k, true);
      if (n && !used.has(n.b)) {
        const s = stateAfter(view, n.b + 1, kind);
        if (s !== undefined) {
          used.add(n.b);
          out.push({ kind: kindName, value: n.value, qualifier: n.qualifier, evidence: span(n.a, s) });
        }
      }
    }
  }
  return out.sort((x, y) => x.evidence.start - y.evidence.start);
}
