import heads from '../lexicon/facility-heads.json' with { type: 'json' };
import nameHeads from '../lexicon/name-heads.json' with { type: 'json' };
import { spanCover } from './span-cover.js';
import type { Component } from '../context.js';

/** Heads that end a facility's or a document's or forum's name ("Oxford Street", "the Geneva Communique"). */
const HEADS = new Set([...heads.heads, ...heads.organisationHeads, ...nameHeads.heads.flatMap((h) => h.words)].map((h) => h.toLowerCase()));
/** Heads that may follow a capitalised name in lower case ("the Minsk agreements", "the Astana process"). */
const LOWER_HEADS = new Set(nameHeads.heads.flatMap((h) => h.words).map((h) => h.toLowerCase()));
const PREFIXES = new Set(heads.prefixes.map((h) => h.toLowerCase()));
const ORG_HEADS = new Set(heads.organisationHeads.map((h) => h.toLowerCase()));
/** Facilities that are also the body running them ("University of York"): a tagger's group over the whole name stays. */
const BODY_HEADS = new Set(heads.bodyHeads.map((h) => h.toLowerCase()));
/** Prefixes that make a facility of one name ("Villa Somalia"). */
const ONE_PREFIXES = new Set(heads.onePrefixes.map((h) => h.toLowerCase()));
/** Lower-case facility heads after a name ("Aden Adde airport", "Lido beach"). */
const LOWER_FACILITY = new Set(heads.lowerHeads);
/** Small words a capitalised name may hold ("University of York", "Hospital Universitario de Caracas"). */
const JOINERS = new Set(['of', 'de', 'del', 'la', 'el', 'the', '-', "'s", '’s', 'al']);
/** Abbreviations with a period that go on a name ("St. James's Park", "U.S. Embassy"). */
const ABBREVIATION = /^(?:(?:\p{Lu}\.)+|St\.|Mt\.|Ft\.|Dr\.|Mr\.|Mrs\.|Ms\.|Gen\.|Col\.|Lt\.|Sgt\.|Capt\.|Maj\.|Rev\.|Jr\.|Sr\.)$/u;
// A full stop before a capitalised word ends the word ("Syria.The European Union" lacks its space); "U.S." goes on.
const WORD = /[\p{Lu}](?:[\p{L}\p{M}'’-]|\.(?!\p{Lu}\p{Ll}))*|[\p{Ll}]+|&|-/gu;

interface Word {
  start: number;
  end: number;
  text: string;
  cap: boolean;
  /** The word ended a sentence (its full stop is not part of it). */
  stop: boolean;
}

/** Runs of capitalised words (with joiners inside) on one line, in text order, each with the word after it. */
function capitalisedNames(text: string): { words: Word[]; next?: Word }[] {
  const names: { words: Word[]; next?: Word }[] = [];
  let cur: Word[] = [];
  const flush = (next?: Word) => {
    while (cur.length && !cur[cur.length - 1].cap) cur.pop();
    if (cur.length >= 1) names.push({ words: cur, next });
    cur = [];
  };
  WORD.lastIndex = 0;
  let prev: Word | undefined;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const w = { start: m.index, end: m.index + m[0].length, text: m[0], cap: /^\p{Lu}/u.test(m[0]), stop: false };
    // "Sudan." at the end of a sentence: the word without its full stop, and the name ends there.
    if (/\.$/.test(w.text) && !ABBREVIATION.test(w.text)) {
      w.text = w.text.slice(0, -1);
      w.end -= 1;
      w.stop = true;
    }
    const gap = prev ? text.slice(prev.end, w.start) : '';
    // A name never runs across a line, punctuation, or a full stop ("in Iraq. The U.S. Embassy").
    if (cur.length && (!/^[ \t]?$/.test(gap) || prev?.stop)) flush(/^[ \t]$/.test(gap) && !prev?.stop ? w : undefined);
    if (w.cap) cur.push(w);
    else if (cur.length && JOINERS.has(w.text.toLowerCase())) cur.push(w);
    else flush(/^[ \t]$/.test(gap) ? w : undefined);
    prev = w;
  }
  flush();
  return names;
}

/**
 * A place or country named inside the name of a facility, an organisation, a document or a standing
 * forum ("Oxford Street", "Villa Somalia", "Aden Adde airport", "United States Africa Command",
 * "University of York", "the Minsk agreements", "the Manama Dialogue") is not a mention of that
 * place: such candidates are dropped, and so are taggers' place and organisation guesses that lie
 * inside the name. The trained tagger's place over the whole name stays: the facility is where things
 * happen ("Wall Street", "Camp Hurriya"); so does its group over a facility run by a body of its name
 * ("University of York"). Before a lower-case facility head a one-word name loses only
 * uncurated places ("Lido beach", not "Mogadishu airport").
 */
export const facilityNames: Component = {
  name: 'refine/facility-names',
  run(ctx) {
    const spans: [number, number][] = [];
    const weak: [number, number][] = [];
    /** Names of organisations: a tagger's group guess inside one may be its name and stays. */
    const bodies: [number, number][] = [];
    /** Whole names of facilities run by a body of the same name ("University of York"). */
    const runBy = new Set<string>();
    for (const { words: name, next } of capitalisedNames(ctx.text)) {
      name.forEach((w, i) => {
        const k = w.text.replace(/\.$/, '').toLowerCase();
        // "Oxford Street": the name up to its head; "University of York": the name from its prefix.
        if (w.cap && HEADS.has(k) && i > 0) spans.push([name[0].start, w.end]);
        if (w.cap && BODY_HEADS.has(k) && i > 0) runBy.add(`${name[0].start}:${w.end}`);
        if (w.cap && ORG_HEADS.has(k) && i > 0) bodies.push([name[0].start, w.end]);
        if (w.cap && PREFIXES.has(k) && i < name.length - 2) spans.push([w.start, name[name.length - 1].end]);
        if (w.cap && PREFIXES.has(k) && BODY_HEADS.has(k) && i < name.length - 2) runBy.add(`${w.start}:${name[name.length - 1].end}`);
        if (w.cap && ONE_PREFIXES.has(k) && i === name.length - 2) spans.push([w.start, name[name.length - 1].end]);
      });
      // "Aden Adde airport": every place inside the name; "Lido beach": only a place no curated table has.
      if (next && !next.cap && LOWER_FACILITY.has(next.text.toLowerCase())) (name.length > 1 ? spans : weak).push([name[0].start, next.end]);
      // "the Minsk agreements": a lower-case head right after the name.
      if (next && !next.cap && LOWER_HEADS.has(next.text.toLowerCase())) spans.push([name[0].start, next.end]);
    }
    if (!spans.length && !weak.length) return;
    // Lookups, not scans of every name per candidate: a long page has tens of thousands of each.
    const inside = spanCover(spans);
    const inWeak = spanCover(weak);
    const inBody = spanCover(bodies);
    const wholes = new Set(spans.map(([a, b]) => `${a}:${b}`));
    const whole = (s: number, e: number) => wholes.has(`${s}:${e}`);
    const curated = (c: { source: string }): boolean => c.source.startsWith('lex:') && !c.source.startsWith('lex:gazetteer/');
    ctx.keepCandidates((c) => {
      if (!inside(c.start, c.end)) return !(inWeak(c.start, c.end) && (c.type === 'place' || c.type === 'country') && !curated(c));
      // A place a table knows whose own name looks like a facility's ("Port Sudan", "Port Harcourt") stays.
      if (c.type === 'place' && c.source.startsWith('lex:') && whole(c.start, c.end)) return true;
      // The tagger's place over the whole name is the facility itself ("Wall Street", "Changi Prison"): where things
      // happen; its group where the facility is also the body that runs it ("University of York", "London Underground").
      if (c.source.startsWith('model:') && whole(c.start, c.end) && (c.type === 'place' || (c.type === 'group' && runBy.has(`${c.start}:${c.end}`)))) return true;
      if (c.type === 'place' || c.type === 'country') return false;
      if (c.type !== 'group') return true;
      if (c.source.startsWith('rule:compromise/')) return false;
      // A trained tagger's group guess inside a facility's name ("Villa Somalia", "Aden Adde airport"), not an organisation's.
      return !(c.source.startsWith('model:') && !inBody(c.start, c.end));
    });
  },
};
