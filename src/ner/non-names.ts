import { commonAcronyms, looksLikeAcronym } from './common-acronyms.js';
import { notAName } from './event-names.js';
import type { NerSpan } from './tag.js';

/**
 * The tagger's spans, with those over no group, place or person left untyped (as its MISC label
 * is): the name of an event, a day or a document, a lone particle, an acronym the document
 * defines by a lower-case phrase.
 */
export function untypeNonNames(spans: NerSpan[], text: string): NerSpan[] {
  let acronyms: Set<string> | undefined;
  return spans.map((s) => {
    if (s.type === null) return s;
    const name = text.slice(s.start, s.end);
    // The text is scanned for definitions only once a span looks like an acronym.
    if (notAName(name) !== null || (looksLikeAcronym(name) && (acronyms ??= commonAcronyms(text)).has(name))) return { ...s, type: null };
    return s;
  });
}
