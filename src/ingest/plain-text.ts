import { TextBuilder } from './text-builder.js';
import { boilerplateLine } from './boilerplate.js';
import { parseDateline } from '../link/calendar.js';
import type { IngestedDoc } from './types.js';

const HEAD_LINES = 8;

/**
 * Plain text: the canonical text is the source without whole-line boilerplate (blog chrome) and
 * without leading and trailing blank lines; line breaks are kept. A dateline near the top gives the
 * document date; the first other short line gives the title.
 */
export function ingestPlainText(source: string, path: string, key: string): IngestedDoc {
  const b = new TextBuilder();
  const lineRe = /([^\r\n]*)(\r?\n|\r|$)/g;
  let blankRun = 0;
  let title: string | null = null;
  let dateline: string | null = null;
  let contentLines = 0;
  for (let m = lineRe.exec(source); m && m.index < source.length; m = lineRe.exec(source)) {
    const line = m[1];
    const start = m.index;
    if (boilerplateLine(line)) continue;
    if (line.trim() === '') {
      if (b.size > 0) blankRun++;
      continue;
    }
    if (b.size > 0) b.synth(blankRun > 0 ? '\n\n' : '\n');
    blankRun = 0;
    b.copy(line, start, start + line.length);
    if (contentLines < HEAD_LINES) {
      const d: string | null = dateline === null ? parseDateline(line) : null;
      if (d) dateline = d;
      else if (title === null && line.trim().length <= 200 && !/[.!]\s*$/.test(line.trim())) title = line.trim();
    }
    contentLines++;
    if (m[2] === '') break;
  }
  return {
    key,
    path,
    format: 'txt',
    source,
    text: b.toString(),
    segments: b.segments,
    title,
    date: dateline ? { value: dateline, source: 'dateline' } : { value: null, source: 'none' },
    diagnostics: [],
  };
}
