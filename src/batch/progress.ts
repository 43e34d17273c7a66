import { rates, type ProgressEvent, type Tally } from './progress-events.js';

export interface ProgressSink {
  onProgress(event: ProgressEvent): void;
  /** Stop drawing (clears the status line). */
  close(): void;
}

function duration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '--:--';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** `120/500 documents · 3 skipped · 1 failed · 21,400 words/s · ETA 1:05` */
export function statusLine(t: Readonly<Tally>): string {
  const { wordsPerSecond, etaMs } = rates(t);
  const done = t.processed + t.skipped + t.failed;
  const parts = [`${done} documents (${t.processed} annotated`, `${t.skipped} skipped`, `${t.failed} failed)`];
  const pct = t.bytesTotal > 0 ? Math.min(100, Math.floor((t.bytesDone / t.bytesTotal) * 100)) : 100;
  return `sitrep: ${pct}% · ${parts.join(', ')} · ${Math.round(wordsPerSecond).toLocaleString('en-US')} words/s · ETA ${duration(etaMs)}`;
}

/**
 * Progress on a terminal: one status line redrawn in place (at most ten times a second), with each
 * failure printed above it as a line of its own.
 */
export function terminalProgress(stream: NodeJS.WriteStream, opts: { intervalMs?: number } = {}): ProgressSink {
  const interval = opts.intervalMs ?? 100;
  let last = 0;
  let drawn = false;
  let latest: Readonly<Tally> | undefined;
  const draw = (): void => {
    if (!latest) return;
    const width = stream.columns && stream.columns > 20 ? stream.columns - 1 : 200;
    stream.write(`\r\x1b[K${statusLine(latest).slice(0, width)}`);
    drawn = true;
    last = Date.now();
  };
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    onProgress(e) {
      latest = e.tally;
      if (e.kind === 'failed') {
        clear();
        stream.write(`sitrep: failed ${e.where}: ${e.reason}\n`);
        draw();
        return;
      }
      if (e.kind === 'end') {
        clear();
        return;
      }
      if (Date.now() - last >= interval) draw();
    },
    close: clear,
  };
}

/** Progress as plain lines (not a terminal): one line per document, failures included. */
export function lineProgress(write: (line: string) => void, opts: { failuresOnly?: boolean; statusEveryMs?: number } = {}): ProgressSink {
  const every = opts.statusEveryMs ?? 10_000;
  let lastStatus = Date.now();
  return {
    onProgress(e) {
      if (e.kind === 'failed') write(`sitrep: failed ${e.where}: ${e.reason}`);
      else if (opts.failuresOnly) return;
      else if (e.kind === 'annotated') {
        write(`sitrep: annotated ${e.where}`);
        if (Date.now() - lastStatus >= every) {
          lastStatus = Date.now();
          write(statusLine(e.tally));
        }
      }
      else if (e.kind === 'skipped') write(`sitrep: unchanged ${e.where}`);
      else if (e.kind === 'start') write(`sitrep: ${e.tally.files} source files found`);
    },
    close() {},
  };
}
