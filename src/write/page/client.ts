import type { HighlightOp } from './highlight-ops.js';

/**
 * The document page's script. The page carries this function's source text and calls it with the
 * highlight layout function, so it must stay self-contained: no imports at run time, no names from
 * outside other than its parameter and the browser's. Everything it shows of the document goes in
 * through `textContent` or attribute values, never through HTML.
 *
 * What it does: per-type toggles, mention details, entity stepping, evidence of event roles and
 * diagnostics, keyboard use, and the review loop (accept, reject, retype, re-bound, add) whose
 * decisions live in localStorage until they are exported as `<doc-id>.review.json`.
 */
export function docPageClient(layout: (length: number, spans: ReadonlyArray<{ start: number; end: number }>) => HighlightOp[]): void {
  type Type = string;
  interface Review {
    by?: string;
    at?: string;
    note?: string;
    decision?: string;
    was?: { type: string; start: number; end: number; text: string };
  }
  interface Mention {
    id: string;
    type: Type;
    start: number;
    end: number;
    text: string;
    sentence: number;
    value?: string;
    date?: { value: string; granularity: string; mod?: string; interval?: { start: string; end: string }; anchor?: string };
    entity?: string;
    source: string;
    confidence: number;
    status?: string;
    review?: Review;
  }
  interface Entity {
    id: string;
    type: Type;
    name: string;
    ids: Record<string, string | undefined>;
    /** The ids as labels (src/write/page/id-schemes.ts), made when the page was written. */
    idLabels: { text: string; title: string; href?: string }[];
    partOf?: string;
    country?: string;
    mentions: string[];
  }
  interface Quote {
    start: number;
    end: number;
    exact: string;
    prefix: string;
    suffix: string;
  }
  interface Target extends Quote {
    id: string;
    type: Type;
    key: string;
  }
  interface Decision {
    id: string;
    action: 'accept' | 'reject' | 'edit' | 'add';
    target?: Target;
    type?: Type;
    span?: Quote;
    by?: string;
    at: string;
  }
  /** A mention as the page shows it: the document's, with this session's decision on top. */
  interface View extends Mention {
    pending: boolean;
    /** Id of the mention in the document this view comes from (none for a mention added here). */
    origin?: string;
  }
  interface Data {
    docId: string;
    sha256: string;
    text: string;
    types: [Type, string][];
    mentions: Mention[];
    entities: Entity[];
  }

  const dataEl = document.getElementById('sitrep-data');
  const textEl = document.getElementById('text');
  if (!dataEl || !textEl) return;
  const data = JSON.parse(dataEl.textContent || '{}') as Data;
  const text = data.text;
  const typeLabel = new Map<Type, string>(data.types);
  const label = (t: Type): string => typeLabel.get(t) ?? t;
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const original = new Map(data.mentions.map((m) => [m.id, m]));
  const CONTEXT = 32;
  const byId = <T extends HTMLElement>(id: string): T | null => document.getElementById(id) as T | null;

  // ---- small DOM helpers: text always as text ----
  function el(tag: string, attrs: Record<string, string> = {}, ...children: (Node | string | null | undefined)[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (/^on/i.test(k)) continue;
      node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return node;
  }

  // ---- storage ----
  const storeKey = `sitrep-review:${data.docId}:${data.sha256}`;
  let storageOk = true;
  function load(key: string): string | null {
    try {
      return window.localStorage.getItem(key);
    } catch {
      storageOk = false;
      return null;
    }
  }
  function save(key: string, value: string): void {
    try {
      window.localStorage.setItem(key, value);
    } catch {
      storageOk = false;
    }
  }

  // Decisions of this session, one per mention (keyed by the mention id, or `add:<id>` for added ones).
  const decisions = new Map<string, Decision>();
  const appliedIds = new Set(data.mentions.map((m) => m.review?.decision).filter((x): x is string => !!x));
  try {
    const saved = JSON.parse(load(storeKey) || '[]') as [string, Decision][];
    for (const [k, d] of saved) if (d && typeof d.id === 'string' && !appliedIds.has(d.id)) decisions.set(k, d);
  } catch {
    /* unreadable: start afresh */
  }
  function persist(): void {
    save(storeKey, JSON.stringify([...decisions]));
  }

  function newId(): string {
    const bytes = new Uint8Array(6);
    crypto.getRandomValues(bytes);
    return `d-${Date.now().toString(36)}-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  }
  function reviewer(): string {
    return (byId<HTMLInputElement>('reviewer')?.value ?? '').trim();
  }
  function quote(start: number, end: number): Quote {
    return { start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) };
  }
  function occurrence(exact: string, start: number): number {
    let n = 0;
    for (let i = text.indexOf(exact); i !== -1 && i < start; i = text.indexOf(exact, i + 1)) n++;
    return n;
  }
  function targetOf(m: Mention): Target {
    return { id: m.id, type: m.type, ...quote(m.start, m.end), key: `${m.type}:${m.text}#${occurrence(m.text, m.start)}` };
  }
  function stamp(d: Omit<Decision, 'id' | 'at' | 'by'>): Decision {
    const by = reviewer();
    return { id: newId(), ...d, ...(by ? { by } : {}), at: new Date().toISOString() };
  }

  // ---- the view: the document's mentions with this session's decisions applied ----
  let views: View[] = [];
  let viewById = new Map<string, View>();
  function derive(): void {
    views = [];
    for (const m of data.mentions) {
      const d = decisions.get(m.id);
      const v: View = { ...m, pending: !!d, origin: m.id };
      if (d?.action === 'reject') v.status = 'rejected';
      else if (d?.action === 'accept') v.status = 'accepted';
      else if (d?.action === 'edit' && d.span && d.type) Object.assign(v, { status: 'edited', type: d.type, start: d.span.start, end: d.span.end, text: d.span.exact });
      if (d) v.review = { by: d.by, at: d.at, decision: d.id };
      views.push(v);
    }
    for (const [k, d] of decisions) {
      if (d.action !== 'add' || !d.span || !d.type) continue;
      views.push({ id: k, type: d.type, start: d.span.start, end: d.span.end, text: d.span.exact, sentence: 0, source: 'review:add', confidence: 1, status: 'added', review: { by: d.by, at: d.at, decision: d.id }, pending: true });
    }
    views.sort((a, b) => a.start - b.start || b.end - a.end);
    viewById = new Map(views.map((v) => [v.id, v]));
  }

  // ---- rendering the text ----
  let marks = new Map<string, HTMLElement[]>();
  function markTitle(v: View): string {
    const e = v.entity ? entities.get(v.entity) : undefined;
    const parts = [label(v.type)];
    if (v.value) parts.push(v.value);
    if (e && e.name !== v.text) parts.push(e.name);
    parts.push(v.status ?? 'auto');
    return parts.join(' · ');
  }
  function renderText(): void {
    const ops = layout(text.length, views);
    const root = document.createDocumentFragment();
    const open: Node[] = [root];
    marks = new Map();
    for (const op of ops) {
      if (op[0] === 0) open[open.length - 1].appendChild(document.createTextNode(text.slice(op[1], op[2])));
      else if (op[0] === 1) {
        const v = views[op[1]];
        const known = typeLabel.has(v.type);
        const m = el('mark', {
          class: `m ${known ? `t-${v.type}` : 't-other'} st-${v.status ?? 'auto'}${v.pending ? ' pending' : ''}`,
          'data-mention-id': v.id,
          'data-type': v.type,
          'data-status': v.status ?? 'auto',
          tabindex: '-1',
          role: 'button',
          title: markTitle(v),
          'aria-label': `${v.text}: ${label(v.type)}, ${v.status ?? 'auto'}`,
        });
        if (op[2]) m.setAttribute('data-cont', '');
        open[open.length - 1].appendChild(m);
        open.push(m);
        const list = marks.get(v.id) ?? [];
        list.push(m);
        marks.set(v.id, list);
      } else open.pop();
    }
    textEl!.replaceChildren(root);
    refreshMarks();
  }

  // ---- selection of a mention ----
  let current: string | null = null;
  let entitySel: { id: string; list: string[]; i: number } | null = null;
  const hidden = new Set<Type>();
  const showRejected = (): boolean => byId<HTMLInputElement>('show-rejected')?.checked !== false;
  function navigable(): View[] {
    return views.filter((v) => !hidden.has(v.type) && (showRejected() || v.status !== 'rejected') && marks.has(v.id));
  }
  function refreshMarks(): void {
    const inEntity = new Set(entitySel?.list ?? []);
    for (const [id, list] of marks) {
      for (const m of list) {
        m.classList.toggle('current', id === current);
        m.classList.toggle('in-entity', inEntity.has(id));
        m.tabIndex = id === current || (!current && list === marks.values().next().value) ? 0 : -1;
      }
    }
  }
  function select(id: string | null, opts: { focus?: boolean } = {}): void {
    current = id && viewById.has(id) ? id : null;
    refreshMarks();
    renderDetails();
    const first = current ? marks.get(current)?.[0] : undefined;
    if (first) {
      first.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      if (opts.focus !== false) first.focus({ preventScroll: true });
    }
  }
  function step(delta: number): void {
    const list = navigable();
    if (!list.length) return;
    const at = current ? list.findIndex((v) => v.id === current) : -1;
    const i = at === -1 ? (delta > 0 ? 0 : list.length - 1) : (at + delta + list.length) % list.length;
    select(list[i].id);
  }

  // ---- details of the selected mention ----
  function idLinks(e: Entity): HTMLElement {
    const out = el('span', { class: 'ids' });
    for (const l of e.idLabels ?? []) {
      if (out.childNodes.length) out.append(' ');
      const safe = l.href && /^https:\/\/[^\s<>"'`]+$/.test(l.href) ? l.href : undefined;
      out.append(safe ? el('a', { class: 'idl', href: safe, title: l.title, target: '_blank', rel: 'noopener noreferrer' }, l.text) : el('span', { class: 'idl', title: l.title }, l.text));
    }
    return out;
  }
  function valueText(v: View): string {
    if (v.date) {
      const d = v.date;
      const parts = [`${d.value} (${d.granularity}${d.mod ? `, ${d.mod}` : ''})`];
      if (d.interval) parts.push(`${d.interval.start} – ${d.interval.end}`);
      if (d.anchor) parts.push(`resolved against ${d.anchor}`);
      return parts.join('; ');
    }
    return v.value ?? '—';
  }
  function renderDetails(): void {
    const box = byId('details');
    if (!box) return;
    const v = current ? viewById.get(current) : undefined;
    if (!v) {
      box.replaceChildren(el('p', { class: 'muted' }, 'Click a highlight, or press n for the next one.'));
      return;
    }
    const e = v.entity ? entities.get(v.entity) : undefined;
    const rows: [string, Node | string][] = [
      ['Text', `“${v.text}”`],
      ['Type', label(v.type)],
      ['Value', valueText(v)],
    ];
    if (e) {
      const ent = el('span', {}, e.name);
      if (e.idLabels?.length) ent.append(' ', idLinks(e));
      rows.push(['Entity', ent]);
      if (e.partOf) rows.push(['Part of', entities.get(e.partOf)?.name ?? e.partOf]);
      if (e.country) rows.push(['Country', entities.get(e.country)?.name ?? e.country]);
    }
    rows.push(['Confidence', String(v.confidence)], ['Source', v.source], ['Span', `[${v.start}, ${v.end})`]);
    const r = v.review;
    rows.push(['Status', `${v.status ?? 'auto'}${v.pending ? ' (not exported yet)' : ''}${r?.by ? ` by ${r.by}` : ''}${r?.at ? ` at ${r.at}` : ''}`]);
    if (r?.was) rows.push(['Was', `${label(r.was.type)} “${r.was.text}” [${r.was.start}, ${r.was.end})`]);
    if (r?.note) rows.push(['Note', r.note]);
    const dl = el('dl');
    for (const [k, val] of rows) dl.append(el('dt', {}, k), el('dd', {}, val));

    const typeSelect = el('select', { id: 'retype', 'aria-label': 'Change the type of this mention' }) as HTMLSelectElement;
    for (const [t, l] of data.types) typeSelect.append(el('option', { value: t }, l));
    typeSelect.value = v.type;
    typeSelect.addEventListener('change', () => edit(v, { type: typeSelect.value }));
    const btn = (txt: string, key: string, fn: () => void, attrs: Record<string, string> = {}): HTMLElement => {
      const b = el('button', { type: 'button', ...attrs }, txt);
      if (key) b.append(' ', el('kbd', {}, key));
      b.addEventListener('click', fn);
      return b;
    };
    box.replaceChildren(
      el('h3', {}, `${label(v.type)}: “${v.text}”`),
      dl,
      el('div', { class: 'controls', role: 'group', 'aria-label': 'Review this mention' }, btn('Accept', 'a', () => decide('accept'), { id: 'accept-btn' }), btn('Reject', 'r', () => decide('reject'), { id: 'reject-btn' }), btn('Undo', 'u', () => decide('undo'), { id: 'undo-btn' })),
      el('div', { class: 'controls' }, el('label', { for: 'retype' }, 'Type'), typeSelect),
      el(
        'div',
        { class: 'controls', role: 'group', 'aria-label': 'Fix the boundaries' },
        el('span', {}, 'Bounds'),
        btn('◀ start', '', () => nudge(v, 'start', -1), { 'aria-label': 'Move the start one word left' }),
        btn('start ▶', '', () => nudge(v, 'start', 1), { 'aria-label': 'Move the start one word right' }),
        btn('◀ end', '', () => nudge(v, 'end', -1), { 'aria-label': 'Move the end one word left' }),
        btn('end ▶', '', () => nudge(v, 'end', 1), { 'aria-label': 'Move the end one word right' }),
        btn('Use selection', '', () => useSelection(v), { id: 'use-selection' }),
      ),
    );
  }

  // ---- review decisions ----
  function changed(): void {
    persist();
    derive();
    renderText();
    renderDetails();
    renderReview();
  }
  function decide(what: 'accept' | 'reject' | 'undo'): void {
    const v = current ? viewById.get(current) : undefined;
    if (!v) return;
    if (!v.origin) {
      // A mention added in this session: rejecting or undoing it takes it away.
      if (what !== 'accept') {
        decisions.delete(v.id);
        current = null;
      }
      return changed();
    }
    const m = original.get(v.origin)!;
    if (what === 'undo') decisions.delete(m.id);
    else if (what === 'accept' && decisions.get(m.id)?.action === 'edit') return;
    else decisions.set(m.id, stamp({ action: what, target: targetOf(m) }));
    changed();
  }
  function edit(v: View, change: { type?: Type; start?: number; end?: number }): void {
    const type = change.type ?? v.type;
    const start = change.start ?? v.start;
    const end = change.end ?? v.end;
    if (end <= start || start < 0 || end > text.length) return;
    if (!v.origin) {
      decisions.set(v.id, stamp({ action: 'add', type, span: quote(start, end) }));
      return changed();
    }
    const m = original.get(v.origin)!;
    if (type === m.type && start === m.start && end === m.end) decisions.delete(m.id);
    else decisions.set(m.id, stamp({ action: 'edit', target: targetOf(m), type, span: quote(start, end) }));
    changed();
  }
  const isWord = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
  function nudge(v: View, side: 'start' | 'end', dir: number): void {
    let i = side === 'start' ? v.start : v.end;
    if (side === 'start' && dir < 0) {
      while (i > 0 && !isWord(text[i - 1])) i--;
      while (i > 0 && isWord(text[i - 1])) i--;
    } else if (side === 'start') {
      while (i < v.end && isWord(text[i])) i++;
      while (i < v.end && !isWord(text[i])) i++;
    } else if (dir > 0) {
      while (i < text.length && !isWord(text[i])) i++;
      while (i < text.length && isWord(text[i])) i++;
    } else {
      while (i > v.start && isWord(text[i - 1])) i--;
      while (i > v.start && !isWord(text[i - 1])) i--;
    }
    edit(v, side === 'start' ? { start: i } : { end: i });
  }

  // ---- text selection (for adding a span or setting boundaries) ----
  let picked: { start: number; end: number } | null = null;
  function offsetOf(node: Node, offset: number): number {
    const r = document.createRange();
    r.setStart(textEl!, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }
  function readSelection(): void {
    const sel = window.getSelection();
    if (sel && sel.rangeCount && !sel.isCollapsed) {
      const r = sel.getRangeAt(0);
      if (textEl!.contains(r.startContainer) && textEl!.contains(r.endContainer)) {
        let start = offsetOf(r.startContainer, r.startOffset);
        let end = offsetOf(r.endContainer, r.endOffset);
        while (start < end && /\s/.test(text[start])) start++;
        while (end > start && /\s/.test(text[end - 1])) end--;
        picked = end > start ? { start, end } : null;
        renderPicked();
        return;
      }
    }
  }
  function renderPicked(): void {
    const out = byId('picked');
    const add = byId<HTMLButtonElement>('add-btn');
    if (out) out.textContent = picked ? `“${text.slice(picked.start, picked.end)}” [${picked.start}, ${picked.end})` : 'Select text in the article first.';
    if (add) add.disabled = !picked;
  }
  function useSelection(v: View): void {
    if (!picked) return;
    const p = picked;
    picked = null;
    renderPicked();
    edit(v, { start: p.start, end: p.end });
  }
  function addPicked(): void {
    if (!picked) return;
    const type = byId<HTMLSelectElement>('add-type')?.value ?? data.types[0][0];
    const key = `add:${newId()}`;
    decisions.set(key, stamp({ action: 'add', type, span: quote(picked.start, picked.end) }));
    picked = null;
    window.getSelection()?.removeAllRanges();
    renderPicked();
    changed();
    select(key);
  }

  // ---- the review panel ----
  function describe(d: Decision): string {
    const t = d.target;
    if (d.action === 'add') return `add ${label(d.type ?? '')} “${d.span?.exact}”`;
    if (d.action === 'edit') return `edit ${label(t?.type ?? '')} “${t?.exact}” → ${label(d.type ?? '')} “${d.span?.exact}”`;
    return `${d.action} ${label(t?.type ?? '')} “${t?.exact}”`;
  }
  function renderReview(): void {
    const reviewed = views.filter((v) => (v.status ?? 'auto') !== 'auto').length;
    const meter = byId<HTMLMeterElement>('progress');
    if (meter) {
      meter.max = Math.max(1, views.length);
      meter.value = reviewed;
    }
    // The legend counts what the page shows, this session's decisions (not exported yet) included.
    const counts = new Map<string, number>();
    for (const v of views) {
      const k = v.status === 'rejected' ? 'rejected' : v.type;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const c of document.querySelectorAll<HTMLElement>('.legend [data-count]')) c.textContent = `(${counts.get(c.dataset.count ?? '') ?? 0})`;
    const prog = byId('progress-text');
    if (prog) prog.textContent = `${reviewed} of ${views.length} mentions reviewed; ${decisions.size} decision${decisions.size === 1 ? '' : 's'} not exported yet.`;
    const list = byId('pending');
    if (list) {
      list.replaceChildren(
        ...[...decisions].map(([k, d]) => {
          const undo = el('button', { type: 'button', 'aria-label': `Undo: ${describe(d)}` }, 'undo');
          undo.addEventListener('click', () => {
            decisions.delete(k);
            if (current === k) current = null;
            changed();
          });
          return el('li', {}, el('span', {}, describe(d)), undo);
        }),
      );
    }
    const exp = byId<HTMLButtonElement>('export-btn');
    if (exp) exp.disabled = decisions.size === 0;
    const clear = byId<HTMLButtonElement>('discard-btn');
    if (clear) clear.disabled = decisions.size === 0;
    const warn = byId('storage-warning');
    if (warn) warn.hidden = storageOk;
  }
  function exportReview(): void {
    const by = reviewer();
    const file = { format: 'sitrep-review', version: 1, docId: data.docId, docSha256: data.sha256, ...(by ? { reviewer: by } : {}), exportedAt: new Date().toISOString(), decisions: [...decisions.values()] };
    const blob = new Blob([`${JSON.stringify(file, null, 1)}\n`], { type: 'application/json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: `${data.docId}.review.json` }) as HTMLAnchorElement;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
    const note = byId('export-note');
    if (note) note.textContent = `Saved ${data.docId}.review.json (${file.decisions.length} decisions). Store it with: sitrep review apply ${data.docId}.review.json`;
  }

  // ---- entities ----
  function selectEntity(id: string, delta = 0): void {
    const e = entities.get(id);
    if (!e) return;
    if (!entitySel || entitySel.id !== id) {
      const list = e.mentions.filter((m) => viewById.has(m) && viewById.get(m)!.status !== 'rejected');
      entitySel = { id, list, i: 0 };
    } else if (entitySel.list.length) entitySel.i = (entitySel.i + delta + entitySel.list.length) % entitySel.list.length;
    for (const b of document.querySelectorAll<HTMLElement>('button.ent')) b.setAttribute('aria-pressed', String(b.dataset.entity === id));
    const stepper = byId('entity-stepper');
    const pos = byId('entity-pos');
    if (stepper) stepper.hidden = false;
    if (pos) pos.textContent = `${e.name}: ${entitySel.list.length ? entitySel.i + 1 : 0} of ${entitySel.list.length}`;
    const target = entitySel.list[entitySel.i];
    if (target) select(target);
    else refreshMarks();
  }

  // ---- evidence (event roles, diagnostics) ----
  function rangeFor(start: number, end: number): Range | null {
    const walker = document.createTreeWalker(textEl!, NodeFilter.SHOW_TEXT);
    const r = document.createRange();
    let at = 0;
    let started = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = (n as Text).data.length;
      if (!started && start <= at + len) {
        r.setStart(n, start - at);
        started = true;
      }
      if (started && end <= at + len) {
        r.setEnd(n, end - at);
        return r;
      }
      at += len;
    }
    return null;
  }
  const highlights = (globalThis as unknown as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  const HighlightCtor = (globalThis as unknown as { Highlight?: new (...r: Range[]) => unknown }).Highlight;
  function showEvidence(start: number, end: number, scroll: boolean): void {
    const r = rangeFor(start, end);
    if (!r) return;
    if (highlights && HighlightCtor) highlights.set('evidence', new HighlightCtor(r));
    if (scroll) (r.startContainer.parentElement ?? textEl!).scrollIntoView({ block: 'center' });
  }
  function clearEvidence(): void {
    highlights?.delete('evidence');
  }
  for (const chip of document.querySelectorAll<HTMLElement>('[data-evidence-start]')) {
    const start = Number(chip.dataset.evidenceStart);
    const end = Number(chip.dataset.evidenceEnd);
    chip.addEventListener('mouseenter', () => showEvidence(start, end, false));
    chip.addEventListener('focus', () => showEvidence(start, end, false));
    chip.addEventListener('mouseleave', clearEvidence);
    chip.addEventListener('blur', clearEvidence);
    chip.addEventListener('click', () => {
      const id = chip.dataset.mentionId;
      if (id && marks.has(id)) select(id, { focus: false });
      showEvidence(start, end, true);
    });
  }

  // ---- wiring ----
  for (const box of document.querySelectorAll<HTMLInputElement>('input[data-toggle]')) {
    const t = box.dataset.toggle!;
    const apply = (): void => {
      document.body.classList.toggle(`hide-${t}`, !box.checked);
      if (box.checked) hidden.delete(t);
      else hidden.add(t);
    };
    box.addEventListener('change', apply);
    apply();
  }
  const rej = byId<HTMLInputElement>('show-rejected');
  rej?.addEventListener('change', () => document.body.classList.toggle('hide-rejected', !rej.checked));
  textEl.addEventListener('click', (ev) => {
    const sel = window.getSelection();
    if (sel && !sel.isCollapsed) return;
    const m = (ev.target as Element).closest?.('mark[data-mention-id]');
    if (m) select(m.getAttribute('data-mention-id'), { focus: true });
  });
  textEl.addEventListener('focusin', (ev) => {
    const m = (ev.target as Element).closest?.('mark[data-mention-id]');
    const id = m?.getAttribute('data-mention-id');
    if (id && id !== current) select(id, { focus: false });
  });
  document.addEventListener('selectionchange', readSelection);
  for (const b of document.querySelectorAll<HTMLElement>('button.ent')) b.addEventListener('click', () => selectEntity(b.dataset.entity!, 1));
  byId('entity-prev')?.addEventListener('click', () => entitySel && selectEntity(entitySel.id, -1));
  byId('entity-next')?.addEventListener('click', () => entitySel && selectEntity(entitySel.id, 1));
  byId('add-btn')?.addEventListener('click', addPicked);
  byId('export-btn')?.addEventListener('click', exportReview);
  byId('discard-btn')?.addEventListener('click', () => {
    decisions.clear();
    current = null;
    changed();
  });
  const who = byId<HTMLInputElement>('reviewer');
  if (who) {
    who.value = load('sitrep-reviewer') ?? '';
    who.addEventListener('change', () => save('sitrep-reviewer', who.value.trim()));
  }
  const helpBtn = byId('help-btn');
  function toggleHelp(): void {
    const help = byId('help');
    if (!help) return;
    help.hidden = !help.hidden;
    helpBtn?.setAttribute('aria-expanded', String(!help.hidden));
  }
  helpBtn?.addEventListener('click', toggleHelp);
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target as HTMLElement;
    // Keys are the page's own except where one types (text fields); in a list (the type picker)
    // letters pick an option, so there only `?` is the page's.
    const typing = t && (t.isContentEditable || t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !/^(checkbox|radio|button)$/.test((t as HTMLInputElement).type)));
    if (typing) return;
    if (t && t.tagName === 'SELECT' && ev.key !== '?') return;
    const keys: Record<string, () => void> = {
      n: () => step(1),
      j: () => step(1),
      p: () => step(-1),
      k: () => step(-1),
      a: () => decide('accept'),
      r: () => decide('reject'),
      u: () => decide('undo'),
      ']': () => entitySel && selectEntity(entitySel.id, 1),
      '[': () => entitySel && selectEntity(entitySel.id, -1),
      t: () => byId('retype')?.focus(),
      Escape: () => select(null),
      '?': toggleHelp,
    };
    const fn = keys[ev.key];
    if (!fn) return;
    ev.preventDefault();
    fn();
    if (ev.key === 'a' || ev.key === 'r' || ev.key === 'u') {
      const first = current ? marks.get(current)?.[0] : undefined;
      first?.focus({ preventScroll: true });
    }
  });

  derive();
  renderText();
  renderDetails();
  renderPicked();
  renderReview();
  document.body.setAttribute('data-ready', 'true');
}
