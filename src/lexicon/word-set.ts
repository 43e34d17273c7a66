/** A lexicon word list as a set of lower-case forms, for matching words in any letter case. */
export function lowerSet(words: readonly string[]): Set<string> {
  return new Set(words.map((w) => w.toLowerCase()));
}
