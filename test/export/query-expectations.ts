import type { AnnotatedDoc, Entity, Mention } from '../../src/doc.js';

/**
 * What the example SQL queries (src/export/queries/*.sql) must return, computed from the JSON
 * directly — a second, independent reading of the same definitions.
 */

const rejected = (m: Mention | undefined): boolean => m?.status === 'rejected';
const byMin = (xs: string[]): string | null => (xs.length ? xs.reduce((a, b) => (b < a ? b : a)) : null);

/** MIN(name) over every document's entity rows with this id. */
function entityName(docs: AnnotatedDoc[], id: string | null): string | null {
  if (id === null) return null;
  return byMin(docs.flatMap((d) => d.entities.filter((e) => e.id === id).map((e) => e.name)));
}

/** The entity a mention links to in its document (the database keeps only links to the document's entities). */
function entityOf(doc: AnnotatedDoc, m: Mention | undefined): Entity | undefined {
  return m?.entity === undefined ? undefined : doc.entities.find((e) => e.id === m.entity);
}

export function attacksByGroupSince(docs: AnnotatedDoc[], group: string, since: string) {
  const groups = new Map<string | null, string[]>();
  for (const d of docs) {
    const mention = new Map(d.mentions.map((m) => [m.id, m]));
    for (const ev of d.events) {
      if (ev.type !== 'attack' || ['negated', 'hypothetical', 'generic'].includes(ev.factuality)) continue;
      if (ev.mention !== undefined && rejected(mention.get(ev.mention))) continue;
      const actors = ev.roles.filter((r) => r.role === 'actor').map((r) => entityOf(d, r.mention === undefined ? undefined : mention.get(r.mention))?.id);
      if (!actors.includes(group)) continue;
      const place = ev.roles.find((r) => r.role === 'place');
      const pe = entityOf(d, place?.mention === undefined ? undefined : mention.get(place.mention));
      const country = pe ? (pe.type === 'country' ? pe.id : (pe.country ?? null)) : null;
      const time = ev.roles.find((r) => r.role === 'time');
      const date = (time?.mention === undefined ? undefined : mention.get(time.mention)?.date?.interval?.start) ?? d.doc.date.value;
      if (date === null || date < since) continue;
      groups.set(country, [...(groups.get(country) ?? []), date]);
    }
  }
  return [...groups]
    .map(([country, dates]) => ({ country, country_name: entityName(docs, country), attacks: dates.length, first_date: byMin(dates), last_date: dates.reduce((a, b) => (b > a ? b : a)) }))
    .sort((a, b) => b.attacks - a.attacks || Number(a.country === null) - Number(b.country === null) || (a.country ?? '').localeCompare(b.country ?? ''));
}

export function groupsMostMentionedPerMonth(docs: AnnotatedDoc[], top: number) {
  const counts = new Map<string, { month: string; group_id: string; mentions: number; docs: Set<string> }>();
  for (const d of docs) {
    if (!d.doc.date.value) continue;
    const month = d.doc.date.value.slice(0, 7);
    for (const m of d.mentions) {
      const e = entityOf(d, m);
      if (m.type !== 'group' || !e || rejected(m)) continue;
      const key = `${month} ${e.id}`;
      const c = counts.get(key) ?? { month, group_id: e.id, mentions: 0, docs: new Set() };
      c.mentions++;
      c.docs.add(d.doc.id);
      counts.set(key, c);
    }
  }
  const rows = [...counts.values()].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : b.mentions - a.mentions || (a.group_id < b.group_id ? -1 : 1)));
  const out = [];
  let month = '';
  let rank = 0;
  for (const r of rows) {
    rank = r.month === month ? rank + 1 : 1;
    month = r.month;
    if (rank <= top) out.push({ month: r.month, month_rank: rank, group_id: r.group_id, group_name: entityName(docs, r.group_id), mentions: r.mentions, documents: r.docs.size });
  }
  return out;
}

export function documentsMentioningBoth(docs: AnnotatedDoc[], a: string, b: string) {
  return docs
    .map((d) => {
      const count = (id: string): number => d.mentions.filter((m) => !rejected(m) && entityOf(d, m)?.id === id).length;
      return { id: d.doc.id, title: d.doc.title, date: d.doc.date.value, first_mentions: count(a), second_mentions: count(b) };
    })
    .filter((r) => r.first_mentions > 0 && r.second_mentions > 0)
    .sort((x, y) => Number(x.date === null) - Number(y.date === null) || (x.date ?? '').localeCompare(y.date ?? '') || (x.id < y.id ? -1 : 1));
}
