import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './support.js';
import * as api from '../../src/index.js';

const QUERIES = join(ROOT, 'src', 'export', 'queries');

describe('the README and the query files cannot drift', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it.each(readdirSync(QUERIES).filter((f) => f.endsWith('.sql')))('README.md shows src/export/queries/%s verbatim', (f) => {
    const sql = readFileSync(join(QUERIES, f), 'utf8').trim();
    // The tests run these files against SQLite and PostgreSQL (db-contract.ts); the README must show the same text.
    expect(readme.includes(`<!-- src/export/queries/${f} -->\n\`\`\`sql\n${sql}\n\`\`\``), `paste src/export/queries/${f} into README.md under "<!-- src/export/queries/${f} -->"`).toBe(true);
  });
});

describe('the public API', () => {
  it('exposes the schema, its validator and the export', () => {
    expect(api.DOC_SCHEMA.$id).toMatch(/^urn:sitrep:schema:doc:/);
    expect(api.validateDoc({}).valid).toBe(false);
    expect(typeof api.exportOutput).toBe('function');
  });
});
