import { createHash } from 'node:crypto';
import boilerplate from './boilerplate.json' with { type: 'json' };
import commonWords from './common-words.json' with { type: 'json' };
import conflictTowns from './places-conflict-towns.json' with { type: 'json' };
import countryAliases from './country-aliases.json' with { type: 'json' };
import currencyCodes from './currency-codes.json' with { type: 'json' };
import dateCues from './date-cues.json' with { type: 'json' };
import dateHolidays from './date-holidays.json' with { type: 'json' };
import eventCasualties from './event-casualties.json' with { type: 'json' };
import eventCodes from './event-codes.json' with { type: 'json' };
import eventFactuality from './event-factuality.json' with { type: 'json' };
import eventRoles from './event-roles.json' with { type: 'json' };
import eventNames from './event-names.json' with { type: 'json' };
import eventTriggers from './event-triggers.json' with { type: 'json' };
import eventTriggerModel from './event-trigger-model.json' with { type: 'json' };
import eventRoleModel from './event-role-model.json' with { type: 'json' };
import facilityHeads from './facility-heads.json' with { type: 'json' };
import groupCountries from './group-countries.json' with { type: 'json' };
import groupPatterns from './group-patterns.json' with { type: 'json' };
import groupCoref from './group-coref.json' with { type: 'json' };
import groups from './groups.json' with { type: 'json' };
import locativeProforms from './locative-proforms.json' with { type: 'json' };
import modelVotes from './model-votes.json' with { type: 'json' };
import nameHeads from './name-heads.json' with { type: 'json' };
import nominalMentions from './nominal-mentions.json' with { type: 'json' };
import personAppositions from './person-appositions.json' with { type: 'json' };
import personNameParts from './person-name-parts.json' with { type: 'json' };
import personProforms from './person-proforms.json' with { type: 'json' };
import personTitles from './person-titles.json' with { type: 'json' };
import places from './places.json' with { type: 'json' };
import placeClassifiers from './place-classifiers.json' with { type: 'json' };
import placeParts from './place-parts.json' with { type: 'json' };
import placesGazetteer from './places-gazetteer.json' with { type: 'json' };
import stateActorCues from './state-actor-cues.json' with { type: 'json' };
import titleCase from './title-case.json' with { type: 'json' };
import truecaseWords from './truecase-words.json' with { type: 'json' };
import ucdpActors from './ucdp-actors.json' with { type: 'json' };
import usStates from './us-state-abbreviations.json' with { type: 'json' };

/**
 * Every data file under src/lexicon that the pipeline reads (ingest, recognizers, refiners,
 * linkers, events), by file name. The lexicon hash recorded in each output covers all of them, so
 * a change to any one shows in outputs and in the incremental manifest. Files read only by
 * `sitrep eval` (event-eval-map.json) are not part of the pipeline and are listed in EVAL_ONLY.
 * test/lexicon/data-files.test.ts checks that no data file is missing from either list.
 */
export const DATA_FILES: Readonly<Record<string, unknown>> = {
  'boilerplate.json': boilerplate,
  'common-words.json': commonWords,
  'country-aliases.json': countryAliases,
  'currency-codes.json': currencyCodes,
  'date-cues.json': dateCues,
  'date-holidays.json': dateHolidays,
  'event-casualties.json': eventCasualties,
  'event-codes.json': eventCodes,
  'event-factuality.json': eventFactuality,
  'event-names.json': eventNames,
  'event-roles.json': eventRoles,
  'event-role-model.json': eventRoleModel,
  'event-triggers.json': eventTriggers,
  'event-trigger-model.json': eventTriggerModel,
  'facility-heads.json': facilityHeads,
  'group-countries.json': groupCountries,
  'group-patterns.json': groupPatterns,
  'group-coref.json': groupCoref,
  'groups.json': groups,
  'locative-proforms.json': locativeProforms,
  'model-votes.json': modelVotes,
  'name-heads.json': nameHeads,
  'nominal-mentions.json': nominalMentions,
  'person-appositions.json': personAppositions,
  'person-name-parts.json': personNameParts,
  'person-proforms.json': personProforms,
  'person-titles.json': personTitles,
  'place-classifiers.json': placeClassifiers,
  'place-parts.json': placeParts,
  'places-conflict-towns.json': conflictTowns,
  'places-gazetteer.json': placesGazetteer,
  'places.json': places,
  'state-actor-cues.json': stateActorCues,
  'title-case.json': titleCase,
  'truecase-words.json': truecaseWords,
  'ucdp-actors.json': ucdpActors,
  'us-state-abbreviations.json': usStates,
};

/** Data files under src/lexicon that only the evaluation reads. */
export const EVAL_ONLY: readonly string[] = ['event-eval-map.json', 'event-incident-model.json'];

/**
 * sha256 (first 16 hex digits) over the given data files, by name and content, in name order,
 * plus any extra parts (the country data of the world-countries package).
 */
export function dataHash(files: Readonly<Record<string, unknown>>, extra: readonly unknown[] = []): string {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) {
    h.update(`${name}\0`);
    h.update(JSON.stringify(files[name]));
    h.update('\0');
  }
  for (const x of extra) h.update(JSON.stringify(x));
  return h.digest('hex').slice(0, 16);
}
