import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { nlp } from '../nlp.js';
import { loadLexicon } from '../lexicon/index.js';
import { wordTokens } from '../recognize/tokens.js';
import { nerTokens, type NerToken } from './tokens.js';
import { O, labelOf, type NerClass } from './labels.js';
import { annotatedExtent } from '../eval/evaluate.js';
import { countBefore } from '../sorted.js';

/** A gold entity as the JSONL files give it (../shared/eval/README.md). */
interface GoldEntity {
  start: number;
  end: number;
  type: string;
  coarse: string;
}

interface GoldLine {
  id: string;
  text: string;
  entities?: GoldEntity[];
}

/** One training document: its tokens and a label per token (-1: not judged, no update there). */
export interface TrainDoc {
  id: string;
  tokens: NerToken[];
  gold: Int32Array;
}

/** Which class a source's entity becomes; null: not a name (dates, quantities…), so its words are O. */
function classOf(e: GoldEntity): NerClass | null {
  switch (e.coarse) {
    case 'GROUP':
      return 'GRP';
    case 'LOCATION':
      return 'PLC';
    case 'PERSON':
      return 'PER';
    case 'NORP':
      return 'MSC';
    case 'OTHER':
      // CoNLL's MISC, MEANTIME's products, WikiEvents' facilities and vehicles: names, but none of sitrep's types.
      return /^(?:MISC|PRO|FAC|VEH|WEA|MilitaryPlatform|Weapon|COM)$/u.test(e.type) ? 'MSC' : null;
    default:
      return null;
  }
}

/** A pronoun, which re3d and WikiEvents tag as an organisation or person ("We", "They"): not a name. */
const PRONOUN = /^(?:we|us|our|ours|they|them|their|it|its|he|him|his|she|her|i|me|my|you|your|who|whom|which|this|that|these|those|itself|themselves|ourselves)$/iu;

const LEADING = /^(?:(?:the|a|an|its|their|his|her|our|this|these|those|some|all|both|several|many|two|three|other|former|late)\s+)+/iu;

/**
 * The part of a gold span that is a name: leading determiners cut ("the Syrian regime" keeps
 * "Syrian regime"). A span with no capital letter is a nominal or a pronoun ("rebels", "it", "the
 * group"), which some sources tag and the tagger must not learn: its words are O (refiners find
 * those). A span with a capital inside but not at its start ("the city of Mosul", "the leader of
 * ISIL") follows another convention than CoNLL's: its words are not judged.
 */
function nameExtent(text: string, e: GoldEntity): { start: number; end: number } | 'nominal' | 'unjudged' {
  const s = text.slice(e.start, e.end);
  const cut = LEADING.exec(s)?.[0].length ?? 0;
  const rest = s.slice(cut);
  if (!/\p{Lu}/u.test(rest) || PRONOUN.test(rest)) return 'nominal';
  if (!/^(?:\p{Lu}|\p{N}|al-|el-|ad-|ash-|de |van |von |bin |ibn |d')/u.test(rest)) return 'unjudged';
  return { start: e.start + cut, end: e.end };
}

/** Indices of the tokens overlapping [start, end) (tokens are in text order). */
function tokensIn(tokens: readonly NerToken[], start: number, end: number): number[] {
  const lo = countBefore(tokens.length, (i) => tokens[i].end <= start);
  const out: number[] = [];
  for (let i = lo; i < tokens.length && tokens[i].start < end; i++) out.push(i);
  return out;
}

/** The per-token gold of a document: BILOU of each name span, O elsewhere, -1 outside the judged extent or inside a dropped outer span. */
export function goldLabels(text: string, tokens: readonly NerToken[], entities: readonly GoldEntity[], extent: number): Int32Array {
  const gold = new Int32Array(tokens.length).fill(O);
  const spans: { start: number; end: number; cls: NerClass }[] = [];
  const unjudged: { start: number; end: number }[] = [];
  for (const e of entities) {
    const cls = classOf(e);
    if (cls === null) continue;
    const x = nameExtent(text, e);
    if (x === 'unjudged') unjudged.push(e);
    else if (x !== 'nominal') spans.push({ ...x, cls });
  }
  // Nested spans: the inner names are kept ("Kabul" in "the Kabul police"); the outer one's other words are not judged.
  spans.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  const taken = new Uint8Array(tokens.length);
  for (const sp of spans) {
    const inside = tokensIn(tokens, sp.start, sp.end);
    if (inside.length === 0) continue;
    if (inside.some((i) => taken[i])) {
      for (const i of inside) if (!taken[i]) gold[i] = -1;
      continue;
    }
    inside.forEach((i, k) => {
      taken[i] = 1;
      const pos = inside.length === 1 ? 'U' : k === 0 ? 'B' : k === inside.length - 1 ? 'L' : 'I';
      gold[i] = labelOf(pos, sp.cls);
    });
  }
  for (const u of unjudged) for (const i of tokensIn(tokens, u.start, u.end)) if (!taken[i]) gold[i] = -1;
  for (let i = 0; i < tokens.length; i++) if (tokens[i].start >= extent) gold[i] = -1;
  return gold;
}

/** Tokens of a text as the pipeline makes them (compromise's parse, the lexicon's matches). */
export function tokensOf(text: string): NerToken[] {
  const lexicon = loadLexicon();
  return nerTokens(text, nlp(text), lexicon.matcher.match(text, wordTokens(text)));
}

export interface SourceFile {
  path: string;
  sha256: string;
  lines: GoldLine[];
}

export function readSource(path: string): SourceFile {
  const raw = readFileSync(path, 'utf8');
  const lines: GoldLine[] = [];
  raw.split('\n').forEach((line, n) => {
    if (!line.trim()) return;
    let d: GoldLine;
    try {
      d = JSON.parse(line) as GoldLine;
    } catch (err) {
      throw new Error(`${path}:${n + 1}: not JSON (${(err as Error).message})`);
    }
    if (typeof d.id !== 'string' || typeof d.text !== 'string') throw new Error(`${path}:${n + 1}: a training document needs a string \`id\` and \`text\``);
    for (const e of d.entities ?? []) {
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.end <= d.text.length && e.start < e.end)) {
        throw new Error(`${path}:${n + 1}: entity [${e.start}, ${e.end}) is outside the text of \`${d.id}\` (${d.text.length} characters)`);
      }
    }
    lines.push(d);
  });
  return { path, sha256: createHash('sha256').update(raw).digest('hex'), lines };
}

export function trainDoc(d: GoldLine): TrainDoc {
  const tokens = tokensOf(d.text);
  return { id: d.id, tokens, gold: goldLabels(d.text, tokens, d.entities ?? [], annotatedExtent({ id: d.id, text: d.text, entities: [] })) };
}
