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
 * over 60 Brown documents). Here a pattern whose first step is such a plain term test is tried only
 * where that test can pass; the rest of the sentence is copied only there. Measured: sitrep's parse of 80
 * Brown documents took 3.02–3.29 s against 3.19–3.59 s (4 rounds, interleaved); on 20 documents 84% of the
 * matcher's calls were narrowed, and 90% of the terms they would have tried were passed over.
 *
 * How it stays compromise's match: at such a term, compromise's own matcher is run on the rest of the
 * sentence with the pattern anchored at its start (`^`). Inside compromise a term's place only ever
 * counts from the sentence's start for `^` (place 0, which anchoring supplies) and is otherwise
 * compared with the sentence's end, which the rest of the sentence shares. The skip over a match,
 * `justOne` and the named groups are compromise's steps (src/1-one/match/methods/match of compromise
 * 14.17), done here on those answers. Patterns this cannot narrow (a first step that is optional,
 * negative, a choice of several, `.`, or anchored at the start; a last step anchored at the end,
 * whose filter compromise applies after the skip; a `notIf`) go to compromise's matcher as they are.
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
  start?: boolean;
  end?: boolean;
  [field: string]: unknown;
}

type Ptr = [number, number, number, ...unknown[]];
interface Todo {
  regs: Reg[];
  group?: string | number;
  justOne?: boolean;
  notIf?: unknown;
}
interface MatchResult {
  ptrs: Ptr[];
  byGroup: Record<string, Ptr[]>;
}
export type MatchFn = (docs: MatchTerm[][], todo: Todo, cache?: (Set<string> | undefined)[] | null) => MatchResult;

/**
 * Whether compromise's term test (`doesMatch`) is sure to say no for this step at this term. It says
 * so only where it follows that test exactly (a word, a tag, a set of words, the `^`/`$` places; the
 * same checks in the same order, on the same truthiness);
 * for anything else it answers false, and the pattern is tried there as compromise would.
 */
export function cannotMatchTerm(term: MatchTerm, reg: Reg, index: number, length: number): boolean {
  if (reg.anything === true || reg.negative === true) return false;
  if (reg.start === true && index !== 0) return true;
  if (reg.end === true && index !== length - 1) return true;
  if (reg.id !== undefined && reg.id === term.id) return false;
  if (reg.word !== undefined) {
    if (reg.use) return reg.word !== term[reg.use];
    if (reg.fuzzy === true) return false;
    if (term.machine != null && term.machine === reg.word) return false;
    if (term.alias && term.alias.includes(reg.word)) return false;
    return reg.word !== term.text && reg.word !== term.normal;
  }
  if (reg.tag !== undefined) return !term.tags.has(reg.tag);
  if (reg.fastOr !== undefined && hasOnlyFastOr(reg)) {
    if (reg.pos && !term.tags.has(reg.pos)) return true;
    const str = term.root || term.implicit || term.machine || term.normal;
    return !reg.fastOr.has(str) && !reg.fastOr.has(term.text);
  }
  return false;
}

/** The term tests compromise tries before a set of words (`fastOr`); a step with one of them is not a plain set. */
const BEFORE_FAST_OR = ['method', 'pre', 'post', 'regex', 'chunk', 'switch', 'machine', 'sense'] as const;

function hasOnlyFastOr(reg: Reg): boolean {
  for (const k of BEFORE_FAST_OR) if (reg[k] !== undefined) return false;
  return true;
}

/** A step that compromise's matcher tests against the one term it has reached, and fails there if the test fails. */
function plainStep(reg: Reg): boolean {
  return reg.anything !== true && reg.choices === undefined && reg.negative !== true && reg.optional !== true && reg.start !== true && !(reg.end === true && reg.greedy === true);
}

/** What is worked out once per pattern (compromise parses a pattern once per call; sweeps keep theirs). */
interface Plan {
  /** The pattern anchored at its start, for compromise's matcher on the rest of a sentence; undefined: not narrowed. */
  anchored?: Reg[];
  /**
   * The pattern's leading steps that each test one term in turn (plain, neither greedy nor anchored
   * at the end, save the last): a match starting at term i needs step r to pass at term i + r.
   */
  lead: Reg[];
  /** The fewest terms a match takes (its steps neither optional nor negative). */
  minLength: number;
}
const plans = new WeakMap<Reg[], Plan>();

function planFor(regs: Reg[]): Plan {
  let plan = plans.get(regs);
  if (plan === undefined) {
    const narrow = plainStep(regs[0]) && regs[regs.length - 1].end !== true;
    const lead: Reg[] = [];
    if (narrow) {
      for (const reg of regs) {
        if (!plainStep(reg)) break;
        lead.push(reg);
        if (reg.greedy === true || reg.end === true) break;
      }
    }
    plan = {
      anchored: narrow ? [{ ...regs[0], start: true }, ...regs.slice(1)] : undefined,
      lead,
      minLength: regs.filter((r) => r.optional !== true && r.negative !== true).length,
    };
    plans.set(regs, plan);
  }
  return plan;
}

/**
 * Whether no match can start at term i: one of the pattern's leading steps fails at its term. A term
 * that is half of a contraction ("we" of "we've") may take the next one with it, so the terms after it
 * are not tested.
 */
function cannotStartAt(terms: MatchTerm[], i: number, lead: Reg[]): boolean {
  for (let r = 0; r < lead.length; r++) {
    const t = i + r;
    if (t >= terms.length) return false;
    if (cannotMatchTerm(terms[t], lead[r], t, terms.length)) return true;
    if (terms[t].implicit) return false;
  }
  return false;
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

/** compromise's matcher, narrowed to the terms a pattern can start at; `stock` is compromise's own. */
export function narrowedMatch(stock: MatchFn): MatchFn {
  return function narrowedRunMatch(docs, todo, given) {
    const cache = given ?? [];
    const { regs } = todo;
    if (!regs || regs.length === 0 || todo.notIf !== undefined) return stock(docs, todo, cache);
    const plan = planFor(regs);
    const anchored = plan.anchored;
    if (anchored === undefined) return stock(docs, todo, cache);
    const found: Found[] = [];
    docs: for (let n = 0; n < docs.length; n++) {
      const terms = docs[n];
      const have = cache[n];
      if (have !== undefined && lacksNeeded(regs, have)) continue;
      for (let i = 0; i < terms.length; i++) {
        if (terms.length - i < plan.minLength) break;
        if (cannotStartAt(terms, i, plan.lead)) continue;
        const res = stock([terms.slice(i)], { regs: anchored });
        if (res.ptrs.length === 0) continue;
        const shift = (p: Ptr): Ptr => [n, p[1] + i, p[2] + i];
        const groups: Record<string, Ptr> = {};
        for (const k of Object.keys(res.byGroup)) groups[k] = shift(res.byGroup[k][0]);
        const pointer = shift(res.ptrs[0]);
        found.push({ pointer, groups });
        if (todo.justOne === true) break docs;
        // Go on after the match, as compromise does.
        const end = pointer[2];
        if (Math.abs(end - 1) > i) i = Math.abs(end - 1);
      }
    }
    const out = byGroup(found, todo.group);
    for (const ptr of out.ptrs) {
      const [n, start, end] = ptr;
      ptr[3] = docs[n][start].id;
      ptr[4] = docs[n][end - 1].id;
    }
    return out;
  };
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
  const one = (nlp as { _world: { methods: { one: { match: MatchFn } } } })._world.methods.one;
  one.match = narrowedMatch(one.match);
}
