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
    // The first full name with each surname (a map: a scan of the names per surname alone was quadratic).
    const people = new Map<string, string>();
    for (const m of ctx.mentions) {
      if (!ENTITY_TYPES.has(m.type)) continue;
      // A common-noun mention ("the government") names no entity by itself: coreference would tell which.
      if (m.source.startsWith('rule:nominal/')) continue;
      let key = m.entity;
      if (!key && m.type === 'person') {
        const words = m.text.split(/\s+/);
        const hit = words.length === 1 ? people.get(slug(words[0])) : undefined;
        key = hit ?? `person:${slug(m.text)}`;
        const last = slug(words[words.length - 1]);
        if (!hit && words.length > 1 && !people.has(last)) people.set(last, key);
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
