import titles from '../lexicon/person-titles.json' with { type: 'json' };
import parts from '../lexicon/person-name-parts.json' with { type: 'json' };
import { taggedTerms } from './term-tags.js';
import { lexiconGivenName } from '../nlp.js';
import type { Component, PipelineContext } from '../context.js';
import type { Candidate } from '../doc.js';

const GIVEN = new Set(parts.givenNames.words);
const NAME_PARTICLES = new Set(['al-', 'bin', 'ibn', 'de', 'van']);
const WORD = /[\p{L}\p{M}'’.-]+/gu;

const alt = (xs: string[]) => xs.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).sort((a, b) => b.length - a.length).join('|');
/** A capitalised word, or an initial ("W."); no other dots, so a name never runs past a full stop, nor into half an initialism ("U" of "U.S."). */
const CAP = "(?:\\p{Lu}\\.(?=\\s)|\\p{Lu}[\\p{L}\\p{M}'’-]*(?!\\.\\p{L}))";
const MOD = `(?:${alt(titles.modifiers)})`;
const HEAD = `(?:${alt(titles.heads)})(?:-(?:designate|elect))?`;
/** The portfolio: "of State", "for the Middle East", "of Foreign Affairs of Iraq". */
const PORTFOLIO = `(?:the\\s+)?${CAP}(?:\\s+(?:and\\s+)?${CAP}){0,3}`;
/**
 * The portfolio, then maybe the state it serves ("Minister of Foreign Affairs of Iraq"), or a list
 * of them after a plural title ("Foreign Ministers of Iran, Saudi Arabia and Egypt").
 */
const COMPLEMENT = `(?:\\s+(?:of|for)\\s+${PORTFOLIO}(?:\\s+(?:of|for)\\s+${PORTFOLIO})?(?:(?:,\\s*|\\s+and\\s+|,\\s*and\\s+)${PORTFOLIO})*)`;
/** The name after a title, captured without the honorific before it ("Mr", "H.E."). */
const NAME = `(?:,?\\s+(?:(?:Dr|Mr|Mrs|Ms|HE|H\\.E\\.)\\.?\\s+)?(${CAP}(?:\\s+(?:al-|bin\\s+|ibn\\s+|de\\s+|van\\s+)?${CAP}){0,3}))`;
/** A title with at least a modifier or a portfolio, then maybe a name; or a bare head then a name (each alternative captures its name). */
const TITLE = new RegExp(`(?<![\\p{L}-])(?:(?:${MOD}\\s+){1,3}${HEAD}${COMPLEMENT}?${NAME}?|${HEAD}${COMPLEMENT}${NAME}?|${HEAD}${NAME})(?![\\p{L}])`, 'gu');
const STOP = /\s+(?:The|A|An|In|On|At|But|And|He|She|It|They|We|This|That)$/u;

/** Where the name begins in each title candidate that names one (read by refine/title-names.ts). */
export function titleNames(ctx: PipelineContext): Map<Candidate, number> {
  return ctx.memo(titleNames, () => new Map<Candidate, number>());
}

/**
 * Where the name after a title begins: at the first given name (in compromise's lexicon or
 * tagged #FirstName in its parse, or in person-name-parts.json) after the title's first word, when every word from it on is capitalised.
 * The regex cannot tell "Secretary of State John Kerry" from a longer portfolio; a given name can.
 */
function givenNameStart(ctx: PipelineContext, start: number, end: number): number | undefined {
  const { terms, byStart } = taggedTerms(ctx);
  const words = [...ctx.text.slice(start, end).matchAll(WORD)].map((w) => ({ start: start + w.index, text: w[0] }));
  for (let i = 1; i < words.length; i++) {
    const k = byStart.get(words[i].start);
    const given = GIVEN.has(words[i].text) || lexiconGivenName(words[i].text) || (k !== undefined && terms[k].tags.has('FirstName'));
    if (!given) continue;
    return words.slice(i).every((w) => /^\p{Lu}/u.test(w.text) || NAME_PARTICLES.has(w.text)) ? words[i].start : undefined;
  }
  return undefined;
}

/**
 * People introduced by a title of office ("Prime Minister Theresa May", "the Foreign Secretary",
 * "Minister for the Middle East Tobias Ellwood"). The candidate is the whole title, priority 2, so it
 * outranks the places and dates inside it when longer; where the title names a person, the mention
 * becomes the name after overlaps are resolved (refine/title-names.ts).
 */
export const personTitles: Component = {
  name: 'recognize/person-titles',
  run(ctx) {
    TITLE.lastIndex = 0;
    for (let m = TITLE.exec(ctx.text); m; m = TITLE.exec(ctx.text)) {
      let s = m[0];
      // Never run across a line end, nor into the first word of the next sentence.
      const nl = s.search(/\n/);
      if (nl >= 0) s = s.slice(0, nl);
      s = s.replace(STOP, '').replace(/[\s,.’']+$/u, '');
      if (!s) continue;
      // A named person is the name ("President Boris Yeltsin" → "Boris Yeltsin", as CoNLL-2003 and
      // WikiEvents mark it); a title without a name is the person ("the Foreign Secretary").
      const end = m.index + s.length;
      const named = m[1] ?? m[2] ?? m[3];
      const captured = named === undefined ? -1 : m.index + m[0].lastIndexOf(named);
      const name = givenNameStart(ctx, m.index, end) ?? (captured > m.index && captured < end ? captured : m.index);
      // The whole title competes (the places of its portfolio are part of it, "Minister for the Middle
      // East"); refine/title-names.ts then cuts the mention to the name.
      const c: Candidate = { type: 'person', start: m.index, end, source: 'rule:person/title', confidence: 0.7, priority: 2 };
      if (name > m.index) titleNames(ctx).set(c, name);
      ctx.propose(c);
    }
  },
};
