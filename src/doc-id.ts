import { createHash } from 'node:crypto';

/**
 * Document ids, their output file names, and content hashes, in a module of their own so that
 * code that only plans work (the batch's main thread, a queue producer) need not load the pipeline
 * and its NLP libraries.
 *
 * A document's id is the one its user gave it, byte for byte (a JSONL record's `id`, a Markdown
 * file's front-matter `id`), or else its path under the corpus root with one extension removed
 * (`docIdOfPath`). Its output files are named by `fileNameOf(id)`: a reversible encoding that
 * keeps `[A-Za-z0-9._-]` and percent-encodes the rest, so two ids never share a name.
 */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/**
 * The id of a document whose source gives none: its key (path relative to the corpus root, with
 * `/` between folders) without its extension, removed once (`a.b.txt` → `a.b`); case and
 * punctuation kept. Keys without an extension are kept whole.
 */
export function docIdOfPath(key: string): string {
  const slash = key.lastIndexOf('/');
  const dot = key.lastIndexOf('.');
  return dot > slash + 1 ? key.slice(0, dot) : key;
}

/**
 * The id an ingested document's key gives when the caller names none: a JSONL record's id whole,
 * a file's path without its extension (`docIdOfPath`).
 */
export function docIdFor(key: string, format?: string): string {
  return format === 'jsonl' ? key : docIdOfPath(key);
}

/** The id earlier versions (manifest schema 2 and before) gave a key: how their outputs were named. Kept to recognise them. */
export function legacyDocIdFor(key: string): string {
  const base = key.replace(/\.[a-z0-9]{1,9}$/i, '');
  let slug = base.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\\/]+/g, '--').replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (slug.length === 0 || slug.length > 80 || slug !== base.toLowerCase().replace(/[\\/]+/g, '--')) {
    const h = sha256(key).slice(0, 8);
    slug = `${(slug || 'doc').slice(0, 70)}-${h}`;
  }
  return slug;
}

/** Longest file name (without `.json`/`.html`) `fileNameOf` makes; longer ones are cut and marked with `~` and a hash of the id. */
export const MAX_NAME = 200;

const SAFE = /^[A-Za-z0-9._-]$/;

/**
 * Names an output folder (or an export folder) holds besides documents' files, and names some
 * systems refuse: a document whose name would be one of these has its first character encoded.
 * `index.html` and `run.json` are the batch's; `*.review.json` files are reviewers' (skipped when
 * the folder is listed), and Windows refuses the device names.
 */
const RESERVED = /^(index|run|con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

const hex = (b: number): string => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** Percent-encode one character as UTF-8 bytes. */
function encodeChar(c: string): string {
  return Array.from(Buffer.from(c, 'utf8'), hex).join('');
}

/**
 * The output file name (without extension) of a document id: `[A-Za-z0-9._-]` kept, every other
 * character percent-encoded as UTF-8 (`/` → `%2F`, ` ` → `%20`, `%` → `%25`, `~` → `%7E`), and also
 * a leading or trailing dot, the dot of a final `.review`, and the first character of a name the
 * folder uses itself (`index`, `run`). Reversible (`idOfFileName`). A name longer than `MAX_NAME`
 * is cut and ends in `~` and 12 hex digits of the id's sha256 (`~` is never otherwise in a name);
 * the id of such a file is its JSON's `doc.id`. Names are ASCII, so differing only in case is the
 * one way two names can meet on a case-insensitive file system: `Manifest.nameFor` sees to that.
 */
export function fileNameOf(id: string): string {
  if (id.length === 0) throw new Error('a document id cannot be empty');
  const chars = Array.from(id);
  const out = chars.map((c) => (SAFE.test(c) ? c : encodeChar(c)));
  if (chars[0] === '.') out[0] = '%2E';
  if (chars.length > 1 && chars[chars.length - 1] === '.') out[out.length - 1] = '%2E';
  let name = out.join('');
  const review = /\.(review)$/i.exec(name);
  if (review) name = `${name.slice(0, review.index)}%2E${review[1]}`;
  const stem = name.split('.')[0];
  if (RESERVED.test(stem)) name = `${encodeChar(name[0])}${name.slice(1)}`;
  if (name.length > MAX_NAME) name = withHash(name, id, MAX_NAME);
  return name;
}

/** `name` cut (never inside a `%XX`) to leave room for `~` and 12 hex digits of the id's sha256, within `max` characters. */
export function withHash(name: string, id: string, max = MAX_NAME): string {
  const room = max - 13;
  let cut = Math.min(name.length, room);
  const pct = name.lastIndexOf('%', cut - 1);
  if (pct >= 0 && pct > cut - 3) cut = pct;
  return `${name.slice(0, cut)}~${sha256(id).slice(0, 12)}`;
}

/**
 * The id a file name (without extension) stands for, or undefined when the name does not say
 * (it was cut or disambiguated: it has a `~`; read `doc.id` from the file), or it is not a name
 * `fileNameOf` makes.
 */
export function idOfFileName(name: string): string | undefined {
  if (name.includes('~') || name.length === 0) return undefined;
  if (!/^(?:[A-Za-z0-9._-]|%[0-9A-F]{2})+$/.test(name)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(name);
  } catch {
    return undefined;
  }
  return fileNameOf(id) === name ? id : undefined;
}

/** What a case-insensitive file system compares names by. */
export function foldName(name: string): string {
  return name.toLowerCase();
}
