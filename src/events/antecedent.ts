import { termAt, type TermIndex } from './terms.js';
import type { Antecedent } from './roles.js';
import type { PipelineContext } from '../context.js';
import type { Mention } from '../doc.js';

/**
 * What a possessive pronoun or a definite description points back at: the nearest mention of the
 * right type in this sentence or the one before, preferring one that is the subject of its clause
 * ('IS-KP has emerged … its offensive' → IS-KP, not the Taliban of 'a Taliban clampdown').
 */
export function antecedentFinder(ctx: PipelineContext, index: TermIndex, sentence: number): Antecedent {
  const subjectLike = (m: Mention): number => {
    let k = termAt(index, m.end);
    let depth = 0;
    for (let n = 0; k >= 0 && k < index.terms.length && n < 8; n++, k++) {
      const t = index.terms[k];
      if (t.start < m.end) continue;
      if (t.sentence !== m.sentence) return 0;
      if (/\(/.test(t.pre)) depth++;
      const inside = depth > 0;
      if (/\)/.test(t.post)) depth = Math.max(0, depth - 1);
      if (inside) continue;
      if (t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Modal')) return 2;
      return t.tags.has('Noun') ? 0 : 1;
    }
    return 1;
  };
  return (types, before) => {
    let best: Mention | undefined;
    let bestScore = -1;
    for (const m of ctx.mentions) {
      if (m.start >= before) break;
      if (m.sentence < sentence - 1 || !types.includes(m.type)) continue;
      const score = types.includes('group') ? subjectLike(m) : 1;
      if (score >= bestScore) {
        best = m;
        bestScore = score;
      }
    }
    return best;
  };
}

