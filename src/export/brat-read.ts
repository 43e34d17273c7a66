import { offsetMap } from './code-points.js';

/**
 * Read brat standoff back (the subset `sitrep export --to brat:DIR` writes, and what brat saves
 * after a reviewer's edits): text-bound, event, attribute and normalization lines, with offsets
 * converted back to sitrep's UTF-16 code units. Other lines (R, *, #, M) are kept as `other`.
 */
export interface BratTextBound {
  id: string;
  type: string;
  /** First fragment's start and last fragment's end (UTF-16). */
  start: number;
  end: number;
  fragments: [number, number][];
  text: string;
}

export interface BratEvent {
  id: string;
  type: string;
  trigger: string;
  /** Role names without brat's numbering (`Actor2` → `Actor`). */
  args: { role: string; ref: string }[];
}

export interface BratNormalization {
  id: string;
  target: string;
  db: string;
  ref: string;
  name: string;
}

export interface BratAttribute {
  id: string;
  name: string;
  target: string;
  value: string | true;
}

export interface BratAnnotations {
  textBounds: Map<string, BratTextBound>;
  events: BratEvent[];
  attributes: BratAttribute[];
  normalizations: BratNormalization[];
  other: string[];
}

export class BratParseError extends Error {
  override name = 'BratParseError';
}

/** Parse an `.ann` file against its `.txt` text. Throws a BratParseError naming the line. */
export function readBrat(text: string, ann: string): BratAnnotations {
  const map = offsetMap(text);
  const out: BratAnnotations = { textBounds: new Map(), events: [], attributes: [], normalizations: [], other: [] };
  ann.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const fail = (why: string): never => {
      throw new BratParseError(`line ${i + 1}: ${why}: ${JSON.stringify(line)}`);
    };
    const [id, body = '', rest = ''] = line.split('\t');
    switch (id[0]) {
      case 'T': {
        const m = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body) ?? fail('not a text-bound annotation');
        const fragments = m[2].split(';').map((f) => f.split(' ').map((x) => map.toUtf16(Number(x))) as [number, number]);
        const start = fragments[0][0];
        const end = fragments[fragments.length - 1][1];
        if (!(start <= end && end <= text.length)) fail('offsets outside the text');
        out.textBounds.set(id, { id, type: m[1], start, end, fragments, text: rest });
        break;
      }
      case 'E': {
        const [head, ...args] = body.trim().split(/\s+/);
        const [type, trigger] = head.split(':');
        if (!type || !trigger) fail('not an event annotation');
        out.events.push({ id, type, trigger, args: args.map((a) => { const [role, ref] = a.split(':'); return { role: role.replace(/\d+$/, ''), ref }; }) });
        break;
      }
      case 'A':
      case 'M': {
        const [name, target, value] = body.split(' ');
        if (!name || !target) fail('not an attribute annotation');
        out.attributes.push({ id, name, target, value: value ?? true });
        break;
      }
      case 'N': {
        const m = /^Reference (\S+) ([^:\s]+):(\S+)$/.exec(body) ?? fail('not a normalization annotation');
        out.normalizations.push({ id, target: m[1], db: m[2], ref: m[3], name: rest });
        break;
      }
      default:
        out.other.push(line);
    }
  });
  return out;
}

/** The sitrep entity id an N line refers to (`sitrep-group:is-kp` → `group:is-kp`), if it is one. */
export function sitrepEntityId(n: BratNormalization): string | undefined {
  if (n.db === 'sitrep') return n.ref;
  if (n.db.startsWith('sitrep-')) return `${n.db.slice('sitrep-'.length)}:${n.ref}`;
  return undefined;
}
