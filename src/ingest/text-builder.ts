import type { SourceSegment } from '../doc.js';

/**
 * Builds a canonical text from slices of a source, remembering where each slice came from.
 * Synthetic separators (paragraph breaks between HTML blocks) have no source.
 */
export class TextBuilder {
  private parts: string[] = [];
  private length = 0;
  private tail = '';
  readonly segments: SourceSegment[] = [];

  get size(): number {
    return this.length;
  }

  /** Append `text`, which stands for source[srcStart, srcEnd). */
  copy(text: string, srcStart: number, srcEnd: number): void {
    if (text.length === 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last[1] === this.length && last[3] === srcStart && last[1] - last[0] === last[3] - last[2] && text.length === srcEnd - srcStart) {
      last[1] += text.length;
      last[3] = srcEnd;
    } else {
      this.segments.push([this.length, this.length + text.length, srcStart, srcEnd]);
    }
    this.push(text);
  }

  private push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
    this.tail = (this.tail + text).slice(-4);
  }

  /** Append text that is not in the source (a separator). */
  synth(text: string): void {
    if (text.length > 0) this.push(text);
  }

  /** Whether the text so far ends with `s` (up to four characters). */
  endsWith(s: string): boolean {
    return this.tail.endsWith(s);
  }

  /** Ensure the text ends with a paragraph break (unless empty). */
  paragraph(): void {
    if (this.length === 0) return;
    const trailing = /\n*$/.exec(this.tail)![0].length;
    if (trailing < 2) this.synth('\n'.repeat(2 - trailing));
  }

  toString(): string {
    if (this.parts.length > 1) this.parts = [this.parts.join('')];
    return this.parts[0] ?? '';
  }
}

/** Map a canonical offset back to a source offset (nearest copied segment). */
export function toSourceOffset(segments: readonly SourceSegment[], offset: number): number | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [s, e, ss, se] = segments[mid];
    if (offset < s) hi = mid - 1;
    else if (offset > e) lo = mid + 1;
    else return ss + Math.min(offset - s, se - ss);
  }
  return null;
}
