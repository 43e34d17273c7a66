import rules from '../lexicon/currency-codes.json' with { type: 'json' };
import type { Component } from '../context.js';

const AFTER = new RegExp(rules.after, 'u');
const TYPES = new Set(rules.types);

/** A country or place written as its currency's code ("US$ 1.4 billion") is no mention of it (currency-codes.json). */
export const currencyCodes: Component = {
  name: 'refine/currency-codes',
  run(ctx) {
    ctx.keepCandidates((c) => !(TYPES.has(c.type) && AFTER.test(ctx.text.slice(c.end, c.end + 2))));
  },
};
