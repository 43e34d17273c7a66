import parts from '../lexicon/place-parts.json' with { type: 'json' };
import { nextTerm } from '../recognize/term-tags.js';
import type { Mention } from '../doc.js';
import type { Component } from '../context.js';
import { alternation, lowerSet } from '../lexicon/word-set.js';
import { addMentions, mentionOf, overlapIndex, PLACE_TYPES } from './mentions.js';
import { countBefore } from '../sorted.js';

const NOUN = alternation(parts.nouns);
const NOT_AFTER = lowerSet(parts.notAfter.words);
/** "… the east side of (the) " right before a place: the part noun, and the word before its phrase. */
const BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:([\\p{L}]+(?:['’]s)?)\\s+)?(?:(?:${alternation(parts.modifiers.words)})\\s+)*(${NOUN})\\s+of\\s+(?:the\\s+)?$`, 'iu');
/** "’s (spectacular mountainous) interior" right after a place. */
const AFTER = new RegExp(`^['’]s\\s+(?:\\p{Ll}[\\p{Ll}-]*\\s+){0,3}?(${NOUN})(?![\\p{L}-])`, 'u');

/** The first of the disjoint, ordered `spans` that ends after `at`. */
function firstEndingAfter(spans: readonly Mention[], at: number): number {
  const lo = countBefore(spans.length, (i) => spans[i].end <= at);
  return lo;
}

function overlapsAdded(added: readonly Mention[], s: number, e: number): boolean {
  const i = firstEndingAfter(added, s);
  return i < added.length && added[i].start < e;
}

/**
 * Parts of places: a part noun from the place-parts lexicon before "of" and a place or country
 * mention ("the heart of London"), or after a place's possessive ("Dagestan's interior"), becomes a
 * place mention of its own, low confidence, in no entity (source `rule:nominal/part-of`). A linker
 * over the decided mentions: a country standing for its state is a group by now and has no parts.
 */
export const placeParts: Component = {
  name: 'link/place-parts',
  run(ctx) {
    const places = ctx.mentions.filter((m) => PLACE_TYPES.has(m.type));
    if (!places.length) return;
    const added: Mention[] = [];
    const overlapsMention = overlapIndex(ctx.mentions);
    const taken = (s: number, e: number) => overlapsMention(s, e) || overlapsAdded(added, s, e);
    const propose = (start: number, end: number) => {
      if (taken(start, end)) return;
      // The noun must head its phrase: "the city centre bakery" is a bakery.
      const next = nextTerm(ctx, end);
      if (next && next.tags.has('Noun') && !next.tags.has('Pronoun') && next.text.toLowerCase() !== 'of') return;
      // Kept by start: the added parts never overlap one another, so their ends are in order too.
      added.splice(firstEndingAfter(added, start), 0, mentionOf(ctx, { type: 'place', start, end, source: 'rule:nominal/part-of', confidence: parts.confidence }));
    };
    for (const p of places) {
      const from = Math.max(0, p.start - 80);
      const b = BEFORE.exec(ctx.text.slice(from, p.start));
      // Not after a predicate ("is part of") nor a possessor ("the regime's side of the Euphrates": a party's share).
      if (b && !(b[1] && (NOT_AFTER.has(b[1].toLowerCase()) || /['’]s$/u.test(b[1])))) {
        const start = from + b.index + b[0].lastIndexOf(b[2]);
        propose(start, start + b[2].length);
      }
      const a = AFTER.exec(ctx.text.slice(p.end, p.end + 60));
      if (a) {
        const start = p.end + a[0].length - a[1].length;
        propose(start, start + a[1].length);
      }
    }
    addMentions(ctx, added);
  },
};
