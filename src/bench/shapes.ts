import { decodeSource } from '../ingest/read-source.js';
import { ingestDocument } from '../ingest/index.js';
import { annotateIngested } from '../pipeline.js';
import { serializeDoc } from '../write/json.js';
import { renderDocPage } from '../write/html-page.js';
import { brownDocs } from './brown.js';

/**
 * Shapes of text that real archives and scrapers produce, each made at any size from the Brown
 * corpus's words. Every shape goes through what a batch worker does with a file (decode, ingest,
 * every pipeline component, JSON, HTML page), so a recognizer added to the pipeline (the trained
 * NER tagger of src/ner, say) is measured on these shapes as soon as it is in COMPONENTS.
 */
export interface Shape {
  name: string;
  what: string;
  format: 'txt' | 'html';
  /** Sizes in bytes at full scale, smallest first, each twice the one before. */
  sizes: readonly number[];
  make(bytes: number, words: Words): string;
}

/** The material shapes are made from: Brown's prose and its words. */
export interface Words {
  prose: string;
  words: string[];
}

let material: Words | undefined;

export function brownWords(): Words {
  if (material) return material;
  const prose = brownDocs(120).map((d) => d.text).join('\n');
  const words = prose.split(/\s+/).map((w) => w.replace(/[^\p{L}'-]/gu, '')).filter((w) => w.length > 1);
  return (material = { prose, words });
}

/** Pieces from `next` joined until `bytes` UTF-8 bytes, the last one cut short (at a character) to fit. */
function fill(bytes: number, next: (i: number) => string): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    let p = next(i);
    const size = Buffer.byteLength(p);
    if (n + size > bytes) p = Buffer.from(p).subarray(0, bytes - n).toString('utf8').replace(/\uFFFD$/, '');
    parts.push(p);
    n += size;
  }
  return parts.join('');
}

/** A pseudo-random sequence, the same in every run. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => ((x = (x * 1103515245 + 12345) & 0x7fffffff), x);
}

const MB = 1024 * 1024;
const KB = 1024;
const doubling = (largest: number): number[] => [largest / 4, largest / 2, largest];

export const SHAPES: readonly Shape[] = [
  {
    name: 'prose',
    what: 'punctuated prose (the Brown corpus)',
    format: 'txt',
    sizes: doubling(1 * MB),
    make: (bytes, w) => fill(bytes, () => `${w.prose}\n`),
  },
  {
    name: 'run-on',
    what: 'one sentence without full stops or line breaks (a transcript, a table dump)',
    format: 'txt',
    sizes: doubling(1 * MB),
    make: (bytes, w) => {
      const runOn = `${w.prose.replace(/[.!?;:]+/g, ',').replace(/\s+/g, ' ')} `;
      return fill(bytes, () => runOn);
    },
  },
  {
    name: 'long-token',
    what: 'one token of letters (a base64 image left in a page) between two sentences',
    format: 'txt',
    sizes: doubling(5 * MB),
    make: (bytes) => {
      const r = lcg(26);
      const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
      const chars: string[] = [];
      for (let i = 0; i < bytes - 80; i++) chars.push(A[r() % A.length]);
      return `Rebels attacked the town on Monday. Image: ${chars.join('')} The army withdrew.\n`;
    },
  },
  {
    name: 'one-word-lines',
    what: 'one word per line, 400,000 lines at full size',
    format: 'txt',
    sizes: [100_000 * 8, 200_000 * 8, 400_000 * 8],
    make: (bytes, w) => {
      // 400,000 lines of 8 bytes on average: the size stands for the number of lines.
      const lines: string[] = [];
      const target = bytes / 8;
      for (let i = 0; i < target; i++) lines.push(`${w.words[i % w.words.length]}\n`);
      return lines.join('');
    },
  },
  {
    name: 'short-lines',
    what: 'a list of short lines, 50,000 at full size (headlines, a log of incidents)',
    format: 'txt',
    sizes: [12_500 * 48, 25_000 * 48, 50_000 * 48],
    make: (bytes, w) => {
      const events = ['Rebels attacked the town of Aleppo on Monday', 'Troops shelled villages near Idlib', 'Two soldiers were killed in Mogadishu', 'Protesters clashed with police in Khartoum'];
      const lines: string[] = [];
      const target = bytes / 48;
      for (let i = 0; i < target; i++) lines.push(i % 2 ? `${events[i % events.length]}\n` : `${w.words.slice((i * 5) % (w.words.length - 6), ((i * 5) % (w.words.length - 6)) + 6).join(' ')}\n`);
      return lines.join('');
    },
  },
  {
    name: 'deep-html',
    what: 'HTML nested one element deeper for every few words (broken markup never closed)',
    format: 'html',
    sizes: doubling(2 * MB),
    make: (bytes, w) => {
      const open: string[] = ['<html><body>'];
      let n = 12;
      for (let i = 0; n < bytes / 2; i++) {
        const p = `<div>${w.words[i % w.words.length]} `;
        open.push(p);
        n += p.length;
      }
      return `${open.join('')}${'</div>'.repeat(open.length - 1)}</body></html>`;
    },
  },
  {
    name: 'minified-html',
    what: 'one line of minified HTML: markup, inline script and style around the article',
    format: 'html',
    sizes: doubling(10 * MB),
    make: (bytes, w) => {
      const paragraphs = w.prose.split(/\n+/).filter((p) => p.length > 40);
      const script = `<script>!function(e,t){var n=e.dataLayer=e.dataLayer||[];function r(){n.push(arguments)}r("js",new Date),r("config","UA-1");for(var o=0;o<t.length;o++)t[o].addEventListener("click",function(){r("event","share")})}(window,document.querySelectorAll(".share"));</script>`;
      const style = '<style>.a{margin:0;padding:0}.b>p{font:16px/1.5 serif}.c:hover{color:#333}</style>';
      const head = `<!doctype html><html><head><meta charset="utf-8"><title>Report</title>${style}${script}</head><body><nav class="menu"><a href="/">Home</a><a href="/news">News</a></nav><article class="b">`;
      const parts = [head];
      let n = head.length;
      for (let i = 0; n < bytes - 40; i++) {
        const p = `<div class="row"><div class="col"><p class="a" data-i="${i}">${paragraphs[i % paragraphs.length]}</p></div></div>${i % 20 === 19 ? script : ''}`;
        parts.push(p);
        n += Buffer.byteLength(p);
      }
      parts.push('</article></body></html>');
      return parts.join('');
    },
  },
];

/** What one document of a shape cost, overall and per stage (ms). */
export interface Measured {
  bytes: number;
  ms: number;
  stages: Record<string, number>;
}

/** A shape that failed, with the stage it was in. */
export class ShapeFailure extends Error {
  constructor(
    readonly stage: string,
    readonly cause: unknown,
  ) {
    super(`${stage}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

/** Run `source` through a batch worker's steps (bytes decoded, ingested, annotated, JSON and HTML made), timed; a failure names its stage. */
export function measure(source: string, format: Shape['format']): Measured {
  let stage = 'read/decode';
  try {
    return measureIn(source, format, (s) => (stage = s));
  } catch (err) {
    throw new ShapeFailure(stage, err);
  }
}

function measureIn(source: string, format: Shape['format'], onStage: (stage: string) => void): Measured {
  const bytes = Buffer.from(source, 'utf8');
  const stages: Record<string, number> = {};
  const time = (stage: string, ms: number): void => void (stages[stage] = (stages[stage] ?? 0) + ms);
  const t0 = performance.now();
  let t = t0;
  const lap = (stage: string): void => {
    const now = performance.now();
    time(stage, now - t);
    t = now;
  };
  const text = decodeSource(bytes, `shape.${format}`);
  lap('read/decode');
  onStage(`ingest/${format}`);
  const doc = ingestDocument(text, `shape.${format}`, 'shape', format);
  lap(`ingest/${format}`);
  const annotated = annotateIngested(doc, { id: 'shape', fallbackDate: '2025-01-01', time, onStage });
  t = performance.now();
  onStage('write/json-serialize');
  serializeDoc(annotated);
  lap('write/json-serialize');
  onStage('write/html-render');
  renderDocPage(annotated);
  lap('write/html-render');
  return { bytes: bytes.length, ms: performance.now() - t0, stages };
}

/** How time grows with size between two runs: 1.0 linear, 2.0 quadratic. */
export function slope(a: Measured, b: Measured): number {
  return Math.log(b.ms / a.ms) / Math.log(b.bytes / a.bytes);
}

/** Seconds per megabyte of source. */
export const secondsPerMb = (m: Measured): number => m.ms / 1000 / (m.bytes / MB);

/** The stage that took the longest in a run, with its share of the run's time. */
export function worstStage(m: Measured): { stage: string; share: number } {
  const [stage, ms] = Object.entries(m.stages).reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  return { stage, share: ms / m.ms };
}

export { KB, MB };
