import type { Mention, RoleName } from '../doc.js';
import type { RoleHit } from './roles.js';

/** Words read as the cue before a candidate (the preposition or verb particle that ties it to the event); any other word is `other`. */
const CUES = new Set(['in', 'at', 'near', 'outside', 'inside', 'into', 'from', 'to', 'on', 'of', 'by', 'with', 'against', 'for', 'during', 'since', 'after', 'before', 'across', 'around', 'between', 'toward', 'towards', 'through', 'throughout', 'within', 'until', 'last', 'this', 'early', 'late']);
const SKIP = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);

/** One candidate filler of a role, as the role scorer reads it. */
export interface RoleCandidate {
  role: RoleName;
  start: number;
  end: number;
  mention?: Mention;
  /** How the grammar found it, or `near`: a mention of its sentence that no grammar path reached. */
  how: RoleHit['how'] | 'near';
}

export interface RoleContext {
  text: string;
  trigger: { start: number; end: number };
  /** The event's factuality (asserted, reported, claimed…). */
  factuality: string;
  /** Its place among the role's candidates of its kind (grammar fillers in order; nearby mentions by distance, 0: nearest). */
  rank: number;
}

/** The word before `at`, over a determiner or possessive ("in the town", "on its way"); '' at a line's start. */
export function cueBefore(text: string, at: number): string {
  const w1 = wordBefore(text, at);
  const w = w1 && SKIP.has(w1.word) ? wordBefore(text, w1.start) : w1;
  return !w ? '' : CUES.has(w.word) ? w.word : 'other';
}

function wordBefore(text: string, at: number): { word: string; start: number } | undefined {
  // A cue is a short word: the scan stops 12 characters back (a megabyte-long token costs nothing).
  let i = at;
  while (i > 0 && at - i < 12 && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  const stop = i;
  while (i > 0 && stop - i <= 12 && /[\p{L}'’]/u.test(text[i - 1])) i--;
  if (i === stop || stop - i > 12) return undefined;
  return { word: text.slice(i, stop).toLowerCase(), start: i };
}

/** A mention made from a common noun ('the city') that no entity names: no evidence of who or where. */
export const unnamed = (m: Mention): boolean => !m.entity && m.source.startsWith('rule:nominal');

const named = (m: Mention | undefined): string => (!m ? 'none' : unnamed(m) ? 'no' : 'yes');

function distanceBucket(chars: number): string {
  if (chars <= 3) return '0';
  if (chars <= 15) return '1';
  if (chars <= 40) return '2';
  if (chars <= 90) return '3';
  if (chars <= 180) return '4';
  return '5';
}

/** The features of one candidate, each prefixed by its role (a role's weights are its own). */
export function roleFeatures(c: RoleCandidate, x: RoleContext): string[] {
  const before = c.end <= x.trigger.start;
  const dist = before ? x.trigger.start - c.end : Math.max(0, c.start - x.trigger.end);
  const type = c.mention?.type ?? 'phrase';
  return [
    'bias',
    `how=${c.how}`,
    `type=${type}`,
    `how=${c.how}&type=${type}`,
    `named=${named(c.mention)}`,
    `cue=${cueBefore(x.text, c.start)}`,
    `dist=${distanceBucket(dist)}`,
    `side=${before ? 'before' : 'after'}`,
    `rank=${Math.min(x.rank, 2)}`,
    `fact=${x.factuality}`,
  ].map((s) => `${c.role}|${s}`);
}
