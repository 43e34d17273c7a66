import { escapeHtml, jsonForScript } from './escape.js';
import { cspMeta } from './page/csp.js';
import { docPageClient } from './page/client.js';
import { highlightOps } from './page/highlight-ops.js';
import { pageData } from './page/doc-data.js';
import { PAGE_CSS } from './page/styles.js';
import { highlightText } from './page/text.js';
import { diagnosticsSection, entitiesSection, eventsSection, legend, metaLine, reviewSection } from './page/sections.js';
import type { AnnotatedDoc } from '../doc.js';

export { TYPE_STYLE, BASE_CSS } from './page/styles.js';
export { highlightText, mentionTooltip } from './page/text.js';

/**
 * The page's script: the client function called with the highlight layout (both carried as source
 * text). `__name` is a no-op for the helper that esbuild-based runners (tsx, vitest) insert into
 * function source; the tsc build has none.
 */
export const DOC_PAGE_SCRIPT = `var __name = function (f) { return f; };\n(${docPageClient.toString()})(${highlightOps.toString()});`;

const KEYS = `<div id="help" class="help" hidden><p><kbd>n</kbd>/<kbd>j</kbd> next mention · <kbd>p</kbd>/<kbd>k</kbd> previous · <kbd>a</kbd> accept · <kbd>r</kbd> reject · <kbd>u</kbd> undo · <kbd>t</kbd> change type · <kbd>]</kbd>/<kbd>[</kbd> next/previous mention of the selected entity · <kbd>Esc</kbd> deselect · <kbd>?</kbd> this help. To add a missed mention, select its text and use “Add” in the Review panel.</p></div>`;

/**
 * The review page of one document: one self-contained file (inline CSS and script, no network),
 * rendered only from the document's serialized JSON, with every slice of text escaped.
 */
export function renderDocPage(doc: AnnotatedDoc): string {
  const title = doc.doc.title ?? doc.doc.id;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${cspMeta(PAGE_CSS, DOC_PAGE_SCRIPT)}
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — sitrep</title>
<style>${PAGE_CSS}</style>
</head>
<body>
<header class="top">
<nav aria-label="Corpus"><a href="index.html">sitrep corpus</a></nav>
<h1>${escapeHtml(title)}</h1>
${metaLine(doc)}
<p class="help"><button type="button" id="help-btn" aria-expanded="false" aria-controls="help">Keyboard keys</button> or press <kbd>?</kbd> anywhere but in a text field.</p>
${KEYS}
</header>
<noscript><p>Reviewing needs JavaScript; the highlights and lists work without it.</p></noscript>
<main>
<article aria-labelledby="text-h">
<h2 id="text-h" class="vh">Article text</h2>
${legend(doc)}
<div id="text" class="text" role="region" aria-label="Annotated article text">${highlightText(doc)}</div>
</article>
<aside aria-label="Mention details and review">
<section aria-labelledby="details-h"><h2 id="details-h">Selected mention</h2><div id="details" aria-live="polite"><p class="muted">Click a highlight, or press n for the next one.</p></div></section>
${reviewSection(doc)}
${entitiesSection(doc)}
${eventsSection(doc)}
${diagnosticsSection(doc)}
</aside>
</main>
<script type="application/json" id="sitrep-data">${jsonForScript(pageData(doc))}</script>
<script>${DOC_PAGE_SCRIPT}</script>
</body>
</html>
`;
}
