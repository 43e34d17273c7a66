import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { parse as parseYaml } from 'yaml';
import { TextBuilder } from './text-builder.js';
import { normaliseMetaDate, parseDateline } from '../link/calendar.js';
import { lineColumn } from '../errors.js';
import type { IngestedDoc } from './types.js';
import type { Diagnostic } from '../doc.js';

interface MdNode {
  type: string;
  value?: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

/** Blocks whose text becomes its own paragraph of the canonical text. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code']);
/** Nodes whose text is not article prose. */
const SKIP = new Set(['html', 'image', 'imageReference', 'definition', 'footnoteDefinition', 'thematicBreak']);

/**
 * Markdown with optional YAML front matter (title, date, source): the canonical text is the prose
 * of headings, paragraphs, list items, quotes and table cells, one block per paragraph, with markup removed.
 */
export function ingestMarkdown(source: string, path: string, key: string): IngestedDoc {
  const tree = parser.parse(source) as MdNode;
  const b = new TextBuilder();
  const diagnostics: Diagnostic[] = [];
  const meta: Record<string, string> = {};
  let frontDate: string | null = null;
  let firstHeading: string | null = null;

  // On entering a node: its text, or whether to walk its children (and leave it after them).
  const enter = (node: MdNode): boolean => {
    if (SKIP.has(node.type)) return false;
    if (node.type === 'yaml') {
      try {
        const data = parseYaml(node.value ?? '') as Record<string, unknown> | null;
        if (data && typeof data === 'object') {
          for (const [k, v] of Object.entries(data)) {
            if (v instanceof Date) meta[k] = v.toISOString().slice(0, 10);
            else if (v !== null && typeof v !== 'object') meta[k] = String(v);
          }
          if ('date' in data) {
            frontDate = normaliseMetaDate(data.date);
            if (!frontDate) diagnostics.push({ severity: 'warning', ruleId: 'ingest:bad-front-matter-date', message: `front matter date ${JSON.stringify(String(data.date))} is not a date`, file: path, place: lineColumn(source, node.position?.start.offset ?? 0) });
          }
        }
      } catch (err) {
        diagnostics.push({ severity: 'warning', ruleId: 'ingest:bad-front-matter', message: `front matter is not valid YAML: ${(err as Error).message.split('\n')[0]}`, file: path, place: lineColumn(source, node.position?.start.offset ?? 0) });
      }
      return false;
    }
    if (node.type === 'text' || node.type === 'inlineCode' || (node.type === 'code' && node.value)) {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      const value = node.value ?? '';
      if (s !== undefined && e !== undefined) {
        const slice = source.slice(s, e);
        if (slice === value) b.copy(value, s, e);
        else if (node.type === 'inlineCode' && slice.slice(1, -1) === value) b.copy(value, s + 1, e - 1);
        else b.copy(value, s, e);
      } else b.synth(value);
      return false;
    }
    if (node.type === 'break') {
      b.synth('\n');
      return false;
    }
    if (BLOCKS.has(node.type)) b.paragraph();
    return true;
  };
  const leave = (node: MdNode, before: number): void => {
    if (node.type === 'heading' && firstHeading === null && b.size > before) firstHeading = b.toString().slice(before).trim();
    if (BLOCKS.has(node.type)) b.paragraph();
  };
  // A stack, not recursion: quotes and lists nest without limit ("> > > …" 5,000 deep overflowed).
  const stack: { node: MdNode; next: number; before: number }[] = [];
  if (enter(tree)) stack.push({ node: tree, next: 0, before: b.size });
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

  let text = b.toString();
  // Trailing paragraph break is a separator, not content.
  const trimmedEnd = text.replace(/\s+$/, '');
  text = trimmedEnd;
  const segments = b.segments.filter((seg) => seg[0] < text.length).map((seg) => [seg[0], Math.min(seg[1], text.length), seg[2], seg[3]] as typeof seg);

  let date: IngestedDoc['date'] = { value: null, source: 'none' };
  if (frontDate) date = { value: frontDate, source: 'front-matter' };
  else {
    for (const line of text.split('\n').slice(0, 8)) {
      const d = parseDateline(line);
      if (d) {
        date = { value: d, source: 'dateline' };
        break;
      }
    }
  }
  return { key, path, format: 'md', source, text, segments, title: meta.title ?? firstHeading, date, meta, diagnostics };
}
