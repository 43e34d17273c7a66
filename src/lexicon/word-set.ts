/** A lexicon word list as a set of lower-case forms, for matching words in any letter case. */
export function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}

/** A word list as a regular-expression alternation, longest form first (so "town" never wins over "township"), literally. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
}
