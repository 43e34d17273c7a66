import type { Component, PipelineContext } from '../context.js';
import type { Entity, Mention } from '../doc.js';

/**
 * Whether an acronym can stand for a long form: its first letter is a word's initial and its letters
 * follow in order from there ("United States Africa Command" → AFRICOM; "Islamic State West Africa
 * Province" → ISWAP).
 */
export function abbreviates(acronym: string, long: string): boolean {
  const letters = acronym.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters.length < 2) return false;
  const text = long.toLowerCase();
  for (let w = /(?:^|[\s-])(\p{L})/gu, m = w.exec(text); m; m = w.exec(text)) {
    if (m[1] !== letters[0]) continue;
    let k = 1;
    for (let i = m.index + m[0].length; i < text.length && k < letters.length; i++) if (text[i] === letters[k]) k++;
    if (k === letters.length) return true;
  }
  return false;
}

/** The group mention right after a long form, in brackets: "United States Africa Command (AFRICOM)". */
function bracketed(ctx: PipelineContext, long: Mention, byStart: Map<number, Mention>): Mention | undefined {
  const gap = /^[ \t]*\([ \t]*/.exec(ctx.text.slice(long.end, long.end + 4));
  if (!gap) return undefined;
  const a = byStart.get(long.end + gap[0].length);
  if (!a || a.type !== 'group' || !/^[ \t]*\)/.test(ctx.text.slice(a.end, a.end + 3))) return undefined;
  return /^[\p{Lu}\d&.-]{2,12}$/u.test(a.text) ? a : undefined;
}

/**
 * An acronym defined in brackets after a long form names the same group, even where the long form
 * and the acronym were linked apart (a rule made one, a table the other): the two entities become
 * one. The entity a table knows wins (its id is stable across documents); else the long form's. The
 * other one's mentions move to it, and the form that is not its name is kept in `aliases`.
 */
export const acronymEntities: Component = {
  name: 'link/acronym-entities',
  run(ctx) {
    const byStart = new Map<number, Mention>();
    for (const m of ctx.mentions) if (m.type === 'group' && !byStart.has(m.start)) byStart.set(m.start, m);
    const entities = new Map(ctx.entities.map((e) => [e.id, e]));
    const into = new Map<string, string>();
    const root = (id: string): string => {
      while (into.has(id)) id = into.get(id)!;
      return id;
    };
    for (const long of ctx.mentions) {
      if (long.type !== 'group' || !long.entity) continue;
      const a = bracketed(ctx, long, byStart);
      if (!a?.entity) continue;
      const le = root(long.entity);
      const ae = root(a.entity);
      if (le === ae || !abbreviates(a.text, long.text)) continue;
      const known = (id: string): boolean => ctx.lexicon.entities.has(id);
      // Two entries of a table are two things the table tells apart: leave them.
      if (known(le) && known(ae)) continue;
      const [keep, drop] = known(le) || !known(ae) ? [le, ae] : [ae, le];
      into.set(drop, keep);
      const k = entities.get(keep)!;
      const forms = new Set(k.aliases ?? []);
      for (const f of [long.text, a.text]) if (f !== k.name) forms.add(f);
      k.aliases = [...forms];
    }
    if (!into.size) return;
    const merged = new Map<string, Entity>();
    for (const e of ctx.entities) {
      const k = entities.get(root(e.id))!;
      if (k !== e) k.mentions.push(...e.mentions);
      merged.set(k.id, k);
    }
    for (const m of ctx.mentions) if (m.entity && into.has(m.entity)) m.entity = root(m.entity);
    const order = new Map(ctx.mentions.map((m, i) => [m.id, i]));
    for (const e of merged.values()) e.mentions.sort((x, y) => (order.get(x) ?? 0) - (order.get(y) ?? 0));
    ctx.entities = [...merged.values()].sort((x, y) => x.id.localeCompare(y.id));
  },
};
