import cues from '../lexicon/state-actor-cues.json' with { type: 'json' };
import { nextTerm } from '../recognize/term-tags.js';
import type { Candidate } from '../doc.js';
import type { Component, PipelineContext } from '../context.js';
import { lowerSet as lower } from '../lexicon/word-set.js';
import { countBefore } from '../sorted.js';

const PLACE_PARTS = lower(cues.possessedPlaceNouns.words);
const ACTOR_NOUNS = lower(cues.actorNouns.words);
const ACTOR_VERBS = lower(cues.actorVerbs.words);
const PREPOSITIONS = lower(cues.placePrepositions.words);
const RELATIONAL = lower(cues.relationalNouns.words);
const RELATIONAL_PREPOSITIONS = lower(cues.relationalNouns.prepositions);
const TARGET = lower(cues.targetNouns.words);
const TARGET_PREPOSITIONS = lower(cues.targetNouns.prepositions);
const AGENTIVE_ADJECTIVES = lower(cues.agentivePredicates.adjectives);
const AGENTIVE_NOUNS = lower(cues.agentivePredicates.nouns);
const EXEMPLIFIERS = lower(cues.exemplifiers.words);
const COLLECTIVE = lower(cues.exemplifiers.collectiveNouns);
const FOR_TO_AFTER = cues.infinitivalSubject.after.toLowerCase();
const FOR_TO_NOT = lower(cues.infinitivalSubject.notVerbs);
const STATE_KINDS = new Set(cues.coordinationWithGroups.kinds);
const STATE_SOURCES = cues.coordinationWithGroups.sources;
const STATE_HEADS = lower(cues.coordinationWithGroups.heads);
const SUBJECT_VERBS = lower(cues.subjectVerbs.words);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const COPULAS = new Set([...BE, 'has', 'have', 'had', 'seems', 'seemed', 'remains', 'remained', 'remain', 'becomes', 'became', 'become', 'stays', 'stayed', 'stay']);
const HAVE = new Set(['has', 'have', 'had']);
const MODALS = new Set(['will', 'would', 'must', 'should', 'can', 'could', 'may', 'might', 'shall']);
/** Words between a copula and its predicate that say nothing of it ("is not yet", "remains fully"). */
const FILLERS = new Set(['not', 'also', 'still', 'now', 'already', 'always', 'very', 'so', 'too', 'yet', 'again', 'once', 'ever', 'never', 'more', 'most', 'as', 'to']);
/** What may stand between two conjuncts: "Russia and Turkey", "Iran, Saudi Arabia", "UK-France". */
const CONJUNCTION = /^(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+|,\s*or\s+|-)(?:the\s+)?$/i;
/** Between a country and an organisation it is coordinated with: "Russia and the wider Global Coalition". */
const CONJUNCTION_TO_GROUP = /^(?:,|\s+and|,\s*and|\s+or|,\s*or|\s+either)\s+(?:(?:the|its|our|their|other|wider|whole|entire|international|global|either|both)\s+){0,2}$/i;

/** Countries joined into one list ("Russia and Turkey", "Iran, Saudi Arabia and Egypt", "UK-France") share one role. */
function coordinated(text: string, countries: Candidate[]): Candidate[][] {
  const groups: Candidate[][] = [];
  for (const c of countries) {
    const last = groups[groups.length - 1]?.at(-1);
    if (last && CONJUNCTION.test(text.slice(last.end, c.start))) groups[groups.length - 1].push(c);
    else groups.push([c]);
  }
  // Commas make a list only when a conjunction closes it ("Iran, Saudi Arabia and Egypt"); "inside
  // Turkey, the United States is committed" is two phrases.
  return groups.flatMap((g) => {
    const gaps = g.slice(1).map((c, i) => text.slice(g[i].end, c.start));
    if (gaps.some((x) => !/^,\s*(?:the\s+)?$/i.test(x))) return [g];
    // "partners in Syria, Iraq, and the international community": a conjunction after the last closes it too.
    if (/^,?\s+(?:and|or)\s/i.test(text.slice(g[g.length - 1].end, g[g.length - 1].end + 6))) return [g];
    return g.map((c) => [c]);
  });
}

/** Up to `n` words before `start`, nearest first, lower case, not across punctuation; "the" is skipped. */
function wordsBefore(text: string, start: number, n: number): string[] {
  const m = /(?:[\p{L}'’-]+\s+){0,8}$/u.exec(text.slice(Math.max(0, start - 100), start));
  const words = (m?.[0] ?? '').trim().split(/\s+/).filter(Boolean).reverse();
  return words.filter((w, i) => !(i === 0 && /^the$/i.test(w))).slice(0, n).map((w) => w.toLowerCase());
}

function wordBefore(text: string, start: number): string {
  return wordsBefore(text, start, 1)[0] ?? '';
}

/** The words of the clause that follows `at`, up to punctuation, lower case. */
function clauseAfter(text: string, at: number): string[] {
  const m = /^[^,.;:!?()–—"“”\n]*/u.exec(text.slice(at, at + 120));
  return (m?.[0] ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * After a copula, a predicate of will, attitude or role ("is committed", "remains steadfast in",
 * "is a key player", "is one of our most important partners") needs an agent as its subject.
 */
function agentivePredicate(text: string, at: number): boolean {
  const words = clauseAfter(text, at);
  let i = 0;
  while (i < words.length && (COPULAS.has(words[i]) || MODALS.has(words[i]) || FILLERS.has(words[i]) || /ly$/.test(words[i]))) i++;
  if (i === 0) return false;
  if (AGENTIVE_ADJECTIVES.has(words[i])) return true;
  return words.slice(i, i + 7).some((w) => AGENTIVE_NOUNS.has(w));
}

/** A parenthetical after the subject ("The UK, as part of the Global Coalition, is committed"): where the clause goes on. */
function pastParenthetical(text: string, end: number): number {
  const m = /^,\s*(?:as|like|with|together with|along with|alongside|in|for its part|for their part)\b[^,.;:()]{0,80},/iu.exec(text.slice(end, end + 120));
  return m ? end + m[0].length : end;
}

/** Subject of a verb of action ("The UK stands by", "Iraq faces", "Russia has pressed", "The UK is committed"). */
function subjectCue(ctx: PipelineContext, end: number): string | undefined {
  const text = ctx.text;
  const at = pastParenthetical(text, end);
  const after = text.slice(at, at + 40);
  const firstWord = /^\s+([\p{L}]+)/u.exec(after)?.[1]?.toLowerCase();
  if (firstWord && SUBJECT_VERBS.has(firstWord) && !/^[,;]/.test(after)) return 'subject';
  let next = nextTerm(ctx, at);
  // "The United States strongly condemns": look past adverbs.
  while (next && next.tags.has('Adverb') && !next.tags.has('Verb')) next = nextTerm(ctx, next.end);
  if (!next || /^[,;]/.test(after) || !next.tags.has('Verb') || next.tags.has('Gerund') || next.tags.has('Participle')) return undefined;
  const w = next.text.toLowerCase();
  if (!COPULAS.has(w) && !MODALS.has(w)) return 'subject';
  if (agentivePredicate(text, at)) return 'subject';
  const then = nextTerm(ctx, next.end);
  // "Russia has a special responsibility": possession, not an auxiliary.
  if (HAVE.has(w) && then && (then.tags.has('Determiner') || (then.tags.has('Noun') && !then.tags.has('Verb')))) return 'subject';
  if (!then || !then.tags.has('Verb')) return undefined;
  const t = then.text.toLowerCase();
  if (COPULAS.has(t)) return undefined;
  if (BE.has(w) && !then.tags.has('Gerund')) return undefined;
  return 'subject';
}

/** Which cue, if any, makes this list of countries a state actor. */
function actorCue(ctx: PipelineContext, list: Candidate[], groups: Groups, states: ReadonlySet<Candidate>): string | undefined {
  const text = ctx.text;
  const first = list[0];
  const last = list[list.length - 1];
  const before = wordBefore(text, first.start);
  const after = text.slice(last.end, last.end + 60);
  // Possessor of an act of state ("Australia's diplomatic efforts", "the United States' message");
  // other possessives ("Venezuela's flag", "Russia's turbulent North Caucasus") leave the country a place.
  const poss = /^(?:['’]s|['’](?=\s))((?:\s+[\p{L}-]+){1,3})/u.exec(after);
  if (poss && (after[1] === 's' || /s$/.test(text.slice(last.start, last.end)))) {
    // The possessed noun: the first actor noun among the next three words, before any place part.
    for (const word of poss[1].trim().split(/\s+/).map((x) => x.toLowerCase())) {
      if (PLACE_PARTS.has(word)) return undefined;
      if (ACTOR_NOUNS.has(word)) return 'possessive';
    }
    return undefined;
  }
  const nextRaw = /^ ([\p{L}-]+)/u.exec(after)?.[1];
  const nextWord = nextRaw?.toLowerCase();
  // "UK-France co-operation", "the UK-France Summit": the parties of a relation.
  if (list.length > 1 && text.slice(list[0].end, list[1].start) === '-' && nextWord && (RELATIONAL.has(nextWord) || ACTOR_NOUNS.has(nextWord))) return 'bilateral';
  if (/^-\s*\S+\s+(?:co-?operation|relations?|relationship|summit|talks|agreement)/iu.test(after)) return 'bilateral';
  // "relations with the United States", "joint action between UK and France".
  if (RELATIONAL_PREPOSITIONS.has(before) && wordsBefore(text, first.start, 4).slice(1).some((w) => RELATIONAL.has(w))) return 'party';
  // "a threat to the UK".
  if (TARGET_PREPOSITIONS.has(before) && wordsBefore(text, first.start, 4).slice(1).some((w) => TARGET.has(w))) return 'target';
  // "pressed for Russia to use its influence".
  const forTo = /^\s+to\s+([\p{L}]+)/u.exec(after);
  if (before === FOR_TO_AFTER && forTo && !FOR_TO_NOT.has(forTo[1].toLowerCase())) return 'subject';
  // "UK support", "for the Iraq people", "attacks on U.S. forces": a modifier of an actor noun, whatever the preposition.
  // (A capitalised word after a country may begin a title or a name: "In Turkey Minister Ellwood met".)
  if (nextRaw && /^\p{Ll}/u.test(nextRaw) && ACTOR_NOUNS.has(nextRaw)) return 'modifier';
  // "U.S., German, and Canadian companies": one of several modifiers of an actor noun.
  const head = /^(?:(?:,\s*|\s+and\s+|,\s*and\s+|\s+or\s+)\p{Lu}[\p{L}.’'-]*)+ (\p{Ll}[\p{L}-]*)/u.exec(after)?.[1];
  if (head && ACTOR_NOUNS.has(head)) return 'modifier';
  if (PREPOSITIONS.has(before)) return undefined;
  if (nextWord && ACTOR_NOUNS.has(nextWord)) return 'modifier';
  // "the international community – including Russia and Iran", "its backers, notably Russia".
  const ex = exemplified(text, first.start, groups);
  if (ex) return ex;
  if (before === 'by' && /(?:ed|en)$/.test(wordBefore(text, text.lastIndexOf('by', first.start)))) return 'agent';
  const two = wordsBefore(text, first.start, 2).reverse().join(' ');
  if (ACTOR_VERBS.has(before) || ACTOR_VERBS.has(two)) return 'object';
  if (coordinatedWithGroup(text, first, last, groups, states)) return 'coordinated';
  return subjectCue(ctx, last.end);
}

/** Countries given as examples of a group of actors: what precedes the exemplifier is an organisation or a collective noun. */
function exemplified(text: string, start: number, groups: Groups): string | undefined {
  const from = Math.max(0, start - 100);
  const window = text.slice(from, start);
  const m = /(?:^|[\s,;:(–—-])(such as|in particular|[\p{L}]+)\s+(?:the\s+)?$/iu.exec(window);
  if (!m || !EXEMPLIFIERS.has(m[1].toLowerCase())) return undefined;
  const cueStart = from + m.index + m[0].indexOf(m[1]);
  const lead = text.slice(from, cueStart).replace(/[\s,;:–—-]+$/u, '');
  if (groups.ends.has(from + lead.length)) return 'example';
  const words = lead.toLowerCase().split(/\s+/);
  return COLLECTIVE.has(words.at(-1) ?? '') || COLLECTIVE.has(words.slice(-2).join(' ')) ? 'example' : undefined;
}

/**
 * A country coordinated with a government or an intergovernmental body ("the Asad regime or
 * Russia", "The UK, the wider Global Coalition and") is of its kind. A coordination that also holds
 * an organisation of another kind ("among the Taliban, Russia and Western governments") says nothing.
 */
function coordinatedWithGroup(text: string, first: Candidate, last: Candidate, groups: Groups, states: ReadonlySet<Candidate>): boolean {
  const before = groups.byEnd.within(first.start - 39, first.start + 1).filter((g) => CONJUNCTION_TO_GROUP.test(text.slice(g.end, first.start)));
  const after = groups.byStart.within(last.end, last.end + 40).filter((g) => CONJUNCTION_TO_GROUP.test(text.slice(last.end, g.start)));
  const neighbours = [...before, ...after];
  return neighbours.length > 0 && neighbours.every((g) => states.has(g));
}

/** Candidates sorted by one offset: those with it in [from, to) by binary search, not a scan of all of them per country. */
class ByOffset {
  private readonly sorted: Candidate[];
  private readonly keys: number[];
  constructor(cs: readonly Candidate[], key: (c: Candidate) => number) {
    this.sorted = [...cs].sort((a, b) => key(a) - key(b));
    this.keys = this.sorted.map(key);
  }
  private first(at: number): number {
    const lo = countBefore(this.keys.length, (i) => this.keys[i] < at);
    return lo;
  }
  within(from: number, to: number): Candidate[] {
    return this.sorted.slice(this.first(from), this.first(to));
  }
}

/** The organisations a country may be listed with or exemplify, looked up by where they end and start. */
interface Groups {
  byEnd: ByOffset;
  byStart: ByOffset;
  ends: ReadonlySet<number>;
}

/**
 * A country named as an actor — subject of a verb or of a predicate of will or role ("The UK is
 * committed", "Turkey is a key player"), possessor of an act ("Australia's diplomatic efforts"),
 * agent of a passive ("announced by Russia"), object of a verb of support ("to support Iraq"),
 * modifier of an act ("UK support"), party to a relation ("relations with the United States"),
 * an example of actors ("the international community – including Russia and Iran"), or
 * coordinated with an organisation ("the Asad regime or Russia") — stands for its state: the
 * mention becomes a group (source `rule:state-actor/<cue>`) that still links to the country. A
 * list of countries shares one role. After the overlap refiner, so only countries that won their
 * span are considered.
 */
export const stateActors: Component = {
  name: 'refine/state-actors',
  run(ctx) {
    const countries = ctx.candidates.filter((c) => c.type === 'country').sort((a, b) => a.start - b.start);
    // Organisations named in the text (not common nouns such as "the government"), and the
    // international community, which the exemplifier cue reads.
    const groups = ctx.candidates.filter((c) => c.type === 'group' && (!c.source.startsWith('rule:nominal/') || /community|coalition/.test(c.source)));
    // Governments, state bodies and intergovernmental bodies, which a coordinated country joins.
    const states = groups.filter(
      (g) =>
        STATE_SOURCES.some((s) => g.source.startsWith(s)) ||
        STATE_KINDS.has(ctx.lexicon.entities.get(g.key ?? '')?.kind ?? '') ||
        STATE_HEADS.has(/([\p{L}]+)\W*$/u.exec(ctx.text.slice(g.start, g.end))?.[1]?.toLowerCase() ?? ''),
    );
    const byOffset: Groups = { byEnd: new ByOffset(groups, (g) => g.end), byStart: new ByOffset(groups, (g) => g.start), ends: new Set(groups.map((g) => g.end)) };
    const stateSet = new Set(states);
    for (const list of coordinated(ctx.text, countries)) {
      const cue = actorCue(ctx, list, byOffset, stateSet);
      if (!cue) continue;
      for (const c of list) {
        c.type = 'group';
        c.source = `rule:state-actor/${cue}`;
        c.confidence = Math.min(c.confidence, 0.6);
      }
    }
  },
};
