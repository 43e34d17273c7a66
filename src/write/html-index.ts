import { fileNameOf } from '../doc-id.js';
import { escapeHtml } from './escape.js';
import { cspMeta } from './page/csp.js';
import { indexPageClient } from './page/index-client.js';
import { BASE_CSS, MENTION_TYPE_LIST, TYPE_STYLE, typeClass } from './page/styles.js';
import { idLinks } from './page/sections.js';
import type { AnnotatedDoc, EntityIds, MentionType } from '../doc.js';

/** An entity as the corpus page lists it for one document. */
export interface EntitySummary {
  id: string;
  type: MentionType;
  name: string;
  ids?: EntityIds;
  /** Mentions in this document (rejected ones left out). */
  count: number;
}

/** An event on the corpus timeline. */
export interface TimelineEntry {
  /** The normalised date (TIMEX3 value) of the event's time, or the document date. */
  date: string;
  /** ISO date the entry sorts by (start of the date's interval). */
  sort: string;
  /** `event`: from the event's time role; `document`: the document date, the event having none. */
  dateFrom: 'event' | 'document';
  type: string;
  factuality: string;
  trigger: string;
  actor?: string;
  place?: string;
}

/** Review progress of one document. */
export interface ReviewSummary {
  total: number;
  reviewed: number;
  accepted: number;
  rejected: number;
  edited: number;
  added: number;
  /** Review decisions that could not be placed in the text any more. */
  unplaced: number;
}

/**
 * What the corpus page shows of one document. Kept small and plain (it is stored in the batch
 * manifest and crosses threads): the index is built from these, never from whole documents.
 * Fields after `diagnostics` may be missing in summaries made by older versions.
 */
export interface DocSummary {
  id: string;
  title: string | null;
  date: string | null;
  path: string;
  counts: Partial<Record<MentionType, number>>;
  events: number;
  diagnostics: number;
  review?: ReviewSummary;
  entities?: EntitySummary[];
  timeline?: TimelineEntry[];
  /** ISO 3166 alpha-2 codes of the countries the document mentions (directly, by nationality, or through its places). */
  countries?: string[];
  /** The name of the document's files when it is not `fileNameOf(id)` (cut, or told from an id that differs only in case). */
  file?: string;
}

export interface FailedDoc {
  path: string;
  reason: string;
}

/** At most this many timeline entries per document. */
const TIMELINE_PER_DOC = 200;
/** At most this many entities in the corpus-wide index (the most widespread first). */
const ENTITY_INDEX_MAX = 2000;
/** At most this many events on the corpus timeline (in date order). */
const TIMELINE_MAX = 5000;

export function summarize(doc: AnnotatedDoc, file?: string): DocSummary {
  const counts: Partial<Record<MentionType, number>> = {};
  const review: ReviewSummary = { total: doc.mentions.length, reviewed: 0, accepted: 0, rejected: 0, edited: 0, added: 0, unplaced: 0 };
  const byId = new Map(doc.mentions.map((m) => [m.id, m]));
  for (const m of doc.mentions) {
    const s = m.status ?? 'auto';
    if (s !== 'auto') {
      review.reviewed++;
      if (s in review) review[s as 'accepted' | 'rejected' | 'edited' | 'added']++;
    }
    if (s !== 'rejected') counts[m.type] = (counts[m.type] ?? 0) + 1;
  }
  review.unplaced = doc.diagnostics.filter((d) => d.ruleId === 'review:unplaced').length;

  const entityById = new Map(doc.entities.map((e) => [e.id, e]));
  const entities: EntitySummary[] = doc.entities
    .map((e) => ({ id: e.id, type: e.type, name: e.name, ...(Object.values(e.ids ?? {}).some(Boolean) ? { ids: e.ids } : {}), count: e.mentions.filter((id) => byId.get(id)?.status !== 'rejected').length }))
    .filter((e) => e.count > 0);

  const countries = new Set<string>();
  for (const e of doc.entities) {
    if (!e.mentions.length) continue;
    if (e.type === 'country' && e.ids?.iso2) countries.add(e.ids.iso2);
    const c = e.country ? entityById.get(e.country)?.ids?.iso2 ?? /^country:([A-Z]{2})$/.exec(e.country)?.[1] : undefined;
    if (c) countries.add(c);
  }

  const timeline: TimelineEntry[] = [];
  for (const ev of doc.events) {
    if (timeline.length >= TIMELINE_PER_DOC) break;
    const time = ev.roles.find((r) => r.role === 'time');
    const tm = time?.mention ? byId.get(time.mention) : undefined;
    let date = tm?.date?.value ?? tm?.value;
    let sort = tm?.date?.interval?.start ?? (date && /^\d{4}/.test(date) ? date : undefined);
    let dateFrom: TimelineEntry['dateFrom'] = 'event';
    if (!date || !sort) {
      if (!doc.doc.date.value) continue;
      date = sort = doc.doc.date.value;
      dateFrom = 'document';
    }
    const actor = ev.roles.find((r) => r.role === 'actor');
    const place = ev.roles.find((r) => r.role === 'place');
    timeline.push({ date, sort, dateFrom, type: ev.type, factuality: ev.factuality, trigger: ev.trigger.text, ...(actor ? { actor: actor.text } : {}), ...(place ? { place: place.text } : {}) });
  }

  return {
    id: doc.doc.id,
    title: doc.doc.title,
    date: doc.doc.date.value,
    path: doc.doc.source.path,
    counts,
    events: doc.events.length,
    diagnostics: doc.diagnostics.length,
    review,
    entities,
    timeline,
    countries: [...countries].sort(),
    ...(file !== undefined && file !== fileNameOf(doc.doc.id) ? { file } : {}),
  };
}

const e = escapeHtml;
/** The page of a document: its file's name (percent-encoded again, as a URL path segment). */
const docHref = (id: string, file?: string): string => `${encodeURIComponent(file ?? fileNameOf(id))}.html`;
const tokens = (xs: Iterable<string>): string => e([...xs].join(' '));

export const INDEX_SCRIPT = `var __name = function (f) { return f; };\n(${indexPageClient.toString()})();`;

const INDEX_CSS = `${BASE_CSS}
main{padding:1.2rem;max-width:100rem;margin:auto}
section{margin-bottom:2rem}
h2{font-size:1.15rem}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;background:#fff;border:1px solid #d6d6d6;border-radius:6px;padding:.6rem .9rem;margin-bottom:1rem}
.num{text-align:right;font-variant-numeric:tabular-nums}
meter{width:6rem}
.docs a{font-weight:600}
.warn{color:#8a1c1c}
`;

/**
 * The corpus page: the documents with date, title, counts per type, review progress and failures;
 * an index of entities across documents; a timeline of events by normalised date; filters by type,
 * country and group. Built from summaries only, in one pass over them.
 */
export function renderIndex(docs: Iterable<DocSummary>, failed: FailedDoc[]): string {
  const types = MENTION_TYPE_LIST;
  const rows: { key: string; html: string }[] = [];
  const entityIndex = new Map<string, { id: string; type: MentionType; name: string; ids?: EntityIds; total: number; docs: [string, number][] }>();
  const timeline: { sort: string; html: string }[] = [];
  const countryNames = new Map<string, string>();
  const groupNames = new Map<string, string>();
  const titles = new Map<string, string>();
  const files = new Map<string, string>();
  let n = 0;
  const totals = { reviewed: 0, mentions: 0, unplaced: 0 };

  for (const d of docs) {
    n++;
    const title = d.title ?? d.id;
    titles.set(d.id, title);
    if (d.file !== undefined) files.set(d.id, d.file);
    const ents = d.entities ?? [];
    for (const x of ents) {
      if (x.type === 'country' && x.ids?.iso2 && !countryNames.has(x.ids.iso2)) countryNames.set(x.ids.iso2, x.name);
      if (x.type === 'group' && !groupNames.has(x.id)) groupNames.set(x.id, x.name);
      let agg = entityIndex.get(x.id);
      if (!agg) entityIndex.set(x.id, (agg = { id: x.id, type: x.type, name: x.name, ...(x.ids ? { ids: x.ids } : {}), total: 0, docs: [] }));
      agg.total += x.count;
      agg.docs.push([d.id, x.count]);
    }
    for (const c of d.countries ?? []) if (!countryNames.has(c)) countryNames.set(c, c);
    const presentTypes = types.filter((t) => (d.counts[t] ?? 0) > 0);
    const groups = ents.filter((x) => x.type === 'group').map((x) => x.id);
    const r = d.review;
    if (r) {
      totals.reviewed += r.reviewed;
      totals.mentions += r.total;
      totals.unplaced += r.unplaced;
    }
    const progress = r
      ? `<meter min="0" max="${Math.max(1, r.total)}" value="${r.reviewed}" aria-label="reviewed"></meter> ${r.reviewed}/${r.total}${r.rejected ? ` <span class="muted">(${r.rejected} rejected)</span>` : ''}${r.unplaced ? ` <span class="warn">${r.unplaced} unplaced</span>` : ''}`
      : '<span class="muted">—</span>';
    rows.push({
      key: `${d.date ?? ''}\u0000${d.id}`,
      html: `<tr data-doc="${e(d.id)}" data-types="${tokens(presentTypes)}" data-countries="${tokens(d.countries ?? [])}" data-groups="${tokens(groups)}"><td>${e(d.date ?? '—')}</td><td><a href="${e(docHref(d.id, d.file))}">${e(title)}</a><br><span class="muted">${e(d.path)}</span></td>${types
        .map((t) => `<td class="num">${d.counts[t] ?? 0}</td>`)
        .join('')}<td class="num">${d.events}</td><td>${progress}</td><td class="num">${d.diagnostics}</td></tr>`,
    });
    for (const t of d.timeline ?? []) {
      timeline.push({
        sort: `${t.sort}\u0000${d.id}`,
        html: `<tr data-doc="${e(d.id)}"><td>${e(t.date)}${t.dateFrom === 'document' ? ' <span class="muted" title="the event has no date of its own: the document date">(doc)</span>' : ''}</td><td>${e(t.type)}</td><td><span class="badge fact-${e(String(t.factuality).replace(/[^a-z]/gi, ''))}">${e(t.factuality)}</span></td><td>${e(t.trigger)}</td><td>${e(t.actor ?? '')}</td><td>${e(t.place ?? '')}</td><td><a href="${e(docHref(d.id, d.file))}">${e(title)}</a></td></tr>`,
      });
    }
  }

  rows.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  timeline.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0));
  const shownTimeline = timeline.slice(0, TIMELINE_MAX);
  const entities = [...entityIndex.values()].sort((a, b) => b.docs.length - a.docs.length || b.total - a.total || a.name.localeCompare(b.name));
  const shownEntities = entities.slice(0, ENTITY_INDEX_MAX);
  const entityRows = shownEntities.map((x) => {
    const docsHtml = x.docs
      .slice(0, 25)
      .map(([id, c]) => `<a href="${e(docHref(id, files.get(id)))}">${e(titles.get(id) ?? id)}</a> <span class="muted">(${c})</span>`)
      .join(', ');
    return `<tr data-type="${e(x.type)}" data-entity="${e(x.id)}" data-docs="${tokens(x.docs.map(([id]) => id))}"><td><span class="sw ${typeClass(x.type)}" aria-hidden="true"></span>${e(x.name)} ${x.ids ? idLinks(x.ids) : ''}</td><td>${e(TYPE_STYLE[x.type]?.label ?? x.type)}</td><td class="num">${x.docs.length}</td><td class="num">${x.total}</td><td>${docsHtml}${x.docs.length > 25 ? ` <span class="muted">and ${x.docs.length - 25} more</span>` : ''}</td></tr>`;
  });

  const option = (v: string, label: string): string => `<option value="${e(v)}">${e(label)}</option>`;
  const countryOptions = [...countryNames].sort((a, b) => a[1].localeCompare(b[1])).map(([c, name]) => option(c, name === c ? c : `${name} (${c})`));
  const groupOptions = [...groupNames].sort((a, b) => a[1].localeCompare(b[1])).map(([id, name]) => option(id, name));
  const failures = failed.map((f) => `<li><code>${e(f.path)}</code>: ${e(f.reason)}</li>`).join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${cspMeta(INDEX_CSS, INDEX_SCRIPT)}
<meta name="referrer" content="no-referrer">
<title>sitrep — corpus</title>
<style>${INDEX_CSS}</style>
</head>
<body>
<header class="top"><h1>sitrep — corpus</h1><p>${n} documents${failed.length ? `, <strong>${failed.length} failed</strong>` : ''} · ${totals.reviewed} of ${totals.mentions} mentions reviewed${totals.unplaced ? ` · ${totals.unplaced} review decisions could not be placed` : ''}</p></header>
<main>
<div class="filters" role="search" aria-label="Filter documents" id="filters">
<label>Type <select id="f-type"><option value="">any</option>${types.map((t) => option(t, TYPE_STYLE[t].label)).join('')}</select></label>
<label>Country <select id="f-country"><option value="">any</option>${countryOptions.join('')}</select></label>
<label>Group <select id="f-group"><option value="">any</option>${groupOptions.join('')}</select></label>
<output id="f-count" aria-live="polite">${n} of ${n} documents</output>
</div>
<section aria-labelledby="docs-h"><h2 id="docs-h">Documents</h2>
<table class="docs">
<thead><tr><th scope="col">Date</th><th scope="col">Document</th>${types.map((t) => `<th scope="col" class="num"><span class="sw t-${t}" aria-hidden="true"></span>${TYPE_STYLE[t].label}</th>`).join('')}<th scope="col" class="num">Event frames</th><th scope="col">Reviewed</th><th scope="col" class="num">Diagnostics</th></tr></thead>
<tbody id="docs">
${rows.map((r) => r.html).join('\n')}
</tbody>
</table>
</section>
${failed.length ? `<section aria-labelledby="failed-h"><h2 id="failed-h">Failed</h2><ul>${failures}</ul></section>` : ''}
<section aria-labelledby="entities-h"><h2 id="entities-h">Entities across documents <span class="muted">(${entities.length}${entities.length > shownEntities.length ? `, the ${shownEntities.length} most widespread shown` : ''})</span></h2>
<table>
<thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Mentions</th><th scope="col">Where</th></tr></thead>
<tbody id="entities">
${entityRows.join('\n')}
</tbody>
</table>
</section>
<section aria-labelledby="timeline-h"><h2 id="timeline-h">Events timeline <span class="muted">(${timeline.length}${timeline.length > shownTimeline.length ? `, the first ${shownTimeline.length} shown` : ''})</span></h2>
<table>
<thead><tr><th scope="col">Date</th><th scope="col">Event</th><th scope="col">Factuality</th><th scope="col">Trigger</th><th scope="col">Actor</th><th scope="col">Place</th><th scope="col">Document</th></tr></thead>
<tbody id="timeline">
${shownTimeline.map((t) => t.html).join('\n')}
</tbody>
</table>
</section>
</main>
<script>${INDEX_SCRIPT}</script>
</body>
</html>
`;
}
