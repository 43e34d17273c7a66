import data from '../lexicon/person-proforms.json' with { type: 'json' };
import { givenNameGender } from '../nlp.js';
import { taggedTerms } from '../recognize/term-tags.js';
import type { Mention } from '../doc.js';
import type { Component, PipelineContext } from '../context.js';
import { lowerSet } from '../lexicon/word-set.js';
import { sentenceAt } from '../segment/sentences.js';
import { addMentions, mentionOf, overlapIndex } from './mentions.js';
import { countBefore } from '../sorted.js';

type Gender = 'male' | 'female';
interface Form {
  id: string;
  words: string[];
  gender?: Gender;
  speaker?: boolean;
  confidence: number;
}

const FORMS = new Map<string, Form>();
for (const f of data.forms as Form[]) for (const w of f.words) FORMS.set(w, f);
const PRONOUN_TAGS = data.pronounTags.tags;
const MALE_TITLES = lowerSet(data.titles.male);
const FEMALE_TITLES = lowerSet(data.titles.female);

/** The gender a person mention's words tell: a title right before it, else its first word as a given name. */
function genderOf(ctx: PipelineContext, m: Mention): Gender | undefined {
  const before = /([\p{L}.]+)\s+$/u.exec(ctx.text.slice(Math.max(0, m.start - 12), m.start))?.[1].toLowerCase();
  const first = /^[\p{L}.]+/u.exec(m.text)?.[0].toLowerCase() ?? '';
  for (const w of [before, first]) {
    if (w === undefined) continue;
    if (MALE_TITLES.has(w)) return 'male';
    if (FEMALE_TITLES.has(w)) return 'female';
  }
  return givenNameGender(first);
}

/**
 * Whether the word at [start, end) reads as the pronoun: compromise tags it so, and the first person
 * "I" is no numeral of a name ("World War I", "Louis I", "I Corps": a capitalised word before it that
 * does not begin its sentence, or one after it); a pronoun is never written in capitals ("ME": Maine).
 */
function isPronoun(ctx: PipelineContext, word: string, start: number, tags: ReadonlySet<string> | undefined): boolean {
  if (!tags || !PRONOUN_TAGS.some((t) => tags.has(t))) return false;
  if (word.length > 1 && word === word.toUpperCase()) return false;
  if (word !== 'I') return true;
  const before = /(\S+)[ \t]+$/u.exec(ctx.text.slice(Math.max(0, start - 40), start))?.[1];
  const after = /^[ \t]+(\S+)/u.exec(ctx.text.slice(start + 1, start + 40))?.[1];
  if (after && /^\p{Lu}\p{Ll}/u.test(after)) return false;
  if (!before || !/^\p{Lu}/u.test(before)) return true;
  // A capitalised word before it is all right where a sentence begins with it ("Yesterday I").
  const sentenceStart = ctx.sentences[sentenceAt(ctx.sentences, start)]?.start ?? 0;
  return /^\s*\S+[ \t]+$/u.test(ctx.text.slice(sentenceStart, start));
}

/**
 * Personal pronouns as person mentions: "he", "her", "I" (src/lexicon/person-proforms.json). A third-
 * person pronoun refers to the nearest person named (or referred to) before it within a few sentences
 * whose gender does not contradict it; a first-person one to a person named in its sentence. Linked,
 * its source is `rule:proform/<form>`; with no referent it is a person mention of no entity
 * (`rule:nominal/proform-<form>`). Runs last, over the decided mentions: a word inside another
 * mention is left alone, and events are framed without these.
 */
export const personProforms: Component = {
  name: 'link/person-proforms',
  run(ctx) {
    const { terms, byStart } = taggedTerms(ctx);
    const sorted = ctx.mentions;
    const covered = overlapIndex(sorted);
    const entities = new Map(ctx.entities.map((e) => [e.id, e]));
    const byId = new Map(sorted.map((m) => [m.id, m]));
    const genders = new Map<string, Gender | undefined>();
    const entityGender = (id: string): Gender | undefined => {
      if (!genders.has(id)) {
        let g: Gender | undefined;
        for (const mid of entities.get(id)?.mentions ?? []) {
          const m = byId.get(mid);
          if (m && m.type === 'person' && !m.source.startsWith('rule:proform/') && (g = genderOf(ctx, m))) break;
        }
        genders.set(id, g);
      }
      return genders.get(id);
    };
    // People in text order: the names, then the pronouns as they are linked (a later "he" may follow an earlier one).
    const people: { m: Mention; gender: Gender | undefined }[] = sorted
      .filter((m) => m.type === 'person' && m.entity)
      .map((m) => ({ m, gender: entityGender(m.entity!) }));
    const added: Mention[] = [];
    for (const t of ctx.tokens) {
      const form = FORMS.get(t.text.toLowerCase());
      if (!form || covered(t.start, t.end)) continue;
      const k = byStart.get(t.start);
      if (!isPronoun(ctx, t.text, t.start, k === undefined || terms[k].end !== t.end ? undefined : terms[k].tags)) continue;
      const sentence = sentenceAt(ctx.sentences, t.start);
      let referent: { m: Mention; gender: Gender | undefined } | undefined;
      const before = countBefore(people.length, (i) => people[i].m.end <= t.start);
      if (form.speaker) {
        // The speaker: a person named in the same sentence, the nearest before it, else the first after it.
        const from = ctx.sentences[sentence]?.start ?? 0;
        const to = ctx.sentences[sentence + 1]?.start ?? ctx.text.length;
        // Or a quotation's speaker introduced by the sentence before ("Tobias Ellwood said:" then "I am relieved").
        const prev = ctx.sentences[sentence - 1];
        const introduced = prev !== undefined && /:\s*$/u.test(ctx.text.slice(prev.start, from));
        const earliest = introduced ? prev.start : from;
        referent = people[before - 1]?.m.start >= earliest ? people[before - 1] : people[before]?.m.start < to && people[before].m.start > t.end ? people[before] : undefined;
      } else {
        const from = ctx.sentences[Math.max(0, sentence - data.sentencesBack)]?.start ?? 0;
        for (let i = before - 1; i >= 0 && people[i].m.start >= from; i--) {
          const g = people[i].gender;
          if (g && g !== form.gender) continue;
          referent = people[i];
          break;
        }
      }
      const entity = referent?.m.entity ? entities.get(referent.m.entity) : undefined;
      const m = mentionOf(ctx, { type: 'person', start: t.start, end: t.end, source: entity ? `rule:proform/${form.id}` : `rule:nominal/proform-${form.id}`, confidence: form.confidence });
      if (entity) {
        m.entity = entity.id;
        entity.mentions.push(m.id);
        if (!form.speaker) people.splice(before, 0, { m, gender: form.gender });
      }
      added.push(m);
    }
    addMentions(ctx, added);
  },
};
