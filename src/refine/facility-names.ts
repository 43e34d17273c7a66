import heads from '../lexicon/facility-heads.json' with { type: 'json' };
import type { Component } from '../context.js';

const HEADS = new Set(heads.heads.map((h) => h.toLowerCase()));
const PREFIXES = new Set(heads.prefixes.map((h) => h.toLowerCase()));
/** Small words a capitalised name may hold ("University of York", "Hospital Universitario de Caracas"). */
const JOINERS = new Set(['of', 'de', 'del', 'la', 'el', 'the', '-', "'s", '’s', 'al']);
const WORD = /[\p{Lu}][\p{L}\p{M}'’.-]*|[\p{Ll}]+|&|-/gu;

interface Word {
  start: number;
  end: number;
  text: string;
  cap: boolean;
}

/** Runs of capitalised words (with joiners inside) on one line, in text order. */
function capitalisedNames(text: string): Word[][] {
  const names: Word[][] = [];
  let cur: Word[] = [];
  const flush = () => {
    while (cur.length && !cur[cur.length - 1].cap) cur.pop();
    if (cur.length > 1) names.push(cur);
    cur = [];
  };
  WORD.lastIndex = 0;
  let prevEnd = -1;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = { start: m.index, end: m.index + m[0].length, text: m[0], cap: /^\p{Lu}/u.test(m[0]) };
    const gap = prevEnd < 0 ? '' : text.slice(prevEnd, w.start);
    if (cur.length && !/^[ \t]?$/.test(gap)) flush();
    if (w.cap) cur.push(w);
    else if (cur.length && JOINERS.has(w.text.toLowerCase())) cur.push(w);
    else flush();
    prevEnd = w.end;
  }
  flush();
  return names;
}

/**
 * A place or country named inside a facility's name ("Oxford Street", "London Bridge", "University
 * of York") is not a mention of that place: such candidates are dropped, and so are taggers'
 * place and organisation guesses that lie inside the facility name.
 */
export const facilityNames: Component = {
  name: 'refine/facility-names',
  run(ctx) {
    const spans: [number, number][] = [];
    for (const name of capitalisedNames(ctx.text)) {
      name.forEach((w, i) => {
        const k = w.text.replace(/\.$/, '').toLowerCase();
        // "Oxford Street": the name up to its head; "University of York": the name from its prefix.
        if (w.cap && HEADS.has(k) && i > 0) spans.push([name[0].start, w.end]);
        if (w.cap && PREFIXES.has(k) && i < name.length - 2) spans.push([w.start, name[name.length - 1].end]);
      });
    }
    if (!spans.length) return;
    const inside = (s: number, e: number) => spans.some(([a, b]) => s >= a && e <= b);
    const keep = ctx.candidates.filter((c) => {
      if (!inside(c.start, c.end)) return true;
      if (c.type === 'place' || c.type === 'country') return false;
      return !(c.type === 'group' && c.source.startsWith('rule:compromise/'));
    });
    ctx.candidates.length = 0;
    ctx.candidates.push(...keep);
  },
};
