import votes from '../lexicon/model-votes.json' with { type: 'json' };
import { nerSpans, NER_SOURCE } from '../recognize/ner-tagger.js';
import type { NerSpan } from '../ner/tag.js';
import type { Candidate } from '../doc.js';
import type { Component, PipelineContext } from '../context.js';
import { nextTerm } from '../recognize/term-tags.js';
import { countBefore } from '../sorted.js';

interface Yield {
  source: string;
  types: string[];
  inside?: boolean;
  /** The tagger's types over the very same words that the entry gives way to. */
  to?: string[];
  /** The tagger's types of a longer span that the entry gives way to (default: any). */
  containers?: string[];
  minConfidence: number;
}

interface Weak {
  source: string;
  needsSupport: boolean;
  head?: boolean;
  lowerHeadGivesWay?: boolean;
}

/** Only lower-case words after a name, each after a space: a description of it ("news agency"). */
const LOWER_WORDS = /^(?:\s+\p{Ll}[\p{Ll}-]*)+$/u;

const WEAK = votes.weak as Weak[];
const YIELDS = votes.yields as Yield[];

/** The items overlapping [start, end), from items sorted by start, none longer than `longest` (tagger spans or candidates). */
function overlapping<T extends { start: number; end: number }>(list: readonly T[], longest: number, start: number, end: number): T[] {
  const lo = countBefore(list.length, (i) => list[i].start < start - longest);
  const out: T[] = [];
  for (let i = lo; i < list.length && list[i].start < end; i++) if (list[i].end > start) out.push(list[i]);
  return out;
}

/** Is the word after `end` a common noun in lower case ("Belfast brigade", not "Surrey beat")? */
function beforeCommonNoun(ctx: PipelineContext, end: number): boolean {
  const next = nextTerm(ctx, end);
  return next !== undefined && /^\p{Ll}/u.test(next.text) && next.tags.has('Noun') && !next.tags.has('Verb');
}

/** Why a candidate gives way to the tagger, or null when it stands (see model-votes.json). */
function givesWay(c: Candidate, spans: NerSpan[], ctx: PipelineContext): string | null {
  const weak = WEAK.find((w) => c.source === w.source);
  if (weak) {
    const other = (s: NerSpan) => s.start !== c.start || s.end !== c.end || s.type !== c.type;
    // A tagger span of the same type inside the candidate agrees on what it is and reads less of it
    // ("Command" of "United States Africa Command"): the longer name stands.
    // …unless only lower-case words follow it ("Interfax news agency"): then they describe the tagger's name.
    const described = (s: NerSpan) => weak.lowerHeadGivesWay === true && s.type === c.type && s.start >= c.start && s.end < c.end && LOWER_WORDS.test(ctx.text.slice(s.end, c.end));
    const shorterSame = (s: NerSpan) => weak.head === true && s.type === c.type && s.start >= c.start && s.end <= c.end;
    if (spans.some((s) => other(s) && (described(s) || (!shorterSame(s) && (!weak.head || s.end >= c.end))))) return 'weak';
    if (weak.needsSupport && spans.length === 0) return 'unsupported';
    return null;
  }
  for (const y of YIELDS) {
    if (!c.source.startsWith(y.source) || !y.types.includes(c.type)) continue;
    const why = yieldsTo(c, y, spans, ctx);
    if (why) return why;
  }
  return null;
}

/** Why a table entry gives way to a tagger span under one `yields` row, or null. */
function yieldsTo(c: Candidate, y: Yield, spans: NerSpan[], ctx: PipelineContext): string | null {
  for (const s of spans) {
    // A name that is none of sitrep's types ("Boston Marathon", MISC) leaves its place a place: where an event happened.
    if (s.confidence < y.minConfidence || s.type === null) continue;
    const contains = s.start <= c.start && s.end >= c.end && s.end - s.start > c.end - c.start;
    if (contains && (!y.containers || y.containers.includes(s.type))) return 'inside';
    // The same words read as a group or a person ("Surrey beat Kent", "Duran, 45, takes on"): the tagger's reading stands,
    // but "the Belfast brigade", a place before a common noun, stays a place unless the tagger is very sure (recognize/compromise-entities.ts says why).
    // In capitals the tagger reads a truecased guess, blind to the writer's case: there it needs to be surer.
    if (y.inside || s.start !== c.start || s.end !== c.end || !(y.to ?? ['group']).includes(s.type)) continue;
    if (s.type === 'group' && s.confidence < votes.beforeNounMinConfidence && beforeCommonNoun(ctx, c.end)) continue;
    if (!(s.confidence < votes.capitalsMinConfidence && ctx.inCapitals(c.start, c.end))) return s.type;
  }
  return null;
}

/**
 * The tagger's vote against other recognizers' candidates: weak taggers give way where it
 * disagrees, and place entries give way to a longer name or a group it reads in the same words.
 */
export const modelVotes: Component = {
  name: 'refine/model-votes',
  run(ctx) {
    // Without the tagger (`sitrep eval`'s "rules alone", a pipeline that leaves it out) there is no vote.
    if (!ctx.has(nerSpans)) return;
    const spans = [...nerSpans(ctx)].sort((a, b) => a.start - b.start);
    if (spans.length === 0 && !WEAK.some((w) => w.needsSupport)) return;
    let longest = 0;
    for (const s of spans) longest = Math.max(longest, s.end - s.start);
    const kept = ctx.candidates.filter((c) => c.source === NER_SOURCE || givesWay(c, overlapping(spans, longest, c.start, c.end), ctx) === null);
    // An unsure tagger defers: its span goes where another recognizer proposed another type over the same words.
    const others = kept.filter((c) => c.source !== NER_SOURCE).sort((a, b) => a.start - b.start);
    let otherLongest = 0;
    for (const c of others) otherLongest = Math.max(otherLongest, c.end - c.start);
    const unsure = (c: Candidate) => c.source === NER_SOURCE && c.confidence < votes.deferBelow && overlapping(others, otherLongest, c.start, c.end).some((o) => o.type !== c.type);
    // Where a rule or table proposes the very span and type the tagger does, the rule's provenance stands (both agree).
    const agreed = new Set(others.map((o) => `${o.start}:${o.end}:${o.type}`));
    const decided = kept.filter((c) => !unsure(c) && !(c.source === NER_SOURCE && agreed.has(`${c.start}:${c.end}:${c.type}`)));
    ctx.replaceCandidates(decided);
  },
};
