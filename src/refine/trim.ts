import type { Component } from '../context.js';

const LEADING = /^(?:(?:the|The|THE|a|an|An|A)\s+)/u;
const TRAILING = /(?:[’']s|[\s.,;:!?"“”'’()[\]–—-])+$/u;
const LEADING_PUNCT = /^[\s.,;:!?"“”'’()[\]–—-]+/u;

/**
 * Spans never begin with an article or punctuation, nor end with punctuation or a possessive
 * ("the Taliban’s," → "Taliban"). Dates keep "the" where it is part of the expression
 * ("the end of 2023", "the coming months").
 */
export const trimSpans: Component = {
  name: 'refine/trim',
  run(ctx) {
    for (const c of ctx.candidates) {
      let s = ctx.text.slice(c.start, c.end);
      const before = s.length;
      const lead = (c.type === 'date' ? LEADING_PUNCT : new RegExp(`${LEADING.source}|${LEADING_PUNCT.source}`, 'u')).exec(s);
      if (lead && lead[0].length < s.length) {
        c.start += lead[0].length;
        s = s.slice(lead[0].length);
      }
      const trail = TRAILING.exec(s);
      if (trail && trail[0].length < s.length && !(c.type !== 'date' && /^\.$/.test(trail[0]) && /(?:\p{Lu}\.){2,}$/u.test(s))) {
        c.end -= trail[0].length;
      }
      if (c.end - c.start !== before && c.end <= c.start) c.end = c.start;
    }
  },
};
