import data from '../lexicon/place-classifiers.json' with { type: 'json' };
import type { Component } from '../context.js';
import { alternation as alt } from '../lexicon/word-set.js';

/** A capitalised word of a place name, with the particles Arabic and Romance names carry ("Deir ez-Zor", "al-Bab"). */
const WORD = "(?:(?:al|el|ad|ar|as|ash|az|an|at|ez|ed|es|er)[-’']|(?:al|el|de|del|da|di|du|le|la)[ \\t])?\\p{Lu}[\\p{L}\\p{M}'’]*(?:-(?:\\p{Lu}|al-|el-|ez-|ed-)?[\\p{L}\\p{M}'’]+)*";
const NAME = `${WORD}(?:[ \\t]+${WORD}){0,3}`;
const OF = new RegExp(`(?<![\\p{L}-])(?:${alt(data.of.words)})[ \\t]+of[ \\t]+(?:the[ \\t]+)?(${NAME})`, 'gu');
const AFTER = new RegExp(`(?<![\\p{L}'’-])(${NAME})[ \\t]+(?:${alt(data.after.words)})(?![\\p{L}-])`, 'gu');
/** Words that begin a sentence or a clause and so may be capitalised without naming anything. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'Its', 'Their', 'Our', 'His', 'Her', 'In', 'On', 'At', 'Of', 'And', 'But', 'For', 'From', 'Into', 'With', 'By', 'Each', 'Every', 'Some', 'Any', 'No', 'All', 'Both', 'Entire', 'Whole', 'Border', 'Same', 'Other', 'Northern', 'Southern', 'Eastern', 'Western', 'Central', 'North', 'South', 'East', 'West']);

/**
 * Places named with a classifying noun that no table needs to know: "the town of Dabiq", "the
 * Bogside area". The name (with the head, for `after`) becomes a place candidate of modest
 * confidence; table entries at the same span outrank it.
 */
export const placeClassifiers: Component = {
  name: 'recognize/place-classifiers',
  run(ctx) {
    const text = ctx.text;
    OF.lastIndex = 0;
    for (let m = OF.exec(text); m; m = OF.exec(text)) {
      const name = trimName(m[1]);
      if (!name) continue;
      const start = m.index + m[0].length - m[1].length;
      ctx.propose({ type: 'place', start, end: start + name.length, source: 'rule:place/classifier-of', confidence: 0.6, priority: 2 });
    }
    AFTER.lastIndex = 0;
    for (let m = AFTER.exec(text); m; m = AFTER.exec(text)) {
      let start = m.index;
      let name = m[1];
      // Drop capitalised function words at the front ("The Bogside area" → "Bogside area").
      while (true) {
        const first = /^\S+/.exec(name)?.[0] ?? '';
        if (!NOT_NAMES.has(first) || first === name) break;
        const cut = /^\S+\s+/.exec(name)![0].length;
        start += cut;
        name = name.slice(cut);
      }
      if (NOT_NAMES.has(name)) continue;
      ctx.propose({ type: 'place', start, end: m.index + m[0].length, source: 'rule:place/classifier-head', confidence: 0.6, priority: 2 });
    }
  },
};

/** The name without a trailing capitalised word that begins the next clause, or nothing if it names nothing. */
function trimName(name: string): string {
  const words = name.split(/[ \t]+/);
  while (words.length && NOT_NAMES.has(words[words.length - 1])) words.pop();
  if (!words.length || NOT_NAMES.has(words[0])) return '';
  return name.slice(0, name.lastIndexOf(words[words.length - 1]) + words[words.length - 1].length);
}
