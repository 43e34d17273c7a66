import eventNames from '../lexicon/event-names.json' with { type: 'json' };
import nameHeads from '../lexicon/name-heads.json' with { type: 'json' };
import nameParts from '../lexicon/person-name-parts.json' with { type: 'json' };

/** Heads of names that are events, days, documents or forums: none of sitrep's types (see event-names.json). */
const HEADS = new Set([...eventNames.heads, ...nameHeads.heads].flatMap((h) => h.words));
/** Particles that are part of a name but never one alone ("the Al bu Nimr tribe": 'Al' is no place). */
const PARTICLES = new Set([...nameParts.articles.words, ...nameParts.joiners.words].map((w) => w.toLowerCase()));
const WORD = /[^\s]+/gu;

/** The head of a name: its last word, or its last word before 'of' ("Organisation of Islamic Conference"). */
export function nameHead(name: string): string {
  let head = '';
  for (const m of name.matchAll(WORD)) {
    if (m[0] === 'of' && head !== '') return head;
    head = m[0];
  }
  return head;
}

/** Why a tagger span names no group, place or person, or null when it may. */
export function notAName(name: string): string | null {
  if (PARTICLES.has(name.toLowerCase())) return 'particle';
  return HEADS.has(nameHead(name)) ? 'event' : null;
}
