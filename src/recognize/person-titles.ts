import titles from '../lexicon/person-titles.json' with { type: 'json' };
import type { Component } from '../context.js';

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
const NAME = `(?:,?\\s+(?:(?:Dr|Mr|Mrs|Ms|HE|H\\.E\\.)\\s+)?${CAP}(?:\\s+(?:al-|bin\\s+|ibn\\s+|de\\s+|van\\s+)?${CAP}){0,3})`;
/** A title with at least a modifier or a portfolio, then maybe a name; or a bare head then a name. */
const TITLE = new RegExp(`(?<![\\p{L}-])(?:(?:${MOD}\\s+){1,3}${HEAD}${COMPLEMENT}?${NAME}?|${HEAD}${COMPLEMENT}${NAME}?|${HEAD}${NAME})(?![\\p{L}])`, 'gu');
const STOP = /\s+(?:The|A|An|In|On|At|But|And|He|She|It|They|We|This|That)$/u;

/**
 * People introduced by a title of office ("Prime Minister Theresa May", "the Foreign Secretary",
 * "Minister for the Middle East Tobias Ellwood"). The title is part of the mention; priority 2, so
 * it outranks the places and dates inside it when longer.
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
      ctx.propose({ type: 'person', start: m.index, end: m.index + s.length, source: 'rule:person/title', confidence: 0.7, priority: 2 });
    }
  },
};
