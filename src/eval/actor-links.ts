import { isWikiGold } from './events-wikievents.js';
import { columns } from './table.js';
import type { EventRole, Mention } from '../doc.js';
import type { DocInput, EvalSection, SectionKind } from './section.js';

export interface ActorLinksResult {
  /** sitrep's event actor roles, and those whose mention names an entity. */
  actors: number;
  linked: number;
  /** Linked through group coreference (`rule:coref/…`): without it they name no entity. */
  byCoref: number;
  /** Gold events whose attacker is a named group (an ORG argument written with a capital). */
  namedAttackerEvents: number;
  /** Of those, the ones sitrep found (a sitrep event whose trigger overlaps the gold one), and those with an actor linked to an entity. */
  found: number;
  foundLinked: number;
}

const GOLD_ATTACKER_ROLES = new Set(['Attacker', 'Killer', 'Perpetrator']);

function linkedActor(byId: ReadonlyMap<string, Mention>, roles: readonly EventRole[]): boolean {
  return roles.some((r) => r.role === 'actor' && r.mention !== undefined && byId.get(r.mention)?.entity !== undefined);
}

/**
 * How many of sitrep's event actors name an entity (a group, a country acting, a person), rather than
 * being a bare span ("it", "militants") a database cannot group by; and, on WikiEvents-style gold,
 * how many events whose gold attacker is a named group get an actor linked to an entity.
 */
export const actorLinks: SectionKind = {
  name: 'actorLinks',
  types: ['events'],
  create(): EvalSection<ActorLinksResult> {
    const r: ActorLinksResult = { actors: 0, linked: 0, byCoref: 0, namedAttackerEvents: 0, found: 0, foundLinked: 0 };
    let events = 0;
    return {
      add(doc: DocInput) {
        const s = doc.sitrep;
        const byId = new Map(s.mentions.map((m) => [m.id, m]));
        for (const e of s.events) {
          if (e.trigger.start >= doc.scope) continue;
          events++;
          for (const role of e.roles) {
            if (role.role !== 'actor') continue;
            r.actors++;
            const m = role.mention !== undefined ? byId.get(role.mention) : undefined;
            if (m?.entity === undefined) continue;
            r.linked++;
            if (m.source.startsWith('rule:coref/')) r.byCoref++;
          }
        }
        for (const g of doc.gold.events ?? []) {
          if (!isWikiGold(g)) continue;
          const named = (g.arguments ?? []).some((a) => GOLD_ATTACKER_ROLES.has(a.role) && (a as { entity_type?: string }).entity_type === 'ORG' && /^\p{Lu}/u.test(doc.gold.text.slice(a.start, a.end)));
          if (!named) continue;
          r.namedAttackerEvents++;
          const hit = s.events.filter((e) => e.trigger.start < g.trigger.end && g.trigger.start < e.trigger.end);
          if (!hit.length) continue;
          r.found++;
          if (hit.some((e) => linkedActor(byId, e.roles))) r.foundLinked++;
        }
      },
      result() {
        return events || r.namedAttackerEvents ? r : null;
      },
      format(x) {
        const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : '-');
        const rows = [
          ['event actors', 'linked to an entity', 'share', 'without coreference', 'gold events, named attacker', 'found', 'found, actor linked', 'share'],
          [String(x.actors), String(x.linked), pct(x.linked, x.actors), pct(x.linked - x.byCoref, x.actors), String(x.namedAttackerEvents), String(x.found), String(x.foundLinked), pct(x.foundLinked, x.found)],
        ];
        return ['Event actors linked to an entity (sitrep only)', ...columns(rows)];
      },
    };
  },
};
