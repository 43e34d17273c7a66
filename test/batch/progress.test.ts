import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { lineProgress, statusLine, terminalProgress } from '../../src/batch/progress.js';
import { rates, type Tally } from '../../src/batch/progress-events.js';

const tally = (t: Partial<Tally>): Tally => ({ files: 10, bytesTotal: 1000, bytesDone: 0, bytesAnnotated: 0, processed: 0, skipped: 0, failed: 0, words: 0, elapsedMs: 0, ...t });

describe('rates', () => {
  it.each([
    ['nothing done yet', tally({}), 0, undefined],
    ['half annotated in 10 s', tally({ bytesDone: 500, bytesAnnotated: 500, words: 20_000, elapsedMs: 10_000 }), 2000, 10_000],
    ['skipped bytes are done but not work: the ETA follows the annotated rate', tally({ bytesDone: 600, bytesAnnotated: 100, words: 1000, elapsedMs: 1000 }), 1000, 4000],
    ['all done', tally({ bytesDone: 1000, bytesAnnotated: 0, elapsedMs: 50 }), 0, 0],
  ])('%s', (_name, t, wps, eta) => {
    const r = rates(t);
    expect(Math.round(r.wordsPerSecond)).toBe(wps);
    expect(r.etaMs === undefined ? undefined : Math.round(r.etaMs)).toBe(eta);
  });
});

describe('statusLine', () => {
  it('shows documents, skipped, failures, words/s and ETA', () => {
    expect(statusLine(tally({ processed: 4, skipped: 2, failed: 1, bytesDone: 500, bytesAnnotated: 400, words: 21_400, elapsedMs: 1000 }))).toBe(
      'sitrep: 50% · 7 documents (4 annotated, 2 skipped, 1 failed) · 21,400 words/s · ETA 0:01',
    );
  });
});

function sink(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const w = new Writable({ write: (c, _e, cb) => ((out += c.toString()), cb()) }) as unknown as NodeJS.WriteStream;
  return { stream: w, text: () => out };
}

describe('progress sinks', () => {
  it('lines (not a terminal): one per document, failures with file and reason', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l), { statusEveryMs: 1e9 });
    p.onProgress({ kind: 'annotated', tally: tally({}), where: 'corpus/a.txt → out/a.json' });
    p.onProgress({ kind: 'skipped', tally: tally({}), where: 'corpus/b.txt' });
    p.onProgress({ kind: 'failed', tally: tally({}), where: 'corpus/c.txt', reason: 'empty file' });
    expect(lines).toEqual(['sitrep: annotated corpus/a.txt → out/a.json', 'sitrep: unchanged corpus/b.txt', 'sitrep: failed corpus/c.txt: empty file']);
  });

  it('quiet: failures only', () => {
    const lines: string[] = [];
    const p = lineProgress((l) => lines.push(l), { failuresOnly: true });
    p.onProgress({ kind: 'annotated', tally: tally({}), where: 'a' });
    p.onProgress({ kind: 'failed', tally: tally({}), where: 'x.jsonl:3', reason: 'not valid JSON' });
    expect(lines).toEqual(['sitrep: failed x.jsonl:3: not valid JSON']);
  });

  it('terminal: a status line redrawn in place, a failure printed above it, cleared at the end', () => {
    const s = sink();
    const p = terminalProgress(s.stream, { intervalMs: 0 });
    p.onProgress({ kind: 'annotated', tally: tally({ processed: 1 }), where: 'a' });
    p.onProgress({ kind: 'failed', tally: tally({ processed: 1, failed: 1 }), where: 'b.txt', reason: 'binary file' });
    p.onProgress({ kind: 'end', tally: tally({ processed: 1, failed: 1 }) });
    const out = s.text();
    expect(out.startsWith('\r\x1b[Ksitrep: 0% · 1 documents')).toBe(true);
    expect(out).toContain('\r\x1b[Ksitrep: failed b.txt: binary file\n');
    expect(out.endsWith('\r\x1b[K')).toBe(true);
  });
});
