import parts from '../lexicon/person-name-parts.json' with { type: 'json' };
import { alternation } from '../lexicon/word-set.js';
import type { Component } from '../context.js';
import type { Candidate } from '../doc.js';

const JOINERS = new Set(parts.joiners.words);
const KUNYA = new Set(parts.kunya.words);
const GIVEN = new Set(parts.givenNames.words);
const ARTICLE = new RegExp(`^(?:${alternation(parts.articles.words)})-\\p{Lu}`, 'u');

const WORD = "\\p{Lu}[\\p{L}\\p{M}'’]*(?:-\\p{L}[\\p{L}\\p{M}'’]*)*";
const PART = `(?:${WORD}|(?:${alternation(parts.articles.words)})-${WORD}|${alternation(parts.joiners.words)})`;
/** Runs of two to seven name parts on one line, separated by single spaces. */
const RUN = new RegExp(`(?<![\\p{L}\\p{M}'’-])${PART}(?:[ \\t]${PART}){1,6}(?![\\p{L}\\p{M}'’-])`, 'gu');

const PLACE_TYPES = new Set(['place', 'country']);

/**
 * A person's name that holds a place ("Abdifatah Aden Hassan", "Ali Mosul Ahmed": a given name
 * before the place) or is joined by a patronymic or an article ("Osama bin Laden", "Abu Mohammed
 * al-Julani") is one person: the places and countries inside it are dropped, and the person
 * candidates inside it, or none, become one candidate over the name (source `rule:person/name-parts`).
 * Names a table knows as places under the whole run ("Abu Dhabi") stay places. The name parts are
 * data: src/lexicon/person-name-parts.json.
 */
export const personNames: Component = {
  name: 'refine/person-names',
  run(ctx) {
    const sorted = [...ctx.candidates].sort((a, b) => a.start - b.start);
    const drop = new Set<Candidate>();
    const add: Candidate[] = [];
    let p = 0;
    RUN.lastIndex = 0;
    for (let m = RUN.exec(ctx.text); m; m = RUN.exec(ctx.text)) {
      const words: { text: string; start: number; end: number }[] = [];
      for (let w = /\S+/gu, x = w.exec(m[0]); x; x = w.exec(m[0])) words.push({ text: x[0], start: m.index + x.index, end: m.index + x.index + x[0].length });
      // A joiner neither opens nor ends a name.
      while (words.length && JOINERS.has(words[0].text)) words.shift();
      while (words.length && JOINERS.has(words[words.length - 1].text)) words.pop();
      if (words.length < 2) continue;
      const start = words[0].start;
      const end = words[words.length - 1].end;
      const given = words.findIndex((w, i) => i < words.length - 1 && (GIVEN.has(w.text) || KUNYA.has(w.text)));
      const joined = words.some((w, i) => (i > 0 && JOINERS.has(w.text)) || (i > 0 && ARTICLE.test(w.text))) || (given >= 0 && KUNYA.has(words[given].text) && words.length > 2);
      if (given < 0 && !joined) continue;
      // The candidates inside the run (one pointer: runs and candidates both go left to right).
      while (p < sorted.length && sorted[p].start < start) p++;
      const inside: Candidate[] = [];
      for (let i = p; i < sorted.length && sorted[i].start < end; i++) if (sorted[i].start >= start && sorted[i].end <= end) inside.push(sorted[i]);
      const whole = inside.some((c) => PLACE_TYPES.has(c.type) && c.start === start && c.end === end && c.source.startsWith('lex:'));
      if (whole) continue;
      const from = given >= 0 ? words[given].start : start;
      const places = inside.filter((c) => PLACE_TYPES.has(c.type) && c.start >= from && !(c.start === from && c.end === end));
      const people = inside.filter((c) => c.type === 'person');
      if (!places.length && !(joined && people.length)) continue;
      for (const c of places) drop.add(c);
      const spanStart = Math.min(from, ...people.map((c) => c.start));
      if (people.some((c) => c.start === spanStart && c.end === end)) continue;
      for (const c of people) drop.add(c);
      const best = people.reduce((a, c) => Math.max(a, c.confidence), 0);
      add.push({ type: 'person', start: spanStart, end, source: 'rule:person/name-parts', confidence: Math.max(0.6, best), priority: Math.max(2, ...people.map((c) => c.priority)) });
    }
    if (!drop.size && !add.length) return;
    ctx.keepCandidates((c) => !drop.has(c));
    for (const c of add) ctx.candidates.push(c);
  },
};
