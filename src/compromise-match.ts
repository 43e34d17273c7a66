/**
 * compromise's matcher (`methods.one.match`: every `doc.match(…)` and every pattern a sweep tries),
 * with the places a match may start picked out first. Installed on sitrep's own compromise instance
 * only (src/nlp.ts); the matching itself is still compromise's, so the matches are the same
 * (test/recognize/compromise-match.test.ts compares both).
 *
 * Why: compromise 14 tries a pattern at every term of a sentence, and for each it copies the rest of
 * the sentence (`terms.slice(i)`) and makes a fresh matching state, although most patterns begin with
 * one plain word or tag that the term at hand does not have. That was a fifth of a bare parse's time
 * with sitrep's sweep (its `runMatch` and `tryHere`, plus the garbage they leave; `node --cpu-prof`
 * over 60 Brown documents). Here a pattern is tried only at the terms where its first steps can pass;
 * the rest of the sentence is copied only there. Measured on 20 Brown documents (patterns anchored at
 * a sentence's start left out: compromise tries those once per sentence): 91% of the matcher's calls are
 * narrowed, and compromise's matcher is asked to try 11% of the terms it would have tried (166,000
 * of 1.49 million; 615,000 when only patterns with a plain first step and no `notIf` were narrowed).
 * sitrep's parse of 200 Brown documents then took 7.4–9.6 s of CPU against 8.6–10.4 s (3 rounds,
 * interleaved), allocating 21 MB per document instead of 27 (V8's sampling heap profiler, 60 documents).
 *
 * How it stays compromise's match: at such a term, compromise's own matcher is run on the rest of the
 * sentence with the pattern anchored at its start (`^`). Inside compromise a term's place only ever
 * counts from the sentence's start for `^` (place 0, which anchoring supplies) and is otherwise
 * compared with the sentence's end, which the rest of the sentence shares. The skip over a match,
 * `justOne` and the named groups are compromise's steps (src/1-one/match/methods/match of compromise
 * 14.17), done here on those answers; so is the `notIf` filter of compromise's sweeps. A pattern whose
 * first step is optional or a choice (`#Honorific+? #Person+`, `(#Place|#Address)+`) is tried where its
 * first term can be taken by that step or, past the optional ones, by a later one. Before, these were
 * handed on, and so were all patterns with a `notIf`: together about 40% of the places a parse tried
 * (20 Brown documents). Patterns this cannot narrow (a first step that is negative or `.`, or anchored
 * at the start, which compromise tries once per sentence; a last step anchored at the end, whose filter
 * compromise applies after the skip, in the pattern or its `notIf`) go to compromise's matcher as they are.
 */

import { hasAny } from './compromise-sweep.js';

/** The parts of a compromise term the first-step test reads. */
export interface MatchTerm {
  id?: string;
  text: string;
  normal: string;
  machine?: string | null;
  root?: string;
  implicit?: string;
  alias?: string[];
  tags: Set<string>;
  [field: string]: unknown;
}

/** One step of a parsed compromise pattern (the fields this file reads). */
export interface Reg {
  word?: string;
  tag?: string;
  fastOr?: Set<string>;
  pos?: string;
  id?: string;
  use?: string;
  fuzzy?: boolean;
  optional?: boolean;
  negative?: boolean;
  anything?: boolean;
  greedy?: boolean;
  choices?: unknown;
  /** How a choice of several is matched: 'or' (one of them) or 'and' (all of them). */
  operator?: string;
  /** A term method (`@hasComma`). */
  method?: string;
  start?: boolean;
  end?: boolean;
  [field: string]: unknown;
}

type Ptr = [number, number, number, ...unknown[]];
interface Todo {
  regs: Reg[];
  group?: string | number;
  justOne?: boolean;
  /** A pattern that rules a match out if it matches anywhere inside it (compromise's sweeps parse it to steps). */
  notIf?: unknown;
}
interface MatchResult {
  ptrs: Ptr[];
  byGroup: Record<string, Ptr[]>;
}
export type MatchFn = (docs: MatchTerm[][], todo: Todo, cache?: (Set<string> | undefined)[] | null) => MatchResult;

/** compromise's term methods (`@hasComma`…: `methods.one.termMethods`), by name. */
export type TermMethods = Record<string, unknown>;

/**
 * Whether compromise's term test (`doesMatch`) is sure to say no for this step at this term. It says
 * so only where it follows that test exactly (a word, a tag, a set of words, a part-of-speech switch,
 * a chunk, a machine form, a sense, a term method among `termMethods` (compromise's own, which it
 * calls the same way), the `^`/`$` places: the same checks in the same order, on the same truthiness);
 * for anything else (punctuation, a regular expression, a fuzzy word, a choice) it answers false, and
 * the pattern is tried there as compromise would.
 */
export function cannotMatchTerm(term: MatchTerm, reg: Reg, index: number, length: number, termMethods: TermMethods = {}): boolean {
  if (reg.anything === true || reg.negative === true) return false;
  if (reg.start === true && index !== 0) return true;
  if (reg.end === true && index !== length - 1) return true;
  if (reg.id !== undefined && reg.id === term.id) return false;
  if (reg.word !== undefined) {
    if (reg.use) return reg.word !== term[reg.use];
    if (reg.fuzzy === true) return false;
    return !hasWord(term, reg.word);
  }
  if (reg.tag !== undefined) return !term.tags.has(reg.tag);
  // compromise's later tests, in its order: the first one the step has decides.
  if (reg.method !== undefined) {
    const method = termMethods[reg.method];
    return typeof method === 'function' && method(term) !== true;
  }
  if (reg.pre !== undefined || reg.post !== undefined || reg.regex !== undefined) return false;
  if (reg.chunk !== undefined) return term.chunk !== reg.chunk;
  if (reg.switch !== undefined) return term.switch !== reg.switch;
  if (reg.machine !== undefined) return term.normal !== reg.machine && term.machine !== reg.machine && term.root !== reg.machine;
  if (reg.sense !== undefined) return term.sense !== reg.sense;
  if (reg.fastOr !== undefined) return !setHas(reg, term);
  return false;
}

/** A step that compromise's matcher tests against the one term it has reached, and fails there if the test fails. */
function plainStep(reg: Reg): boolean {
  return reg.anything !== true && reg.choices === undefined && reg.negative !== true && reg.optional !== true && reg.start !== true && !(reg.end === true && reg.greedy === true);
}

/**
 * The ways a step can take the first term of its match, each a list of steps that term must all pass
 * (compromise's term test); undefined where there is no test to be sure of: a negative step, `.`, a
 * greedy step anchored at the end (compromise lets it through on another test). A plain step is one
 * way; a choice of several (`(a b|c)`) is as many as it has choices, each by its first step, tested as
 * it is (compromise's `tryChoice`); a choice that must match all (`(a && #Noun)`) is one way, by every
 * choice's first step.
 */
function firstTermWays(reg: Reg): Reg[][] | undefined {
  if (reg.negative === true || reg.anything === true || (reg.end === true && reg.greedy === true)) return undefined;
  if (reg.choices === undefined) return [[reg]];
  const choices = reg.choices;
  if (!Array.isArray(choices) || !choices.every((c) => Array.isArray(c))) return undefined;
  const firsts = (choices as Reg[][]).filter((c) => c.length > 0).map((c) => c[0]);
  if (reg.operator === 'or') return firsts.map((f) => [f]);
  if (reg.operator === 'and') return [firsts];
  return undefined;
}

/**
 * The ways the first term of any match of a pattern that starts with optional steps or a choice can be
 * taken: by the first step, or, each optional one passed over, by one of those after it up to the first
 * that is not optional. Undefined if one of them has no test.
 */
function patternFirstTermWays(regs: Reg[]): Reg[][] | undefined {
  const ways: Reg[][] = [];
  for (const reg of regs) {
    const own = firstTermWays(reg);
    if (own === undefined) return undefined;
    ways.push(...own);
    if (reg.optional !== true) break;
  }
  return ways;
}

/** The quick skip for a first step that cannotMatchTerm decides by one kind of test alone. */
function quickSkip(reg: Reg): Pick<Plan, 'firstTag' | 'firstWord' | 'firstSet'> {
  if (reg.id !== undefined || reg.anything === true || reg.negative === true || reg.start === true || reg.end === true) return {};
  if (reg.word !== undefined) return reg.use || reg.fuzzy === true ? {} : { firstWord: reg.word };
  if (reg.tag !== undefined) return { firstTag: reg.tag };
  return reg.fastOr !== undefined && TESTED_BEFORE_A_SET.every((k) => reg[k] === undefined) ? { firstSet: reg } : {};
}

/** The kinds of step compromise's term test tries after a tag and before a set of words. */
const TESTED_BEFORE_A_SET = ['method', 'pre', 'post', 'regex', 'chunk', 'switch', 'machine', 'sense'] as const;

/** compromise's test of a word (not fuzzy, on no particular field): its machine form, a slash alias, its text or normal form. */
function hasWord(term: MatchTerm, word: string): boolean {
  return (term.machine != null && term.machine === word) || (!!term.alias && term.alias.includes(word)) || word === term.text || word === term.normal;
}

/** compromise's test of a set of words (`(a|b|c)`, a step with `fastOr`), on its own. */
function setHas(reg: Reg, term: MatchTerm): boolean {
  if (reg.pos && !term.tags.has(reg.pos)) return false;
  const str = term.root || term.implicit || term.machine || term.normal;
  const set = reg.fastOr as Set<string>;
  return set.has(str) || set.has(term.text);
}

/** What is worked out once per pattern (compromise parses a pattern once per call; sweeps keep theirs). */
interface Plan {
  /** The pattern anchored at its start, for compromise's matcher on the rest of a sentence; undefined: not narrowed. */
  anchored?: Todo;
  /**
   * The pattern's leading steps that each test one term in turn (plain, neither greedy nor anchored
   * at the end, save the last): a match starting at term i needs step r to pass at term i + r.
   */
  lead: Reg[];
  /** For a pattern whose first step is not plain: the ways a match's first term can be taken (patternFirstTermWays). */
  first?: Reg[][];
  /** The fewest terms a match takes (its steps neither optional nor negative). */
  minLength: number;
  /**
   * The quick skip, where the first step is one plain test (a tag: half the places tried; a word; a
   * set of words): the same answer as cannotMatchTerm, without its walk through the other kinds of step.
   */
  firstTag?: string;
  firstWord?: string;
  firstSet?: Reg;
}
const plans = new WeakMap<Reg[], Plan>();

function planFor(regs: Reg[]): Plan {
  let plan = plans.get(regs);
  if (plan === undefined) {
    const lead: Reg[] = [];
    let first: Reg[][] | undefined;
    // A last step anchored at the end is filtered after the skip over a match; `^` is compromise's quick case.
    if (regs[regs.length - 1].end !== true && regs[0].start !== true) {
      if (plainStep(regs[0])) {
        for (const reg of regs) {
          if (!plainStep(reg)) break;
          lead.push(reg);
          if (reg.greedy === true || reg.end === true) break;
        }
      } else {
        first = patternFirstTermWays(regs);
      }
    }
    plan = {
      anchored: lead.length > 0 || first !== undefined ? { regs: [{ ...regs[0], start: true }, ...regs.slice(1)] } : undefined,
      lead,
      ...(first ? { first } : {}),
      ...(lead.length > 0 ? quickSkip(lead[0]) : {}),
      minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length,
    };
    plans.set(regs, plan);
  }
  return plan;
}

/**
 * Whether no match can start at term i: one of the pattern's leading steps fails at its term, or its
 * first term's test does. The first `tested` leading steps are taken as passed. A term that is half
 * of a contraction ("we" of "we've") may take the next one with it, so the terms after it are not tested.
 */
function cannotStartAt(terms: MatchTerm[], i: number, plan: Plan, methods: TermMethods, tested: number): boolean {
  if (plan.first !== undefined) return noWayTakes(plan.first, terms[i], i, terms.length, methods);
  const { lead } = plan;
  for (let r = 0; r < lead.length; r++) {
    const t = i + r;
    if (t >= terms.length) return false;
    if (r >= tested && cannotMatchTerm(terms[t], lead[r], t, terms.length, methods)) return true;
    if (terms[t].implicit) return false;
  }
  return false;
}

/** Whether none of the ways can take the term: each has a step sure to fail there. */
function noWayTakes(ways: Reg[][], term: MatchTerm, index: number, length: number, methods: TermMethods): boolean {
  ways: for (const way of ways) {
    for (const reg of way) if (cannotMatchTerm(term, reg, index, length, methods)) continue ways;
    return false;
  }
  return true;
}

/** compromise's quick test of a sentence against a pattern: a word or tag the pattern needs is missing from it. */
function lacksNeeded(regs: Reg[], have: Set<string>): boolean {
  for (const reg of regs) {
    if (reg.optional === true || reg.negative === true || reg.fuzzy === true) continue;
    if (reg.word !== undefined && !have.has(reg.word)) return true;
    if (reg.tag !== undefined && !have.has(`#${reg.tag}`)) return true;
    if (reg.fastOr !== undefined && !hasAny(have, reg.fastOr)) return true;
  }
  return false;
}

interface Found {
  pointer: Ptr;
  groups: Record<string, Ptr>;
}

/** compromise's matcher, narrowed to the terms a pattern can start at; `stock` is compromise's own, `termMethods` the ones it calls. */
export function narrowedMatch(stock: MatchFn, termMethods: TermMethods = {}): MatchFn {
  return function narrowedRunMatch(docs, todo, cache) {
    const { regs } = todo;
    if (!regs || regs.length === 0) return stock(docs, todo, cache);
    const plan = planFor(regs);
    const anchored = plan.anchored;
    if (anchored === undefined || !checkableNotIf(todo.notIf)) return stock(docs, todo, cache);
    const { firstTag, firstWord, firstSet } = plan;
    const quick = firstTag !== undefined || firstWord !== undefined || firstSet !== undefined;
    let found: Found[] | undefined;
    docs: for (let n = 0; n < docs.length; n++) {
      const terms = docs[n];
      const have = cache?.[n];
      if (have !== undefined && lacksNeeded(regs, have)) continue;
      for (let i = 0; i < terms.length; i++) {
        if (terms.length - i < plan.minLength) break;
        const t = terms[i];
        if (firstTag !== undefined) {
          if (!t.tags.has(firstTag)) continue;
        } else if (firstWord !== undefined) {
          if (!hasWord(t, firstWord)) continue;
        } else if (firstSet !== undefined) {
          if (!setHas(firstSet, t)) continue;
        }
        // The quick skip has tested the first step already.
        if (cannotStartAt(terms, i, plan, termMethods, quick ? 1 : 0)) continue;
        const res = stock([terms.slice(i)], anchored);
        if (res.ptrs.length === 0) continue;
        const groups: Record<string, Ptr> = {};
        for (const k of Object.keys(res.byGroup)) groups[k] = shifted(res.byGroup[k][0], n, i);
        const pointer = shifted(res.ptrs[0], n, i);
        (found ??= []).push({ pointer, groups });
        if (todo.justOne === true) break docs;
        // Go on after the match, as compromise does.
        const end = pointer[2];
        if (Math.abs(end - 1) > i) i = Math.abs(end - 1);
      }
    }
    if (found === undefined) return { ptrs: [], byGroup: {} };
    const out = byGroup(todo.notIf ? withoutNotIf(found, todo.notIf as Reg[], docs, stock) : found, todo.group);
    for (const ptr of out.ptrs) {
      const [n, start, end] = ptr;
      ptr[3] = docs[n][start].id;
      ptr[4] = docs[n][end - 1].id;
    }
    return out;
  };
}

/** A pointer into the rest of sentence n from term i, as a pointer into the sentence. */
function shifted(p: Ptr, n: number, i: number): Ptr {
  return [n, p[1] + i, p[2] + i];
}

/**
 * Whether a `notIf` can be checked here as compromise checks it: none, or steps whose last is not
 * anchored at the end (compromise's matcher filters such matches again by their end, its `notIf` does not).
 */
function checkableNotIf(notIf: unknown): boolean {
  if (!notIf) return true;
  return Array.isArray(notIf) && (notIf.length === 0 || (notIf as Reg[])[notIf.length - 1].end !== true);
}

/**
 * compromise's `notIf` step: a match is dropped if the `notIf` steps match from any of its terms, the
 * match's terms taken as a sentence of their own. compromise's matcher, given those terms, tries the
 * steps from each term in turn in just that way (and stops where fewer terms are left than the steps
 * need, where no match can start either).
 */
function withoutNotIf(found: Found[], notIf: Reg[], docs: MatchTerm[][], stock: MatchFn): Found[] {
  return found.filter(({ pointer: [n, start, end] }) => stock([docs[n].slice(start, end)], { regs: notIf }).ptrs.length === 0);
}

/** compromise's `getGroup`: the whole matches and their named groups, or only one group's. */
function byGroup(found: Found[], group: string | number | undefined): MatchResult {
  const ptrs: Ptr[] = [];
  const groups: Record<string, Ptr[]> = {};
  if (found.length === 0) return { ptrs, byGroup: groups };
  const name = typeof group === 'number' ? String(group) : group;
  if (name) {
    for (const f of found) if (f.groups[name]) ptrs.push(f.groups[name]);
  } else {
    for (const f of found) {
      ptrs.push(f.pointer);
      for (const k of Object.keys(f.groups)) (groups[k] ??= []).push(f.groups[k]);
    }
  }
  return { ptrs, byGroup: groups };
}

/** Put the narrowed matcher in place of compromise's on one compromise instance (its `_world`). */
export function installNarrowedMatch(nlp: unknown): void {
  const one = (nlp as { _world: { methods: { one: { match: MatchFn; termMethods: TermMethods } } } })._world.methods.one;
  one.match = narrowedMatch(one.match, one.termMethods);
}
