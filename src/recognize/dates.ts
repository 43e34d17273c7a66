import { DATE_RULES } from './date-rules.js';
import { parseAnchor } from '../link/date-value.js';
import type { Component } from '../context.js';

/**
 * Dates, from the rules of the date grammar. Every rule proposes its matches with a value
 * resolved against the document date; the overlap refiner keeps the longest.
 */
export const dateMentions: Component = {
  name: 'recognize/dates',
  run(ctx) {
    const anchor = parseAnchor(ctx.docDate);
    for (const rule of DATE_RULES) {
      rule.re.lastIndex = 0;
      for (let m = rule.re.exec(ctx.text); m; m = rule.re.exec(ctx.text)) {
        const norm = rule.resolve(m, anchor, ctx.text);
        if (!norm) continue;
        ctx.propose({ type: 'date', start: m.index, end: m.index + m[0].length, source: rule.id, confidence: rule.confidence, priority: 3, value: norm.value, date: norm });
        if (m[0].length === 0) rule.re.lastIndex++;
      }
    }
  },
};
