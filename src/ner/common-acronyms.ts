/** An acronym in brackets, possibly plural: "(IED)", "(UAVs)". */
const BRACKETED = /\((\p{Lu}{2,8})s?\)/gu;
/** What such an acronym, or its plural, looks like where it is used. */
const ACRONYM = /^\p{Lu}{2,8}s?$/u;

/** Could `name` be one of the acronyms commonAcronyms finds (so that a text without one is not scanned)? */
export const looksLikeAcronym = (name: string): boolean => ACRONYM.test(name);

/** A lower-case word (hyphened parts count one letter each: "vehicle-borne"). */
const LOWER_WORD = /^\p{Ll}[\p{Ll}-]*$/u;
const SKIPPED = new Set(['of', 'and', 'for', 'the', 'to', 'in', 'on', 'a']);

/** The initials of the lower-case phrase that ends just before `end` and has `count` of them, or null. */
function initialsBefore(text: string, end: number, count: number): string | null {
  let letters = '';
  let at = end;
  // At most two words per letter (small words are skipped), each at most 40 characters: a bracket costs its acronym's length.
  for (let i = 0; i < count * 2 && at > 0; i++) {
    while (at > 0 && text[at - 1] === ' ') at--;
    let from = at;
    while (from > 0 && !/\s/u.test(text[from - 1]) && at - from <= 40) from--;
    const word = text.slice(from, at);
    if (at - from > 40 || !LOWER_WORD.test(word)) return null;
    at = from;
    // The phrase ends on a word of its own ('rocket-propelled grenades and (RPG)' defines nothing).
    if (SKIPPED.has(word)) {
      if (letters === '') return null;
      continue;
    }
    letters = word.split('-').filter(Boolean).map((p) => p[0]).join('') + letters;
    if (letters.length >= count) return letters.length === count ? letters : null;
  }
  return null;
}

/**
 * Acronyms a document defines by a lower-case phrase ("improvised explosive device (IED)",
 * "unmanned aerial vehicles (UAVs)"): names of things, not of groups, places or people, so
 * the tagger's spans over them (and over their plural) are left untyped.
 */
export function commonAcronyms(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(BRACKETED)) {
    const acronym = m[1];
    const initials = initialsBefore(text, m.index, acronym.length);
    if (initials === null || initials.toUpperCase() !== acronym) continue;
    out.add(acronym);
    out.add(`${acronym}s`);
  }
  return out;
}
