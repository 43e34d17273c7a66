import appositions from '../lexicon/person-appositions.json' with { type: 'json' };
import { nextTerm, taggedTerms } from './term-tags.js';
import { wordTokens } from './tokens.js';
import type { Component, PipelineContext } from '../context.js';
import { alternation, lowerSet } from '../lexicon/word-set.js';

const CAP = "\\p{Lu}[\\p{Ll}\\p{M}'’-]+";
/** Two to four capitalised words (maybe joined by "del", "de", "bin"), a comma, then an article or a relative. */
const NAME = new RegExp(`(?<![\\p{L}\\p{M}'’-])(${CAP}(?:[ \\t]+(?:(?:${alternation(appositions.nameJoiners)})[ \\t]+)?${CAP}){1,3}),[ \\t]+(?=(${alternation([...appositions.articles, ...appositions.relatives])})(?![\\p{L}]))`, 'gu');
const RELATIVES = lowerSet(appositions.relatives);
const ROLE_WORDS = lowerSet(appositions.roleWords);
/** The word right before a name, which may make it no person's. */
const wordBefore = (words: string[]) => new RegExp(`(?:^|[^\\p{L}])(?:${alternation(words)})\\s+$`, 'iu');
const NOT_AFTER = wordBefore(appositions.notAfter.words);
const NOT_AFTER_BEFORE_WHO = wordBefore([...appositions.notAfter.words, ...appositions.notAfterBeforeWho.words]);
/** Tags of a first word that opens a sentence rather than a name. */
const FUNCTION_TAGS = ['Conjunction', 'Preposition', 'Determiner', 'Adverb', 'Pronoun', 'Verb'];

/** Whether a role noun comes within a few words after the article at `at` (before any verb or preposition). */
function roleFollows(ctx: PipelineContext, at: number): boolean {
  const next = nextTerm(ctx, at);
  if (!next) return false;
  const { terms, byStart } = taggedTerms(ctx);
  const first = byStart.get(next.start)!;
  for (const t of terms.slice(first, first + appositions.maxWordsToRole)) {
    if (appositions.roleTags.some((g) => t.tags.has(g)) || ROLE_WORDS.has(t.text.toLowerCase().replace(/[^\p{L}]+$/u, ''))) return true;
    if (t.tags.has('Verb') || t.tags.has('Preposition') || /[,.;:]$/.test(t.text)) return false;
  }
  return false;
}

/**
 * People named before an apposition that describes a person ("Salman Abedi, the British-Libyan
 * who…", "Knox Thames, the Special Advisor"): a person candidate over the name, unless a lexicon
 * knows the whole name (a group, a country, a place). The people-over-gazetteer refiner then drops
 * the generated-gazetteer places inside it ("Salman" is also a town).
 */
export const appositivePeople: Component = {
  name: 'recognize/appositive-people',
  run(ctx) {
    NAME.lastIndex = 0;
    for (let m = NAME.exec(ctx.text); m; m = NAME.exec(ctx.text)) {
      const start = m.index;
      const end = start + m[1].length;
      const after = start + m[0].length;
      const word = m[2].toLowerCase();
      const before = ctx.text.slice(Math.max(0, start - 12), start);
      if ((RELATIVES.has(word) ? NOT_AFTER_BEFORE_WHO : NOT_AFTER).test(before)) continue;
      if (!RELATIVES.has(word) && !roleFollows(ctx, after + m[2].length)) continue;
      // "But José, a bus driver": a sentence's opening word is not part of the name.
      const { terms, byStart } = taggedTerms(ctx);
      const first = terms[byStart.get(start) ?? -1];
      if (!first || FUNCTION_TAGS.some((g) => first.tags.has(g))) continue;
      // "the Social Democrats, who gained 22 seats": a plural name is a group of people, not a person.
      const last = terms[(byStart.get(end - m[1].split(/[ \t]+/).pop()!.length) ?? -1)];
      if (last?.tags.has('Plural')) continue;
      const name = m[1];
      const known = ctx.lexicon.matcher.match(name, wordTokens(name)).some((x) => x.start === 0 && x.end === name.length);
      if (known) continue;
      ctx.propose({ type: 'person', start, end, source: 'rule:person/apposition', confidence: appositions.confidence, priority: 0 });
    }
  },
};
