import { termAt, type TermIndex } from './terms.js';
import type { Antecedent } from './roles.js';
import type { PipelineContext } from '../context.js';
import type { Mention } from '../doc.js';
import { countBefore } from '../sorted.js';

/** How much a mention looks like the subject of its clause: 2 before a verb, 1 unknown, 0 before a noun or past its sentence. */
function subjectLike(index: TermIndex, m: Mention): number {
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
}

/**
 * Per list of types: for each mention index i and each score, the last index ≤ i of a mention of
 * those types with that score (−1 if none). One pass over the mentions per list of types.
 */
interface ByTypes {
  last: Int32Array[];
}

interface DocMentions {
  mentions: readonly Mention[];
  /** Starts in order: the binary searches below may be used. */
  sorted: boolean;
  byTypes: Map<string, ByTypes>;
}

function docMentions(ctx: PipelineContext): DocMentions {
  const mentions = ctx.mentions;
  let sorted = true;
  for (let i = 1; i < mentions.length && sorted; i++) if (mentions[i].start < mentions[i - 1].start) sorted = false;
  return { mentions, sorted, byTypes: new Map() };
}

function byTypes(doc: DocMentions, index: TermIndex, types: readonly string[]): ByTypes {
  const key = types.join(',');
  let got = doc.byTypes.get(key);
  if (got) return got;
  const n = doc.mentions.length;
  const last = [new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const seen = [-1, -1, -1];
  const grouped = types.includes('group');
  for (let i = 0; i < n; i++) {
    const m = doc.mentions[i];
    if (types.includes(m.type)) seen[grouped ? subjectLike(index, m) : 1] = i;
    for (let s = 0; s < 3; s++) last[s][i] = seen[s];
  }
  doc.byTypes.set(key, (got = { last }));
  return got;
}

/** The first index whose mention starts at or after `at` (mentions in order of start). */
function firstFrom(ms: readonly Mention[], at: number): number {
  const lo = countBefore(ms.length, (i) => ms[i].start < at);
  return lo;
}

/**
 * What a possessive pronoun or a definite description points back at: the nearest mention of the
 * right type from offset `from` (the start of the sentence before, or of the window before in a
 * long sentence) on, preferring one that is the subject of its clause ('IS-KP has emerged … its
 * offensive' → IS-KP, not the Taliban of 'a Taliban clampdown'). Each look-up is two binary searches.
 */
export function antecedentFinder(ctx: PipelineContext, index: TermIndex, from: number): Antecedent {
  const doc = ctx.memo(antecedentFinder, () => docMentions(ctx));
  return (types, before) => {
    if (!doc.sorted) return scan(doc.mentions, index, from, types, before);
    const ms = doc.mentions;
    const low = firstFrom(ms, from);
    const cut = firstFrom(ms, before) - 1;
    if (cut < low) return undefined;
    const { last } = byTypes(doc, index, types);
    for (let s = 2; s >= 0; s--) {
      const j = last[s][cut];
      if (j >= low) return ms[j];
    }
    return undefined;
  };
}

/** The same look-up by a walk over every mention, for mentions not in order of start. */
function scan(ms: readonly Mention[], index: TermIndex, from: number, types: readonly string[], before: number): Mention | undefined {
  let best: Mention | undefined;
  let bestScore = -1;
  for (const m of ms) {
    if (m.start >= before) break;
    if (m.start < from || !types.includes(m.type)) continue;
    const score = types.includes('group') ? subjectLike(index, m) : 1;
    if (score >= bestScore) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}
