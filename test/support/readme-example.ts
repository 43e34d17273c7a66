import type { AnnotatedDoc, Mention } from '../../src/doc.js';

/**
 * The README's output example, made from the real output of one corpus document: its header, two
 * mentions (IS-KP by its full name and the first month date), that group's entity and the first event,
 * abridged where the file has more. test/readme.test.ts compares it with the README.
 */

export const EXAMPLE_BEGIN = '<!-- output-example: generated from corpus/crisisgroup-islamic-state-afghanistan.txt by test/readme.test.ts (SITREP_UPDATE_README=1 npx vitest run test/readme.test.ts rewrites it) -->';
export const EXAMPLE_END = '<!-- /output-example -->';
const WIDTH = 120;

/** One-line JSON with a space after `:` and `,` outside strings. */
function inline(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? `{ ${entries.map(([k, x]) => `${JSON.stringify(k)}: ${inline(x)}`).join(', ')} }` : '{}';
  }
  return JSON.stringify(v);
}

/** An object on one line if it fits, else one top-level key per line under `indent`. */
function block(v: Record<string, unknown>, indent: string): string {
  const one = inline(v);
  if (indent.length + one.length <= WIDTH) return `${indent}${one}`;
  // A key whose value is a list or object too long for a line gets one item per line.
  const parts = Object.entries(v).map(([k, x]) => {
    const one = `${JSON.stringify(k)}: ${inline(x)}`;
    if (!x || typeof x !== 'object' || indent.length + 2 + one.length <= WIDTH) return one;
    if (Array.isArray(x)) return `${JSON.stringify(k)}: [\n${x.map((item) => `${indent}    ${inline(item)}`).join(',\n')}\n${indent}  ]`;
    return `${JSON.stringify(k)}: {\n${Object.entries(x).map(([kk, item]) => `${indent}    ${JSON.stringify(kk)}: ${inline(item)}`).join(',\n')}\n${indent}  }`;
  });
  const lines: string[] = [];
  let line = `${indent}{ `;
  for (const [i, p] of parts.entries()) {
    const piece = `${p}${i < parts.length - 1 ? ',' : ' }'}`;
    const first = piece.split('\n')[0];
    if (line.trim() !== '' && line.trim() !== '{' && line.length + first.length + 1 > WIDTH) {
      lines.push(line.trimEnd());
      line = `${indent}  `;
    }
    line += `${piece} `;
    if (piece.includes('\n')) {
      // A list over several lines ends its line.
      lines.push(line.trimEnd());
      line = `${indent}  `;
    }
  }
  if (!line.trim()) return lines.join('\n');
  lines.push(line.trimEnd());
  return lines.join('\n');
}

const pick = <T extends object>(o: T, keys: (keyof T)[]): Record<string, unknown> => Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));

export function readmeExample(doc: AnnotatedDoc, file: string): string {
  // IS-KP by its full name, the report's subject (else the first linked group).
  const group = doc.mentions.find((m) => m.entity === 'group:is-kp' && m.text.includes(' ')) ?? doc.mentions.find((m) => m.type === 'group' && m.entity);
  const date = doc.mentions.find((m) => m.type === 'date' && m.date?.granularity === 'month');
  const shown = [group, date].filter((m): m is Mention => m !== undefined);
  const entity = doc.entities.find((e) => e.id === group?.entity);
  const event = doc.events[0];
  const out: string[] = [];
  out.push('```jsonc');
  out.push(`// ${file} (abridged: "…" stands for what is left out)`);
  out.push('{');
  out.push(` "schemaVersion": ${JSON.stringify(doc.schemaVersion)},`);
  // The lexicon hash and the counts change with every lexicon edit: left out, so the example follows only what it shows.
  out.push(` "run": ${inline({ ...doc.run, lexiconHash: '…' })},`);
  out.push(` "doc": ${inline(pick(doc.doc, ['id', 'title']))
    .replace(/ }$/, ',')}`);
  out.push(`         "date": ${inline(doc.doc.date)},`);
  out.push(`         "source": ${inline({ ...doc.doc.source, sha256: '…' })} },`);
  out.push(` "text": ${JSON.stringify(`${doc.text.slice(0, 60)}…`)},`);
  out.push(' "mentions": [');
  for (const m of shown) out.push(`${block(pick(m, ['id', 'type', 'start', 'end', 'text', 'sentence', 'value', 'date', 'entity', 'source', 'confidence', 'status']), '  ')},`);
  out.push('  "…"');
  out.push(' ],');
  if (entity) {
    const mentions = entity.mentions.length > 2 ? [...entity.mentions.slice(0, 2), '…'] : entity.mentions;
    out.push(' "entities": [');
    out.push(`${block(pick({ ...entity, mentions }, ['id', 'type', 'name', 'ids', 'partOf', 'country', 'mentions', 'source']), '  ')},`);
    out.push('  "…"');
    out.push(' ],');
  }
  if (event) {
    out.push(' "events": [');
    out.push(`${block(pick(event, ['id', 'type', 'subtype', 'trigger', 'roles', 'codes', 'factuality', 'sentence', 'confidence', 'source']), '  ')},`);
    out.push('  "…"');
    out.push(' ]');
  }
  out.push('}');
  out.push('```');
  if (group && date) {
    out.push('');
    out.push(`Offsets count UTF-16 code units from the start of \`text\`: \`text.slice(${group.start}, ${group.end})\` is "${group.text}" and \`text.slice(${date.start}, ${date.end})\` is "${date.text}".`);
  }
  return `${EXAMPLE_BEGIN}\n${out.join('\n')}\n${EXAMPLE_END}`;
}
