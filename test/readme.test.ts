import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateCorpusFile, ROOT, SAMPLE } from './support/annotate.js';
import { EXAMPLE_BEGIN, EXAMPLE_END, readmeExample } from './support/readme-example.js';
import { labelStudioConfigPath } from '../src/export/labelstudio.js';
import { COMMANDS } from '../src/cli/commands.js';

/** What the README says that the code can check: its output example, version, file names and commands. */

const README = join(ROOT, 'README.md');
const readme = (): string => readFileSync(README, 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('README.md', () => {
  it('shows an output example made from the real output of the sample report', () => {
    const doc = annotateCorpusFile(SAMPLE);
    const expected = readmeExample(doc, `output/${doc.doc.id}.json`);
    let text = readme();
    const at = text.indexOf(EXAMPLE_BEGIN);
    const end = text.indexOf(EXAMPLE_END, at);
    expect(at, `README.md needs a block between ${EXAMPLE_BEGIN} and ${EXAMPLE_END}`).toBeGreaterThan(-1);
    const current = text.slice(at, end + EXAMPLE_END.length);
    if (process.env.SITREP_UPDATE_README === '1' && current !== expected) {
      text = readme();
      writeFileSync(README, text.slice(0, text.indexOf(EXAMPLE_BEGIN)) + expected + text.slice(text.indexOf(EXAMPLE_END, text.indexOf(EXAMPLE_BEGIN)) + EXAMPLE_END.length));
      return;
    }
    expect(current, 'the output changed: SITREP_UPDATE_README=1 npx vitest run test/readme.test.ts rewrites the example').toBe(expected);
    // The example's spans are the text's.
    const spans = [...current.matchAll(/"start": (\d+), "end": (\d+), "text": ("[^"]*")/g)];
    expect(spans.length).toBeGreaterThan(2);
    for (const m of spans) expect(doc.text.slice(Number(m[1]), Number(m[2]))).toBe(JSON.parse(m[3]));
  });

  it('gives one version, package.json\'s', () => {
    const versions = [...readme().matchAll(/\bsitrep[@ ]v?(\d+\.\d+\.\d+)\b|"pipelineVersion": "(\d+\.\d+\.\d+)"/g)].map((m) => m[1] ?? m[2]);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions)).toEqual(new Set([pkg.version]));
  });

  it('names the Label Studio config file as the export writes it', () => {
    const said = /`labelstudio:([^`]+\.json)`[^\n`]*`([^`]+\.config\.xml)`/.exec(readme());
    expect(said, 'README.md should show an example labelstudio:FILE.json and its config file name on one line').not.toBeNull();
    expect(labelStudioConfigPath(said![1])).toBe(said![2]);
  });

  it('lists only commands the CLI has', () => {
    const names = new Set(Object.keys(COMMANDS));
    const table = readme().match(/^\| `sitrep ([a-z]+)/gm) ?? [];
    expect(table.length).toBeGreaterThan(5);
    for (const row of table) expect(names.has(row.replace('| `sitrep ', '')), row).toBe(true);
  });
});
