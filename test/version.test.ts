import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PIPELINE_VERSION } from '../src/version.js';
import { ROOT } from './support/annotate.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; allowScripts: Record<string, boolean> };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { version: string; packages: Record<string, { version?: string; hasInstallScript?: boolean }> };

describe('one version number', () => {
  it('is package.json\'s, in the pipeline, the lockfile and `sitrep --version`', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(PIPELINE_VERSION).toBe(pkg.version);
    expect([lock.version, lock.packages[''].version]).toEqual([pkg.version, pkg.version]);
    expect(execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
  });
});

describe('npm ci', () => {
  it('has every dependency with an install script named in allowScripts (npm warns otherwise)', () => {
    const withScripts = Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript).map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    expect(withScripts.length).toBeGreaterThan(0);
    for (const name of withScripts) expect(pkg.allowScripts, name).toHaveProperty([name]);
  });
});
