import { escapeHtml } from './escape.js';
import type { AnnotatedDoc, Mention, MentionType } from '../doc.js';

/** Colours per mention type: dark text on light fills, readable at WCAG AA. */
export const TYPE_STYLE: Record<MentionType, { label: string; bg: string; border: string }> = {
  group: { label: 'Group', bg: '#ffe1b3', border: '#b35c00' },
  country: { label: 'Country', bg: '#c9f2d0', border: '#1b7a33' },
  place: { label: 'Place', bg: '#d4ecff', border: '#1f5f99' },
  person: { label: 'Person', bg: '#f4d4f7', border: '#863a8f' },
  date: { label: 'Date', bg: '#fff3a8', border: '#8a7400' },
  event: { label: 'Event', bg: '#ffd0d0', border: '#a61b1b' },
  nationality: { label: 'Nationality', bg: '#e3e3e3', border: '#555555' },
};

export function mentionTooltip(m: Mention, doc: AnnotatedDoc): string {
  const entity = m.entity ? doc.entities.find((e) => e.id === m.entity) : undefined;
  const parts = [`${TYPE_STYLE[m.type]?.label ?? m.type}`];
  if (m.value) parts.push(`value: ${m.value}`);
  if (entity && entity.name !== m.text) parts.push(`entity: ${entity.name}`);
  if (entity?.ids.iso2) parts.push(`ISO: ${entity.ids.iso2} / ${entity.ids.iso3}`);
  parts.push(`source: ${m.source}`, `confidence: ${m.confidence}`);
  return parts.join(' · ');
}

/** The article text with each mention wrapped in a highlight; every slice of text escaped. */
export function highlightText(doc: AnnotatedDoc): string {
  const out: string[] = [];
  let at = 0;
  const mentions = [...doc.mentions].filter((m) => m.status !== 'rejected').sort((a, b) => a.start - b.start || b.end - a.end);
  for (const m of mentions) {
    if (m.start < at) continue; // overlapping (e.g. a reviewer's added span): keep the first
    out.push(escapeHtml(doc.text.slice(at, m.start)));
    out.push(
      `<mark class="m t-${escapeHtml(m.type)}" data-mention-id="${escapeHtml(m.id)}" data-type="${escapeHtml(m.type)}" tabindex="0" title="${escapeHtml(mentionTooltip(m, doc))}">${escapeHtml(doc.text.slice(m.start, m.end))}</mark>`,
    );
    at = m.end;
  }
  out.push(escapeHtml(doc.text.slice(at)));
  return out.join('');
}

function typeCss(): string {
  return Object.entries(TYPE_STYLE)
    .map(([t, s]) => `.t-${t}{background:${s.bg};border-bottom:2px solid ${s.border}} .sw-${t}{background:${s.bg};border:1px solid ${s.border}}`)
    .join('\n');
}

export const BASE_CSS = `
body{font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header.top{background:#1d2b3a;color:#fff;padding:.8rem 1.2rem}
header.top a{color:#cfe3ff}
main{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.2rem;padding:1.2rem;max-width:90rem;margin:auto}
.text{white-space:pre-wrap;background:#fff;padding:1.2rem 1.5rem;border:1px solid #ddd;border-radius:6px}
mark.m{color:inherit;padding:0 .1em;border-radius:2px;cursor:pointer}
mark.m:focus{outline:3px solid #1d4ed8;outline-offset:1px}
body.hide-group .t-group,body.hide-country .t-country,body.hide-place .t-place,body.hide-person .t-person,body.hide-date .t-date,body.hide-event .t-event,body.hide-nationality .t-nationality{background:none;border-bottom:none}
.legend label{display:inline-block;margin:0 .6rem .3rem 0;cursor:pointer}
.sw{display:inline-block;width:.9em;height:.9em;vertical-align:middle;margin-right:.2em}
aside section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.6rem .9rem;margin-bottom:1rem}
aside h2{font-size:1rem;margin:.2rem 0 .5rem}
ul.plain{list-style:none;padding:0;margin:0}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e5e5e5;vertical-align:top}
.muted{color:#555}
${typeCss()}
`;

/** The review page of one document, rendered only from its serialized JSON. */
export function renderDocPage(doc: AnnotatedDoc): string {
  const title = doc.doc.title ?? doc.doc.id;
  const counts = new Map<string, number>();
  for (const m of doc.mentions) counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  const legend = (Object.keys(TYPE_STYLE) as MentionType[])
    .map((t) => `<label><input type="checkbox" checked data-toggle="${t}"> <span class="sw sw-${t}"></span>${TYPE_STYLE[t].label} (${counts.get(t) ?? 0})</label>`)
    .join('');
  const mentionById = new Map(doc.mentions.map((m) => [m.id, m]));
  const entities = doc.entities
    .map((e) => `<li><span class="sw sw-${escapeHtml(e.type)}"></span>${escapeHtml(e.name)} <span class="muted">(${e.mentions.length})</span></li>`)
    .join('');
  const events = doc.events
    .map((ev) => {
      const roles = ev.roles.map((r) => `${escapeHtml(r.role)}: ${escapeHtml(r.text)}`).join('; ');
      return `<li><strong>${escapeHtml(ev.type)}</strong> “${escapeHtml(ev.trigger.text)}” <span class="muted">${escapeHtml(ev.factuality)}</span><br><span class="muted">${roles}</span></li>`;
    })
    .join('');
  const diagnostics = doc.diagnostics.map((d) => `<li>${escapeHtml(d.severity)}: ${escapeHtml(d.message)} <span class="muted">${escapeHtml(d.ruleId)}</span></li>`).join('');
  void mentionById;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escapeHtml(title)} — sitrep</title>
<style>${BASE_CSS}</style>
</head>
<body>
<header class="top"><a href="index.html">sitrep</a> › ${escapeHtml(title)}<br><span>${escapeHtml(doc.doc.date.value ?? 'undated')} · ${escapeHtml(doc.doc.source.path)}</span></header>
<main>
<article aria-label="Annotated article">
<div class="legend" role="group" aria-label="Show or hide mention types">${legend}</div>
<div class="text" id="text">${highlightText(doc)}</div>
</article>
<aside>
<section><h2>Entities</h2><ul class="plain">${entities}</ul></section>
<section><h2>Events</h2><ul class="plain">${events || '<li class="muted">none</li>'}</ul></section>
<section><h2>Diagnostics</h2><ul class="plain">${diagnostics || '<li class="muted">none</li>'}</ul></section>
</aside>
</main>
<script>
for (const box of document.querySelectorAll('input[data-toggle]')) {
  box.addEventListener('change', () => document.body.classList.toggle('hide-' + box.dataset.toggle, !box.checked));
}
</script>
</body>
</html>
`;
}
