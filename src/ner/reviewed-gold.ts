import { readdir, readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnnotatedDoc, MentionType } from '../doc.js';

const COARSE: Partial<Record<MentionType, string>> = { group: 'GROUP', country: 'LOCATION', place: 'LOCATION', person: 'PERSON', nationality: 'NORP' };
const REVIEWED = new Set(['accepted', 'edited', 'added', 'rejected']);

/**
 * The reviewed documents of an output folder as gold JSONL (a temporary file, returned): a document
 * counts when a reviewer decided on at least one of its mentions; its mentions that were not
 * rejected are its gold names (a reviewer who left a mention alone let it stand).
 */
export async function reviewedGold(dir: string, log: (line: string) => void = () => {}): Promise<string> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((f) => f.endsWith('.json') && f !== 'run.json' && !f.endsWith('.review.json') && !f.startsWith('.')).sort();
  } catch (err) {
    throw new Error(`--reviewed ${dir}: cannot read the folder (${(err as Error).message})`);
  }
  const lines: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    let doc: AnnotatedDoc;
    try {
      doc = JSON.parse(await readFile(path, 'utf8')) as AnnotatedDoc;
    } catch (err) {
      throw new Error(`${path}: not a sitrep output (${(err as Error).message})`);
    }
    if (!Array.isArray(doc.mentions) || typeof doc.text !== 'string') throw new Error(`${path}: not a sitrep output (no text or mentions)`);
    if (!doc.mentions.some((m) => m.status && REVIEWED.has(m.status))) continue;
    const entities = doc.mentions
      .filter((m) => m.status !== 'rejected' && COARSE[m.type])
      .map((m) => ({ start: m.start, end: m.end, type: m.type, coarse: COARSE[m.type]!, text: doc.text.slice(m.start, m.end) }));
    lines.push(JSON.stringify({ id: doc.doc.id, text: doc.text, entities }));
  }
  log(`${lines.length} reviewed documents in ${dir}`);
  const out = join(await mkdtemp(join(tmpdir(), 'sitrep-reviewed-')), 'reviewed.jsonl');
  await writeFile(out, lines.join('\n') + (lines.length ? '\n' : ''));
  return out;
}
