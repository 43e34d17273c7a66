import { entitySpans } from './entity-spans.js';
import { dateValues } from './date-values.js';
import { eventsSection } from './events-section.js';
import { actorLinks } from './actor-links.js';
import { docDates } from './doc-dates.js';
import type { SectionKind } from './section.js';

/**
 * The sections of an eval report, in print order. A new kind of scoring (events…) is one file
 * exporting a SectionKind and one line here.
 */
export const SECTIONS: readonly SectionKind[] = [entitySpans, dateValues, eventsSection, actorLinks, docDates];

/** Every value `--types` accepts, from the sections' own lists. */
export function knownTypes(): string[] {
  return [...new Set(SECTIONS.flatMap((s) => s.types))];
}
