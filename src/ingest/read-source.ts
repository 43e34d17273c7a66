import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { SitrepInputError, lineColumn } from '../errors.js';

const MAX_BYTES = 50 * 1024 * 1024;

/** The error for a file that cannot be stat'ed or read. */
function unreadable(err: unknown, path: string): SitrepInputError {
  return new SitrepInputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, path, 'ingest:unreadable');
}

/** Refuse what is not a regular file of at most MAX_BYTES. */
function checkFile(info: Stats, path: string): void {
  if (!info.isFile()) throw new SitrepInputError('not a regular file', path, 'ingest:unreadable');
  if (info.size > MAX_BYTES) throw new SitrepInputError(`too large (${info.size} bytes; the limit is ${MAX_BYTES})`, path, 'ingest:too-large');
}

/**
 * Read a source file as UTF-8 text, refusing what is not an article: a directory, an empty file,
 * a binary file, bytes that are not UTF-8 (naming the line and column of the first bad byte).
 */
export async function readSource(path: string): Promise<string> {
  let info;
  try {
    info = await stat(path);
  } catch (err) {
    throw unreadable(err, path);
  }
  checkFile(info, path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    throw unreadable(err, path);
  }
  return decodeSource(bytes, path);
}

/**
 * readSource, blocking: for a worker thread, which has nothing else to do meanwhile. Each of the
 * async version's calls is a hand-off to libuv's thread pool and back, and those threads then
 * compete with the workers for the cores (see writeFileAtomicSync).
 */
export function readSourceSync(path: string): string {
  let info;
  try {
    info = statSync(path);
  } catch (err) {
    throw unreadable(err, path);
  }
  checkFile(info, path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw unreadable(err, path);
  }
  return decodeSource(bytes, path);
}

export function decodeSource(bytes: Uint8Array, path: string): string {
  if (bytes.length === 0) throw new SitrepInputError('empty file', path, 'ingest:empty');
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    throw new SitrepInputError('binary file (NUL byte), not text', path, 'ingest:binary', lineColumn(before, before.length));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the first invalid byte to name its place.
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, lo));
    throw new SitrepInputError(`not UTF-8 (invalid byte 0x${bytes[lo]?.toString(16).padStart(2, '0')} at byte ${lo})`, path, 'ingest:encoding', lineColumn(before, before.length));
  }
  if (text.trim() === '') throw new SitrepInputError('empty file (only white space)', path, 'ingest:empty');
  return text;
}
