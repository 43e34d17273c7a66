import { sha256, docIdFor } from './doc-id.js';
import { PipelineContext, type Component } from './context.js';
import { loadLexicon } from './lexicon/index.js';
import { segmentSentences } from './segment/sentences.js';
import { findDateline } from './ingest/dateline.js';
import { restoreOriginalText, truecaseView } from './segment/truecase.js';
import { lexiconMentions } from './recognize/lexicon-mentions.js';
import { dateMentions } from './recognize/dates.js';
import { compromiseGroups, compromisePeople, compromisePlaces } from './recognize/compromise-entities.js';
import { eventTriggers } from './recognize/event-triggers.js';
import { learnedTriggers } from './events/learned-triggers.js';
import { nominalMentions } from './recognize/nominal-mentions.js';
import { personTitles } from './recognize/person-titles.js';
import { appositivePeople } from './recognize/appositive-people.js';
import { acronymDefinitions } from './recognize/acronym-definitions.js';
import { placeClassifiers } from './recognize/place-classifiers.js';
import { cityState } from './recognize/city-state.js';
import { nerTagger } from './recognize/ner-tagger.js';
import { trimSpans } from './refine/trim.js';
import { currencyCodes } from './refine/currency-codes.js';
import { resolveOverlaps } from './refine/overlaps.js';
import { modelVotes } from './refine/model-votes.js';
import { facilityNames } from './refine/facility-names.js';
import { peopleOverGazetteer } from './refine/people-over-gazetteer.js';
import { personNames } from './refine/person-names.js';
import { stateActors } from './refine/state-actors.js';
import { placeHeads } from './refine/place-heads.js';
import { titleCountries } from './refine/title-countries.js';
import { titleNames } from './refine/title-names.js';
import { makeMentions } from './link/mentions.js';
import { linkEntities } from './link/entities.js';
import { acronymEntities } from './link/acronym-entities.js';
import { groupCountries } from './link/group-countries.js';
import { locativeProforms } from './link/locative-proforms.js';
import { placeParts } from './link/place-parts.js';
import { groupCoref } from './link/group-coref.js';
import { personProforms } from './link/person-proforms.js';
import { eventFrames } from './events/frames.js';
import { PIPELINE_VERSION } from './version.js';
import { SCHEMA_VERSION, type AnnotatedDoc } from './doc.js';
import type { IngestedDoc } from './ingest/types.js';

/**
 * The pipeline: one ordered list of components. Recognizers only propose candidates; the refiners
 * after them decide; linkers and event framing read the decided mentions.
 */
export const COMPONENTS: readonly Component[] = [
  // Recognizers (order among them does not matter: they only add candidates).
  lexiconMentions,
  dateMentions,
  compromiseGroups,
  compromisePeople,
  compromisePlaces,
  // The trained tagger (src/ner): names by context and shape, weighed by the refiners like the others.
  nerTagger,
  // Common-noun mentions ("the government", "the city"): low priority, so any name overlapping them wins.
  nominalMentions,
  personTitles,
  appositivePeople,
  acronymDefinitions,
  placeClassifiers,
  cityState,
  // Last of the recognizers: a trigger such as 'captured' counts only before a place or country
  // (a takeover, not an arrest), which it reads from the candidates the others proposed.
  eventTriggers,
  // The trained classifier judges the lexicon's triggers and adds the words it knows as triggers.
  learnedTriggers,
  // Refiners: trim before overlaps, so that trimmed spans compete.
  trimSpans,
  // After trim (the name ends where the currency sign begins): "US$ 1.4 billion" is money, not a country.
  currencyCodes,
  // Before overlaps: these drop place candidates that are parts of other names, which the overlap
  // refiner would otherwise keep for being table entries.
  facilityNames,
  peopleOverGazetteer,
  personNames,
  // After trim (the head follows the trimmed name), before overlaps (the longer place then wins).
  placeHeads,
  // Before overlaps: the title then outgrows the country written before it ("the UK Special Representative").
  titleCountries,
  // Just before overlaps: other taggers and place entries give way where the trained tagger reads more.
  modelVotes,
  resolveOverlaps,
  // After overlaps: a titled person's mention is cut to the name.
  titleNames,
  // After overlaps: a country that kept its span may stand for its state acting ("The UK stands by").
  stateActors,
  // Linkers: mentions first (ids, sentences), then entities that group them.
  makeMentions,
  linkEntities,
  // Right after: "United States Africa Command (AFRICOM)" linked apart by a rule and a table is one entity.
  acronymEntities,
  // Then a group named for a country's state body ("the Somali government") gets the country.
  groupCountries,
  // Events read the linked mentions (roles point at them, places carry their entity's country).
  eventFrames,
  // Last, over the decided mentions (events do not read these yet): parts of places ("the heart of
  // London"), then ", which", "its" and "there" after a place as mentions of it, in its entity.
  placeParts,
  locativeProforms,
  // After the events and the place pro-forms: pronouns and descriptions that fill an actor become mentions of their group.
  groupCoref,
  // Last: personal pronouns ("he", "her", "I") as mentions of the person named before them.
  personProforms,
];

// Ids and hashes live in their own small module (the batch's main thread plans work without loading the pipeline).
export { sha256, docIdFor } from './doc-id.js';

export interface AnnotateOptions {
  /** Document id; default: derived from the ingested key. */
  id?: string;
  /** Date to resolve relative dates against when the document gives none (ISO `YYYY-MM-DD`). */
  fallbackDate?: string | null;
  /**
   * Told how long each stage took (ms), for the bench. When set, the compromise parse and the word
   * tokens are made before the components and timed on their own (`compromise/parse`, `tokens`).
   */
  time?: (stage: string, ms: number) => void;
  /** Names of components to leave out (`sitrep eval` scores the rules without the tagger this way). */
  skip?: readonly string[];
  /** Told the name of each stage as it begins (the batch reports where a document ran out of time). */
  onStage?: (stage: string) => void;
}

/** Annotate one ingested document. */
export function annotateIngested(doc: IngestedDoc, options: AnnotateOptions = {}): AnnotatedDoc {
  const lexicon = loadLexicon();
  const id = options.id ?? docIdFor(doc.key, doc.format);
  // A wire dateline the ingester did not read ("SAN SALVADOR, 3 JAN 90 -- [REPORT] …" on a long first line) comes before the option.
  const dateline = doc.date.value ? null : findDateline(doc.text);
  const date = doc.date.value ? doc.date : dateline ? { value: dateline.value, source: 'dateline' as const } : options.fallbackDate ? { value: options.fallbackDate, source: 'option' as const } : doc.date;
  const time = options.time;
  const components = options.skip?.length ? COMPONENTS.filter((c) => !options.skip!.includes(c.name)) : COMPONENTS;
  const onStage = options.onStage;
  let t = time ? performance.now() : 0;
  onStage?.('segment/sentences');
  const sentences = segmentSentences(doc.text);
  // Text in capitals is read through a truecased view of the same length (spans index both alike).
  const view = truecaseView(doc.text);
  const ctx = new PipelineContext(id, view, sentences, date.value, lexicon, doc.path, view === doc.text ? undefined : doc.text);
  ctx.diagnostics.push(...doc.diagnostics);
  if (time || onStage) {
    time?.('segment/sentences', performance.now() - t);
    t = performance.now();
    onStage?.('compromise/parse');
    void ctx.nlp;
    time?.('compromise/parse', performance.now() - t);
    t = performance.now();
    onStage?.('tokens');
    void ctx.tokens;
    time?.('tokens', performance.now() - t);
    for (const c of components) {
      t = performance.now();
      onStage?.(c.name);
      c.run(ctx);
      time?.(c.name, performance.now() - t);
    }
  } else for (const c of components) c.run(ctx);
  if (ctx.text !== doc.text) restoreOriginalText(ctx, doc.text);
  return {
    schemaVersion: SCHEMA_VERSION,
    doc: {
      id,
      source: { path: doc.path, format: doc.format, sha256: sha256(doc.source), ...(doc.line ? { line: doc.line } : {}), ...(doc.encoding ? { encoding: doc.encoding } : {}) },
      title: doc.title,
      date,
      ...(doc.meta && Object.keys(doc.meta).length ? { meta: doc.meta } : {}),
    },
    run: { pipelineVersion: PIPELINE_VERSION, lexiconHash: lexicon.hash },
    text: doc.text,
    sourceMap: doc.segments,
    sentences,
    mentions: ctx.mentions,
    entities: ctx.entities,
    events: ctx.events,
    diagnostics: ctx.diagnostics,
  };
}
