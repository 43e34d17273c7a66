import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_VERSION } from '../version.js';
import { SCHEMA_VERSION } from '../doc.js';

/** What, besides a document's own content, decides what its outputs look like. */
export interface ConfigParts {
  pipelineVersion: string;
  schemaVersion: string;
  /**
   * sha256 of every data file shipped with the code (lexicons, gazetteers, patterns, trigger lists:
   * `*.json`, `*.tsv`, `*.csv`, `*.txt` under src/ or dist/). It covers what `loadLexicon().hash`
   * covers without building the lexicon (which takes most of a second), and more.
   */
  dataHash: string;
  /** Versions of the packages whose data or output the pipeline builds on (country data, NLP). */
  libraries: Record<string, string>;
  fallbackDate: string | null;
  html: boolean;
  /** The encoding of files that are not UTF-8 (`--encoding`), when given: another one reads them anew. */
  encoding?: string;
}

/** Packages whose upgrade may change the outputs. */
const LIBRARIES = ['compromise', 'compromise-dates', 'world-countries', 'retext-english', 'rehype-parse', 'remark-parse'];

const CODE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
let dataHashCache: string | undefined;

/** Hash of the data files under the code root (src/ or dist/), by relative path and content. */
export function dataFilesHash(): string {
  if (dataHashCache) return dataHashCache;
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && /\.(?:json|tsv|csv|txt)$/.test(e.name)) files.push(p);
    }
  };
  walk(CODE_ROOT);
  const h = createHash('sha256');
  for (const f of files.map((p) => relative(CODE_ROOT, p).split(sep).join('/')).sort()) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(CODE_ROOT, f)));
    h.update('\0');
  }
  return (dataHashCache = h.digest('hex').slice(0, 16));
}

/** The version of an installed package (read from its package.json next to its resolved entry). */
function packageVersion(name: string): string {
  try {
    const require = createRequire(import.meta.url);
    let dir = dirname(require.resolve(name));
    for (let i = 0; i < 6; i++, dir = dirname(dir)) {
      try {
        const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === name && pkg.version) return pkg.version;
      } catch {
        /* not here: go up */
      }
    }
  } catch {
    /* not installed */
  }
  return 'unknown';
}

export function configParts(o: { fallbackDate: string | null; html: boolean; encoding?: string }): ConfigParts {
  return {
    pipelineVersion: PIPELINE_VERSION,
    schemaVersion: SCHEMA_VERSION,
    dataHash: dataFilesHash(),
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, packageVersion(name)])),
    fallbackDate: o.fallbackDate,
    html: o.html,
    ...(o.encoding ? { encoding: o.encoding } : {}),
  };
}

/**
 * The configuration half of the manifest key: pipeline version × lexicon/data hash × options that
 * change the outputs. A document is up to date when its content hash and this key both match.
 */
export function configKey(o: { fallbackDate: string | null; html: boolean; encoding?: string }): string {
  return createHash('sha256').update(JSON.stringify(configParts(o))).digest('hex').slice(0, 24);
}
