import type { Component } from '../context.js';

const LEADING = /^(?:(?:the|The|THE|a|an|An|A)\s+)/u;
const TRAILING = /(?:[’']s|[\s.,;:!?"“”'’()[\]–—-])+$/u;
const LEADING_PUNCT = /^[\s.,;:!?"“”'’()[\]–—-]+/u;
/** A date's leading apostrophe that stands for the century ("'82", "’90s") is part of it. */
const YEAR_APOSTROPHE = /['’]$/u;
const TWO_DIGITS = /^\d{2}(?!\d)/u;
/** Abbreviations whose final period is part of a date ("5 p.m.", "575 B.C."). */
const DATE_ABBREVIATION = /(?:^|[^\p{L}])(?:a\.m|p\.m|A\.M|P\.M|B\.C|A\.D|B\.C\.E|C\.E)\.$/u;

/** An initialism keeps its final period ("U.S.", "U.N."). */
const INITIALISM = /(?:^|[^\p{L}])(?:\p{Lu}\.){2,}$/u;

/**
 * Spans never begin with an article or punctuation, nor end with punctuation or a possessive
 * ("the Taliban’s," → "Taliban"). Dates keep "the" where it is part of the expression
 * ("the end of 2023", "the coming months"), the apostrophe of a short year ("'82") and the final
 * period of a.m., p.m., B.C. and A.D.
 */
export const trimSpans: Component = {
  name: 'refine/trim',
  run(ctx) {
    for (const c of ctx.candidates) {
      let s = ctx.text.slice(c.start, c.end);
      const before = s.length;
      const isDate = c.type === 'date';
      const lead = (isDate ? LEADING_PUNCT : new RegExp(`${LEADING.source}|${LEADING_PUNCT.source}`, 'u')).exec(s);
      if (lead && lead[0].length < s.length) {
        let cut = lead[0].length;
        if (isDate && YEAR_APOSTROPHE.test(lead[0]) && TWO_DIGITS.test(s.slice(cut))) cut -= 1;
        c.start += cut;
        s = s.slice(cut);
      }
      const trail = TRAILING.exec(s);
      if (trail && trail[0].length < s.length) {
        let cut = trail[0].length;
        // "U.S." keeps its final period unless it is a date; a date keeps the period of "p.m." or "B.C.".
        const kept = s.slice(0, s.length - cut);
        const dot = trail[0].indexOf('.');
        if (dot >= 0 && (isDate ? DATE_ABBREVIATION : INITIALISM).test(`${kept}${trail[0].slice(0, dot + 1)}`)) cut -= dot + 1;
        c.end -= cut;
      }
      if (c.end - c.start !== before && c.end <= c.start) c.end = c.start;
    }
  },
};
