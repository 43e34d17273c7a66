import { describe, expect, it } from 'vitest';
import { configKey, configParts } from '../../src/batch/config-key.js';
import { PIPELINE_VERSION } from '../../src/version.js';

describe('configKey', () => {
  const base = { fallbackDate: null, html: true };
  it('is stable for the same settings', () => {
    expect(configKey(base)).toBe(configKey({ ...base }));
    expect(configKey(base)).toMatch(/^[0-9a-f]{24}$/);
  });
  it.each([
    ['a fallback date', { ...base, fallbackDate: '2024-01-01' }],
    ['no HTML', { ...base, html: false }],
  ])('changes with %s', (_n, other) => {
    expect(configKey(other)).not.toBe(configKey(base));
  });
  it('covers the pipeline version, the data files and the NLP libraries', () => {
    const p = configParts(base);
    expect(p.pipelineVersion).toBe(PIPELINE_VERSION);
    expect(p.dataHash).toMatch(/^[0-9a-f]{16}$/);
    expect(p.libraries.compromise).toMatch(/^\d+\.\d+\.\d+/);
    expect(p.libraries['world-countries']).toMatch(/^\d+\.\d+\.\d+/);
  });
});
