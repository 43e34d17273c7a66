import type { Component } from '../context.js';

const DEFINITION = /((?:\p{Lu}[\p{L}\p{M}'’-]*|of|for|and|the|on|in|de|du|des|la|al)(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}'’-]*|of|for|and|the|on|in|de|du|des|la|al)){1,9})[ \t]+\((\p{Lu}[\p{Lu}\d&-]{1,9})\)/gu;
const SMALL = new Set(['of', 'for', 'and', 'the', 'on', 'in', 'de', 'du', 'des', 'la', 'al']);

/** The long form's words whose initials spell the acronym, from the right ("the Syria Recovery Trust Fund (SRTF)"). */
function longForm(words: string[], acronym: string): number | undefined {
  const letters = acronym.replace(/[^\p{Lu}]/gu, '');
  let k = letters.length - 1;
  for (let i = words.length - 1; i >= 0; i--) {
    const w = words[i];
    if (SMALL.has(w.toLowerCase())) {
      if (k < 0) return i + 1;
      continue;
    }
    if (k < 0) return i + 1;
    if (w[0].toUpperCase() !== letters[k]) return undefined;
    k--;
    if (k < 0) return i;
  }
  return k < 0 ? 0 : undefined;
}

/**
 * An organisation defined with its acronym — "the Syria Recovery Trust Fund (SRTF)" — where the
 * capitalised words' initials spell the acronym: the long form and every later use of the acronym
 * are group mentions of one entity. Names that a lexicon knows are left to it (their key links
 * them already); so are acronyms that are common words.
 */
export const acronymDefinitions: Component = {
  name: 'recognize/acronym-definitions',
  run(ctx) {
    const known = new Set(ctx.lexicon.matcher.matchDocument(ctx).map((m) => `${m.start}:${m.end}`));
    DEFINITION.lastIndex = 0;
    for (let m = DEFINITION.exec(ctx.text); m; m = DEFINITION.exec(ctx.text)) {
      const acronym = m[2];
      const words = m[1].split(/[ \t]+/);
      const from = longForm(words, acronym);
      if (from === undefined) continue;
      const phrase = words.slice(from).join(' ').replace(/^(?:the|of|and)\s+/i, '');
      const start = m.index + m[1].length - phrase.length;
      const end = m.index + m[1].length;
      if (known.has(`${start}:${end}`)) continue;
      const key = `group:acronym-${acronym.toLowerCase()}`;
      ctx.propose({ type: 'group', start, end, source: 'rule:group/acronym-definition', confidence: 0.75, priority: 2, key, value: acronym });
      const use = new RegExp(`(?<![\\p{L}\\d-])${acronym.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?![\\p{L}\\d-])`, 'gu');
      for (let u = use.exec(ctx.text); u; u = use.exec(ctx.text)) {
        if (known.has(`${u.index}:${u.index + acronym.length}`)) continue;
        ctx.propose({ type: 'group', start: u.index, end: u.index + acronym.length, source: 'rule:group/acronym-definition', confidence: 0.75, priority: 2, key, value: acronym });
      }
    }
  },
};
