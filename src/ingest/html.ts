import { TextBuilder } from './text-builder.js';
import { BLOCK_TAGS, SKIP_TAGS, boilerplateAttr } from './boilerplate.js';
import { parseHtmlTree, type HNode } from './html-tree.js';
import { normaliseMetaDate, parseDateline } from '../link/calendar.js';
import type { IngestedDoc } from './types.js';

/** Meta tags that carry the publication date, best first. */
const DATE_META = ['article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dcterms.created', 'pubdate', 'publish-date', 'sailthru.date'];

function attr(node: HNode, name: string): string {
  const v = node.properties?.[name];
  if (Array.isArray(v)) return v.join(' ');
  return v === undefined || v === null ? '' : String(v);
}

/** Nodes in document order (depth first), by a stack rather than recursion: pages nest without limit. */
function* walk(node: HNode): Generator<HNode> {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    yield n;
    const cs = n.children;
    if (cs) for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]);
  }
}

function find(node: HNode, pred: (n: HNode) => boolean): HNode | undefined {
  for (const n of walk(node)) if (pred(n)) return n;
  return undefined;
}

function findAll(node: HNode, pred: (n: HNode) => boolean): HNode[] {
  const out: HNode[] = [];
  for (const n of walk(node)) if (pred(n)) out.push(n);
  return out;
}

function plain(node: HNode): string {
  let out = '';
  for (const n of walk(node)) if (n.type === 'text') out += n.value ?? '';
  return out;
}

function isChrome(node: HNode): boolean {
  if (node.type !== 'element') return false;
  if (SKIP_TAGS.has(node.tagName!)) return true;
  if (attr(node, 'hidden') === 'true' || /display\s*:\s*none/i.test(attr(node, 'style'))) return true;
  const names = [attr(node, 'className'), attr(node, 'id'), attr(node, 'role')].join(' ');
  return boilerplateAttr(names) !== undefined;
}

/**
 * An HTML page: the canonical text is the article's prose (the `<article>`, else `<main>`, else
 * `<body>`), without scripts, navigation, share widgets, comments and other page chrome; entities
 * decoded, white space collapsed, one paragraph per block element.
 */
export function ingestHtml(source: string, path: string, key: string): IngestedDoc {
  const tree = parseHtmlTree(source);
  const meta: Record<string, string> = {};
  for (const m of findAll(tree, (n) => n.tagName === 'meta')) {
    const name = (attr(m, 'name') || attr(m, 'property') || attr(m, 'itemProp')).toLowerCase();
    const content = attr(m, 'content');
    if (name && content) meta[name] = content;
  }
  const root =
    find(tree, (n) => n.tagName === 'article') ?? find(tree, (n) => n.tagName === 'main') ?? find(tree, (n) => n.tagName === 'body') ?? tree;

  const b = new TextBuilder();
  let pendingSpace: [number, number] | null = null;
  let h1: string | null = null;

  const emitText = (node: HNode): void => {
    const value = node.value ?? '';
    const s = node.position?.start.offset;
    const e = node.position?.end.offset;
    const exact = s !== undefined && e !== undefined && source.slice(s, e) === value;
    const re = /\s+|[^\s]+/g;
    if (!exact) {
      // Entities were decoded: map the node's text as one piece onto its source range.
      const collapsed = value.replace(/\s+/g, ' ');
      const lead = collapsed.startsWith(' ');
      const body = collapsed.trim();
      if (lead && b.size > 0 && !b.endsWith('\n')) pendingSpace = [s ?? 0, s ?? 0];
      if (body) {
        if (pendingSpace) b.copy(' ', pendingSpace[0], pendingSpace[1]);
        pendingSpace = null;
        if (s !== undefined && e !== undefined) b.copy(body, s, e);
        else b.synth(body);
      }
      if (collapsed.length > 1 && collapsed.endsWith(' ')) pendingSpace = [e ?? 0, e ?? 0];
      return;
    }
    for (let m = re.exec(value); m; m = re.exec(value)) {
      const at = s! + m.index;
      if (/^\s/.test(m[0])) {
        if (b.size > 0 && !b.endsWith('\n')) pendingSpace = [at, at + m[0].length];
      } else {
        if (pendingSpace) b.copy(' ', pendingSpace[0], pendingSpace[0] + (pendingSpace[1] - pendingSpace[0] === 1 ? 1 : 0));
        pendingSpace = null;
        b.copy(m[0], at, at + m[0].length);
      }
    }
  };

  // What to do on entering a node, and on leaving it after its children: a stack, not recursion.
  const enter = (node: HNode): boolean => {
    if (node.type === 'text') {
      emitText(node);
      return false;
    }
    if (node.type !== 'element' && node.type !== 'root') return false;
    if (node !== root && isChrome(node)) return false;
    if (node.tagName === 'br') {
      b.synth('\n');
      pendingSpace = null;
      return false;
    }
    if (BLOCK_TAGS.has(node.tagName ?? '')) {
      b.paragraph();
      pendingSpace = null;
    }
    return true;
  };
  const leave = (node: HNode, before: number): void => {
    if (node.tagName === 'h1' && h1 === null && b.size > before) h1 = b.toString().slice(before).trim();
    if (BLOCK_TAGS.has(node.tagName ?? '')) {
      b.paragraph();
      pendingSpace = null;
    }
  };
  const stack: { node: HNode; next: number; before: number }[] = [];
  if (enter(root)) stack.push({ node: root, next: 0, before: b.size });
  while (stack.length) {
    const top = stack[stack.length - 1];
    const cs = top.node.children ?? [];
    if (top.next < cs.length) {
      const c = cs[top.next++];
      if (enter(c)) stack.push({ node: c, next: 0, before: b.size });
    } else {
      stack.pop();
      leave(top.node, top.before);
    }
  }

  const text = b.toString().replace(/\s+$/, '');
  const segments = b.segments.filter((seg) => seg[0] < text.length).map((seg) => [seg[0], Math.min(seg[1], text.length), seg[2], seg[3]] as typeof seg);

  const titleEl = find(tree, (n) => n.tagName === 'title');
  const title = h1 ?? (meta['og:title'] || null) ?? (titleEl ? plain(titleEl).trim() || null : null);

  let date: IngestedDoc['date'] = { value: null, source: 'none' };
  for (const name of DATE_META) {
    const d = meta[name] ? normaliseMetaDate(meta[name]) : null;
    if (d) {
      date = { value: d, source: 'html-meta' };
      break;
    }
  }
  if (!date.value) {
    const time = find(tree, (n) => n.tagName === 'time' && normaliseMetaDate(attr(n, 'dateTime')) !== null);
    if (time) date = { value: normaliseMetaDate(attr(time, 'dateTime')), source: 'html-time' };
  }
  if (!date.value) {
    for (const line of text.split('\n').slice(0, 8)) {
      const d = parseDateline(line);
      if (d) {
        date = { value: d, source: 'dateline' };
        break;
      }
    }
  }
  return { key, path, format: 'html', source, text, segments, title, date, meta, diagnostics: [] };
}
