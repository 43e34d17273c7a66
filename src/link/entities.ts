import type { Component } from '../context.js';
import type { Entity, MentionType } from '../doc.js';

/** Types whose mentions become entities (dates and events are values, not entities). */
const ENTITY_TYPES: ReadonlySet<MentionType> = new Set(['group', 'country', 'place', 'person', 'nationality']);

function slug(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Group mentions into entities. A lexicon mention links to its entry ("IS-KP" and "Islamic
 * State-Khorasan Province" are one entity); others link by their normalised text, and a person's
 * surname alone joins the full name mentioned earlier. Nationalities link to their country.
 */
export const linkEntities: Component = {
  name: 'link/entities',
  run(ctx) {
    const byId = new Map<string, Entity>();
    const people: { key: string; last: string }[] = [];
    for (const m of ctx.mentions) {
      if (!ENTITY_TYPES.has(m.type)) continue;
      // A common-noun mention ("the government") names no entity by itself: coreference would tell which.
      if (m.source.startsWith('rule:nominal/')) continue;
      let key = m.entity;
      if (!key && m.type === 'person') {
        const words = m.text.split(/\s+/);
        const hit = words.length === 1 ? people.find((p) => p.last === slug(words[0])) : undefined;
        key = hit?.key ?? `person:${slug(m.text)}`;
        if (!hit && words.length > 1) people.push({ key, last: slug(words[words.length - 1]) });
      }
      key ??= `${m.type}:${slug(m.text)}`;
      m.entity = key;
      let e = byId.get(key);
      if (!e) {
        const lex = ctx.lexicon.entities.get(key);
        const type = m.type === 'nationality' ? 'country' : m.type;
        e = lex
          ? { id: key, type: lex.type, name: lex.name, ids: { ...lex.ids }, mentions: [], source: lex.source, ...(lex.partOf ? { partOf: lex.partOf } : {}), ...(lex.country ? { country: lex.country } : {}) }
          : { id: key, type, name: m.text, ids: {}, mentions: [], source: m.source };
        // A country standing for its state ("The UK stands by") is a group mention of the country entity.
        if (lex && lex.type !== m.type && m.type !== 'nationality') e.type = lex.type;
        byId.set(key, e);
      }
      e.mentions.push(m.id);
    }
    ctx.entities = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  },
};
