import { escapeHtml } from './escape.js';
import { BASE_CSS, TYPE_STYLE } from './html-page.js';
import type { AnnotatedDoc, MentionType } from '../doc.js';

/** What the corpus page shows of one document (kept small: the index never holds whole documents). */
export interface DocSummary {
  id: string;
  title: string | null;
  date: string | null;
  path: string;
  counts: Partial<Record<MentionType, number>>;
  events: number;
  diagnostics: number;
}

export interface FailedDoc {
  path: string;
  reason: string;
}

export function summarize(doc: AnnotatedDoc): DocSummary {
  const counts: Partial<Record<MentionType, number>> = {};
  for (const m of doc.mentions) if (m.status !== 'rejected') counts[m.type] = (counts[m.type] ?? 0) + 1;
  return { id: doc.doc.id, title: doc.doc.title, date: doc.doc.date.value, path: doc.doc.source.path, counts, events: doc.events.length, diagnostics: doc.diagnostics.length };
}

/** The corpus page: every document with its date, title and counts per type, and the failures. */
export function renderIndex(docs: DocSummary[], failed: FailedDoc[]): string {
  const types = Object.keys(TYPE_STYLE) as MentionType[];
  const rows = [...docs]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.id.localeCompare(b.id))
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.date ?? '—')}</td><td><a href="${encodeURIComponent(d.id)}.html">${escapeHtml(d.title ?? d.id)}</a><br><span class="muted">${escapeHtml(d.path)}</span></td>${types
          .map((t) => `<td>${d.counts[t] ?? 0}</td>`)
          .join('')}<td>${d.events}</td></tr>`,
    )
    .join('\n');
  const failures = failed.map((f) => `<li><code>${escapeHtml(f.path)}</code>: ${escapeHtml(f.reason)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>sitrep — corpus</title>
<style>${BASE_CSS} main{display:block}</style>
</head>
<body>
<header class="top">sitrep — ${docs.length} documents${failed.length ? `, ${failed.length} failed` : ''}</header>
<main>
<table>
<thead><tr><th>Date</th><th>Document</th>${types.map((t) => `<th>${TYPE_STYLE[t].label}</th>`).join('')}<th>Event frames</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
${failed.length ? `<h2>Failed</h2><ul>${failures}</ul>` : ''}
</main>
</body>
</html>
`;
}
