import { annotate } from '../../src/index.js';
import type { AnnotatedDoc, EventFrame } from '../../src/doc.js';

/** A text annotated through the public API with a fixed document date. */
export function annotated(text: string, date = '2025-08-09'): AnnotatedDoc {
  return annotate(text, { date });
}

/**
 * One event as a compact line: `type/subtype "trigger" [factuality] role=text; role=text…` (roles
 * in their output order; which mention a role points at is checked where it matters, not here, so
 * that better entity spans elsewhere do not break these rows). Casualty counts follow a bar:
 * `| dead=145 atLeast "killing at least 145 people"; hurt=30 "wounding 30"`.
 */
export function line(e: EventFrame): string {
  const roles = e.roles.map((r) => `${r.role}=${r.text}`);
  const counts = (['fatalities', 'injured'] as const)
    .filter((k) => e[k])
    .map((k) => `${k === 'fatalities' ? 'dead' : 'hurt'}=${e[k]!.value}${e[k]!.qualifier && e[k]!.qualifier !== 'exact' ? ` ${e[k]!.qualifier}` : ''} "${e[k]!.evidence.text}"`);
  return `${e.type}${e.subtype ? `/${e.subtype}` : ''} "${e.trigger.text}" [${e.factuality}]${roles.length ? ' ' + roles.join('; ') : ''}${counts.length ? ' | ' + counts.join('; ') : ''}`;
}

/** The text of the mention a role points at. */
export function mentionText(doc: AnnotatedDoc, id: string | undefined): string | undefined {
  return id ? doc.mentions.find((m) => m.id === id)?.text : undefined;
}

/** Every event of a text as compact lines, in text order. */
export function lines(text: string, date?: string): string[] {
  const doc = annotated(text, date);
  return doc.events.map((e) => line(e));
}
