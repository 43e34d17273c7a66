import type { MentionType } from '../doc.js';

/** The tagger's entity classes: three of sitrep's types, and MISC (names that are none of ours, e.g. "Olympic"). */
export const CLASSES = ['GRP', 'PLC', 'PER', 'MSC'] as const;
export type NerClass = (typeof CLASSES)[number];

/** What each class proposes in the pipeline (MISC proposes nothing). */
export const CLASS_TYPES: Readonly<Record<NerClass, MentionType | null>> = { GRP: 'group', PLC: 'place', PER: 'person', MSC: null };

/** BILOU labels: O, then B-, I-, L-, U- of each class. */
export const LABELS: readonly string[] = ['O', ...CLASSES.flatMap((c) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${c}`))];
export const O = 0;

export interface LabelPart {
  readonly pos: 'O' | 'B' | 'I' | 'L' | 'U';
  readonly cls: NerClass | null;
}

/** Each label's position and class, made once (decoding asks for them for every word and label). */
const PARTS: readonly LabelPart[] = LABELS.map((l, i) => Object.freeze(i === O ? { pos: 'O' as const, cls: null } : { pos: l[0] as 'B' | 'I' | 'L' | 'U', cls: l.slice(2) as NerClass }));

export function labelPart(label: number): LabelPart {
  return PARTS[label];
}

export function labelOf(pos: 'B' | 'I' | 'L' | 'U', cls: NerClass): number {
  return LABELS.indexOf(`${pos}-${cls}`);
}

/** Whether `next` may follow `prev` in a BILOU sequence (inside a span only I or L of its class may come). */
export function allowed(prev: number, next: number): boolean {
  return ALLOWED[prev * LABELS.length + next] === 1;
}

function allowedByParts(prev: number, next: number): boolean {
  const p = labelPart(prev);
  const n = labelPart(next);
  const open = p.pos === 'B' || p.pos === 'I';
  if (open) return (n.pos === 'I' || n.pos === 'L') && n.cls === p.cls;
  return n.pos === 'O' || n.pos === 'B' || n.pos === 'U';
}

const ALLOWED = Uint8Array.from({ length: LABELS.length * LABELS.length }, (_, k) => (allowedByParts(Math.floor(k / LABELS.length), k % LABELS.length) ? 1 : 0));

/** Whether a label may end a sentence (no span left open). */
export function canEnd(label: number): boolean {
  const p = labelPart(label).pos;
  return p !== 'B' && p !== 'I';
}

/**
 * The label training asks for when the gold one cannot follow the label predicted before it (a
 * dynamic oracle): inside a wrong span, close it (L-); outside any, open the gold span late (B-, U-).
 */
export function oracle(prev: number, gold: number): number {
  if (allowed(prev, gold)) return gold;
  const p = labelPart(prev);
  const g = labelPart(gold);
  if (p.pos === 'B' || p.pos === 'I') return labelOf('L', p.cls!);
  return labelOf(g.pos === 'I' ? 'B' : 'U', g.cls!);
}
