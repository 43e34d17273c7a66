import { escapeHtml, escapeText } from '../escape.js';
import { highlightOps } from './highlight-ops.js';
import { TYPE_STYLE, typeClass } from './styles.js';
import type { AnnotatedDoc, Mention } from '../../doc.js';

function label(type: string): string {
  return Object.hasOwn(TYPE_STYLE, type) ? TYPE_STYLE[type as keyof typeof TYPE_STYLE].label : type;
}

/** The short text shown when the pointer rests on a highlight. */
export function mentionTooltip(m: Mention, entity?: { name: string }): string {
  const parts = [label(m.type)];
  if (m.value) parts.push(m.value);
  if (entity && entity.name !== m.text) parts.push(entity.name);
  parts.push(m.status ?? 'auto');
  return parts.join(' · ');
}

/** Mentions in the order the page lays them out (the page's script uses the same order). */
export function layoutOrder(mentions: readonly Mention[]): Mention[] {
  return [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The article text with every mention as a `<mark>` (rejected ones too, struck through), nested
 * where mentions nest; every slice of text escaped. Each highlight element carries
 * `data-mention-id` and `data-type`.
 */
export function highlightText(doc: AnnotatedDoc): string {
  const text = doc.text;
  const mentions = layoutOrder(doc.mentions);
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const out: string[] = [];
  for (const op of highlightOps(text.length, mentions)) {
    if (op[0] === 0) out.push(escapeText(text.slice(op[1], op[2])));
    else if (op[0] === 2) out.push('</mark>');
    else {
      const m = mentions[op[1]];
      const status = m.status ?? 'auto';
      out.push(
        `<mark class="m ${typeClass(m.type)} st-${escapeHtml(status)}" data-mention-id="${escapeHtml(m.id)}" data-type="${escapeHtml(m.type)}" data-status="${escapeHtml(status)}"${op[2] ? ' data-cont=""' : ''} tabindex="-1" role="button" title="${escapeHtml(mentionTooltip(m, m.entity ? entities.get(m.entity) : undefined))}" aria-label="${escapeHtml(`${m.text}: ${label(m.type)}, ${status}`)}">`,
      );
    }
  }
  return out.join('');
}
