import { titleNames as nameStarts } from '../recognize/person-titles.js';
import type { Component } from '../context.js';

/**
 * A person introduced by a title is the name ("President Boris Yeltsin" → "Boris Yeltsin", as
 * CoNLL-2003 and WikiEvents mark it): after overlaps, so that the title's words (its portfolio's
 * places, "Minister for the Middle East Tobias Ellwood"; a country before it, "U.S. Secretary of
 * State") stayed part of it and made no mention of their own. A title without a name stays whole.
 */
export const titleNames: Component = {
  name: 'refine/title-names',
  run(ctx) {
    if (!ctx.has(nameStarts)) return;
    const starts = nameStarts(ctx);
    for (const c of ctx.candidates) {
      const at = starts.get(c);
      if (at !== undefined && at > c.start && at < c.end) c.start = at;
    }
  },
};
