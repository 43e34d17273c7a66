import { describe, expect, it } from 'vitest';
import { abbreviates } from '../../src/link/acronym-entities.js';

describe('acronyms and their long forms (link/acronym-entities)', () => {
  it.each([
    ['AFRICOM', 'United States Africa Command', true],
    ['ISWAP', 'Islamic State West Africa Province', true],
    ['AUSSOM', 'African Union Support and Stabilization Mission in Somalia', true],
    ['SNA', 'Somali National Army', true],
    ['UN', 'Islamic State', false],
    ['HTS', 'Syrian Democratic Forces', false],
    ['A', 'Army', false],
  ])('%s ← %s: %s', (acronym, long, expected) => {
    expect(abbreviates(acronym, long)).toBe(expected);
  });
});
