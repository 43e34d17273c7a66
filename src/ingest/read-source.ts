import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { SitrepInputError, SitrepOptionError, lineColumn } from '../errors.js';

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

/** How a source file's bytes became text: the encoding read (a WHATWG name) and whether a byte-order mark said so. */
export interface Decoded {
  text: string;
  encoding: string;
  bom: boolean;
}

/** Byte-order marks, longest first: what each says the encoding is. */
const BOMS: readonly { bytes: readonly number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The platform's name for an encoding label (`latin1` → `windows-1252`), or a usage error naming the label. */
export function encodingName(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new SitrepOptionError(`Expected --encoding to name an encoding this Node.js can decode (utf-8, utf-16le, windows-1252, iso-8859-1, windows-1256, …), got \`${label}\``);
  }
}

/**
 * Read a source file as text, refusing what is not an article: a directory, an empty file, a
 * binary file, bytes that are not in the file's encoding (naming the line and column of the first
 * bad byte). The encoding is the byte-order mark's (UTF-8, UTF-16 LE/BE); else UTF-8 when the bytes
 * are UTF-8, else `encoding` (a UTF-16 `encoding` is taken for every file without a mark).
 */
export async function readSource(path: string, encoding?: string): Promise<string> {
  return (await readSourceDecoded(path, encoding)).text;
}

export async function readSourceDecoded(path: string, encoding?: string): Promise<Decoded> {
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
  return decodeSourceAs(bytes, path, encoding);
}

/**
 * readSource, blocking: for a worker thread, which has nothing else to do meanwhile. Each of the
 * async version's calls is a hand-off to libuv's thread pool and back, and those threads then
 * compete with the workers for the cores (see writeFileAtomicSync).
 */
export function readSourceSync(path: string, encoding?: string): Decoded {
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
  return decodeSourceAs(bytes, path, encoding);
}

export function decodeSource(bytes: Uint8Array, path: string, encoding?: string): string {
  return decodeSourceAs(bytes, path, encoding).text;
}

/** Decode a source file's bytes (see readSource for the encoding chosen), or throw an input error naming the file. */
export function decodeSourceAs(bytes: Uint8Array, path: string, encoding?: string): Decoded {
  if (bytes.length === 0) throw new SitrepInputError('empty file', path, 'ingest:empty');
  const bom = BOMS.find((b) => b.bytes.every((x, i) => bytes[i] === x));
  const given = encoding === undefined ? undefined : encodingName(encoding);
  // A legacy encoding is for the files that are not UTF-8: a corpus may mix both. UTF-16 has NUL
  // bytes in ASCII text, which UTF-8 allows, so a UTF-16 encoding given is taken as it is.
  let name = bom?.encoding ?? (given?.startsWith('utf-16') ? given : 'utf-8');
  let text: string;
  if (name === 'utf-8') {
    const nul = bytes.indexOf(0);
    if (nul !== -1) {
      const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
      throw new SitrepInputError(`binary file (NUL byte), not text${utf16Hint(bytes)}`, path, 'ingest:binary', lineColumn(before, before.length));
    }
    if (bom || !given || given === 'utf-8') text = decodeStrict(bytes, 'utf-8', path, !bom && !given);
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        name = given;
        text = decodeStrict(bytes, given, path, false);
      }
    }
  } else {
    text = decodeStrict(bytes, name, path, false);
    const nul = text.indexOf('\0');
    if (nul !== -1) throw new SitrepInputError(`binary file (NUL character), not ${name} text`, path, 'ingest:binary', lineColumn(text, nul));
  }
  if (text.trim() === '') throw new SitrepInputError('empty file (only white space)', path, 'ingest:empty');
  return { text, encoding: name, bom: !!bom };
}

/**
 * windows-1252's characters for bytes 0x80–0x9F (WHATWG; the five it leaves undefined stay C1
 * controls). Node 20's TextDecoder reads windows-1252 as ISO-8859-1, which has C1 controls there:
 * its curly quotes, dashes and euro sign would be lost.
 */
const CP1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

function decodeWith(name: string, bytes: Uint8Array, fatal: boolean): string {
  const text = new TextDecoder(name, { fatal, ignoreBOM: false }).decode(bytes);
  return name === 'windows-1252' ? text.replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]) : text;
}

/** Text in `name`, its byte-order mark dropped; an error naming the first byte that is not (and, for UTF-8 by default, the likely encoding). */
function decodeStrict(bytes: Uint8Array, name: string, path: string, suggest: boolean): string {
  try {
    return decodeWith(name, bytes, true);
  } catch {
    // Find the first invalid byte to name its place.
    let lo = 0;
    let hi = bytes.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      try {
        new TextDecoder(name, { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
        lo = mid;
      } catch {
        hi = mid;
      }
    }
    const before = new TextDecoder(name).decode(bytes.subarray(0, lo));
    const label = name === 'utf-8' ? 'UTF-8' : name;
    const hint = suggest ? `; ${likelyEncoding(bytes)}` : '';
    throw new SitrepInputError(`not ${label} (invalid byte 0x${bytes[lo]?.toString(16).padStart(2, '0')} at byte ${lo})${hint}`, path, 'ingest:encoding', lineColumn(before, before.length));
  }
}

/**
 * A guess at a legacy file's encoding from its bytes, as advice: Western European text has few
 * bytes above 0x7F among its letters (accents), Arabic or Cyrillic text in a single-byte code page has
 * mostly such bytes, and bytes 0x80–0x9F are printable only in the windows-125x code pages.
 */
export function likelyEncoding(bytes: Uint8Array): string {
  let high = 0;
  let ascii = 0;
  for (const b of bytes) {
    if (b >= 0x80) high++;
    else if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
  }
  if (high > ascii) return 'most letters are above 0x7F, as in Arabic or Cyrillic code pages: try --encoding windows-1256 (Arabic) or --encoding windows-1251 (Cyrillic)';
  return 'it looks like a Western European code page: try --encoding windows-1252 (which also reads iso-8859-1)';
}

/** Advice for a file whose NUL bytes fall every other byte: UTF-16 without a byte-order mark. */
function utf16Hint(bytes: Uint8Array): string {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  if (odd > n / 4 && even === 0) return '; it looks like UTF-16 LE without a byte-order mark: try --encoding utf-16le';
  if (even > n / 4 && odd === 0) return '; it looks like UTF-16 BE without a byte-order mark: try --encoding utf-16be';
  return '';
}
