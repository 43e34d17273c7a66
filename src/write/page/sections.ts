import { escapeHtml, httpUrl } from '../escape.js';
import { MENTION_TYPE_LIST, TYPE_STYLE, typeClass } from './styles.js';
import { idLabelsHtml } from './id-schemes.js';
import type { AnnotatedDoc, Entity, EventFrame, Span } from '../../doc.js';

/** Side panels of the document page, rendered from the JSON; every value escaped. */

const e = escapeHtml;

function label(type: string): string {
  return Object.hasOwn(TYPE_STYLE, type) ? TYPE_STYLE[type as keyof typeof TYPE_STYLE].label : type;
}

/** A span of the text that a chip or link points at (the page highlights it). */
function evidenceAttrs(s: { start: number; end: number }, mention?: string): string {
  return `data-evidence-start="${Number(s.start)}" data-evidence-end="${Number(s.end)}"${mention ? ` data-mention-id="${e(mention)}"` : ''}`;
}

/** An entity's ids as small labels, linked where the scheme has a page per id (see id-schemes.ts). */
export function idLinks(ids: Entity['ids']): string {
  return idLabelsHtml(ids);
}

export function legend(doc: AnnotatedDoc): string {
  const counts = new Map<string, number>();
  let rejected = 0;
  for (const m of doc.mentions) {
    if (m.status === 'rejected') rejected++;
    else counts.set(m.type, (counts.get(m.type) ?? 0) + 1);
  }
  const boxes = MENTION_TYPE_LIST.map(
    (t) => `<label><input type="checkbox" checked data-toggle="${t}"> <span class="sw t-${t}" aria-hidden="true"></span>${TYPE_STYLE[t].label} <span class="muted" data-count="${t}">(${counts.get(t) ?? 0})</span></label>`,
  );
  boxes.push(`<label><input type="checkbox" checked id="show-rejected"> Rejected <span class="muted" data-count="rejected">(${rejected})</span></label>`);
  return `<div class="legend" role="group" aria-label="Show or hide highlights by type">${boxes.join('')}</div>`;
}

export function entitiesSection(doc: AnnotatedDoc): string {
  const byType = new Map<string, Entity[]>();
  for (const ent of doc.entities) {
    if (!ent.mentions.length) continue;
    const list = byType.get(ent.type) ?? [];
    list.push(ent);
    byType.set(ent.type, list);
  }
  const groups = [...byType]
    .sort((a, b) => MENTION_TYPE_LIST.indexOf(a[0] as never) - MENTION_TYPE_LIST.indexOf(b[0] as never))
    .map(([type, list]) => {
      const items = list
        .sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name))
        .map((ent) => `<li><button type="button" class="ent" data-entity="${e(ent.id)}" aria-pressed="false"><span class="sw ${typeClass(ent.type)}" aria-hidden="true"></span>${e(ent.name)} <span class="muted">(${ent.mentions.length})</span></button>${idLinks(ent.ids)}</li>`)
        .join('');
      return `<h3>${e(label(type))}</h3><ul class="plain ents">${items}</ul>`;
    });
  const total = [...byType.values()].reduce((n, l) => n + l.length, 0);
  return `<section aria-labelledby="entities-h"><h2 id="entities-h">Entities <span class="muted">(${total})</span></h2>
<div id="entity-stepper" class="controls" hidden><span id="entity-pos" aria-live="polite"></span><button type="button" id="entity-prev" aria-label="Previous mention of this entity">◀ <kbd>[</kbd></button><button type="button" id="entity-next" aria-label="Next mention of this entity"><kbd>]</kbd> ▶</button></div>
${groups.join('\n') || '<p class="muted">none</p>'}</section>`;
}

function chip(cls: string, text: string, span: Span | undefined, mention?: string): string {
  if (!span || !Number.isInteger(span.start) || !Number.isInteger(span.end)) return `<span class="chip ${cls}">${e(text)}</span>`;
  return `<button type="button" class="chip ${cls}" ${evidenceAttrs(span, mention)}>${e(text)}</button>`;
}

function eventCard(ev: EventFrame): string {
  const roles = (ev.roles ?? []).map((r) => chip(`role-${e(r.role)}`, `${r.role}: ${r.text}`, r, r.mention));
  const counts: string[] = [];
  for (const [k, c] of [['killed', ev.fatalities], ['injured', ev.injured]] as const) {
    if (c) counts.push(chip('role-count', `${k}: ${c.qualifier && c.qualifier !== 'exact' ? `${c.qualifier} ` : ''}${c.value}`, c.evidence));
  }
  const codes: string[] = [];
  if (ev.codes?.acled) codes.push(`ACLED: ${e(ev.codes.acled.eventType)} / ${e(ev.codes.acled.subEventType)}`);
  if (ev.codes?.plover) codes.push(`PLOVER: ${e(ev.codes.plover.category)}${ev.codes.plover.mode ? ` (${e(ev.codes.plover.mode)})` : ''}`);
  if (ev.codes?.cameo) codes.push(`CAMEO: ${e(ev.codes.cameo)}`);
  const fact = String(ev.factuality ?? 'asserted');
  return `<li class="card" data-event-id="${e(ev.id)}"><header><strong>${e(ev.type)}</strong>${ev.subtype ? ` <span class="muted">${e(ev.subtype)}</span>` : ''} <span class="badge fact-${e(fact.replace(/[^a-z]/gi, ''))}" title="factuality">${e(fact)}</span> <span class="muted">confidence ${e(ev.confidence)}</span></header>
<div>${chip('role-trigger', `trigger: ${ev.trigger?.text ?? ''}`, ev.trigger, ev.mention)}${roles.join('')}${counts.join('')}</div>${codes.length ? `<div class="codes">${codes.join(' · ')}</div>` : ''}</li>`;
}

export function eventsSection(doc: AnnotatedDoc): string {
  const events = [...doc.events].sort((a, b) => (a.trigger?.start ?? 0) - (b.trigger?.start ?? 0));
  return `<section aria-labelledby="events-h"><h2 id="events-h">Events <span class="muted">(${events.length})</span></h2>
${events.length ? `<ul class="plain">${events.map(eventCard).join('\n')}</ul>` : '<p class="muted">none</p>'}</section>`;
}

export function diagnosticsSection(doc: AnnotatedDoc): string {
  const items = doc.diagnostics.map((d) => {
    let place = '';
    const p = d.place;
    if (p) {
      const where = `line ${e(p.line)}, column ${e(p.column)}`;
      const off = Number.isInteger(p.offset) && p.offset! >= 0 && p.offset! < doc.text.length ? p.offset! : null;
      place = off === null ? `<span class="muted">${where}</span>` : `<button type="button" class="jump" ${evidenceAttrs({ start: off, end: off + Math.max(1, /^\S*/.exec(doc.text.slice(off, off + 80))![0].length) })}>${where}</button>`;
    }
    return `<li><span class="badge">${e(d.severity)}</span> ${e(d.message)} <span class="muted">${e(d.ruleId)}</span> ${place}</li>`;
  });
  return `<section aria-labelledby="diag-h"><h2 id="diag-h">Diagnostics <span class="muted">(${items.length})</span></h2>
${items.length ? `<ul class="plain">${items.join('\n')}</ul>` : '<p class="muted">none</p>'}</section>`;
}

export function reviewSection(doc: AnnotatedDoc): string {
  const reviewed = doc.mentions.filter((m) => (m.status ?? 'auto') !== 'auto').length;
  const options = MENTION_TYPE_LIST.map((t) => `<option value="${t}">${TYPE_STYLE[t].label}</option>`).join('');
  return `<section aria-labelledby="review-h"><h2 id="review-h">Review</h2>
<meter id="progress" min="0" max="${Math.max(1, doc.mentions.length)}" value="${reviewed}" aria-label="Mentions reviewed"></meter>
<p id="progress-text" class="muted">${reviewed} of ${doc.mentions.length} mentions reviewed.</p>
<div class="controls"><label for="reviewer">Reviewer</label><input type="text" id="reviewer" autocomplete="name" placeholder="your name"></div>
<h3>Add a missed mention</h3>
<p id="picked" class="muted" aria-live="polite">Select text in the article first.</p>
<div class="controls"><label for="add-type">Type</label><select id="add-type">${options}</select><button type="button" id="add-btn" disabled>Add</button></div>
<h3>Not exported yet</h3>
<ul id="pending" class="plain pending-list"></ul>
<div class="controls"><button type="button" id="export-btn" disabled>Export review</button><button type="button" id="discard-btn" disabled>Discard</button></div>
<p id="export-note" class="muted" aria-live="polite"></p>
<p id="storage-warning" class="warn" hidden>This browser does not let the page keep decisions: export them before closing it.</p>
</section>`;
}

/** The document's metadata, as text (links only for http(s) URLs). */
export function metaLine(doc: AnnotatedDoc): string {
  const d = doc.doc;
  const parts = [`${e(d.date.value ?? 'undated')}${d.date.source && d.date.source !== 'none' ? ` <span title="where the date comes from">(${e(d.date.source)})</span>` : ''}`, e(d.source.path), `id ${e(d.id)}`];
  const meta = Object.entries(d.meta ?? {}).map(([k, v]) => {
    const url = httpUrl(v);
    return `<li><strong>${e(k)}</strong>: ${url ? `<a href="${e(url)}" rel="noopener noreferrer">${e(v)}</a>` : e(v)}</li>`;
  });
  return `<p>${parts.join(' · ')}</p>${meta.length ? `<details><summary>Metadata</summary><ul>${meta.join('')}</ul></details>` : ''}`;
}

