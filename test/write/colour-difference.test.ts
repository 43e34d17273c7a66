import { describe, expect, it } from 'vitest';
import { ciede2000, contrast, fromHex, lab } from '../support/colour-difference.js';

// Reference values: CIELAB of sRGB white, black and primaries (D65) as published, and CIEDE2000
// differences as Sharma, Wu and Dalal's formula gives them (red ↔ blue 52.88).
describe('colour arithmetic', () => {
  it.each([
    ['#ffffff', [100, 0, 0]],
    ['#000000', [0, 0, 0]],
    ['#ff0000', [53.24, 80.09, 67.2]],
    ['#0000ff', [32.3, 79.19, -107.86]],
  ] as const)('Lab of %s', (h, expected) => {
    lab(fromHex(h)).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 1));
  });

  it.each([
    ['#ffffff', '#ffffff', 0],
    ['#ff0000', '#0000ff', 52.88],
    ['#000000', '#ffffff', 100],
    ['#808080', '#7f7f7f', 0.3],
  ] as const)('CIEDE2000 %s ↔ %s', (a, b, d) => {
    expect(ciede2000(fromHex(a), fromHex(b))).toBeCloseTo(d, 0);
    expect(ciede2000(fromHex(b), fromHex(a))).toBeCloseTo(ciede2000(fromHex(a), fromHex(b)), 9);
  });

  it('contrast ratios as WCAG defines them', () => {
    expect(contrast(fromHex('#000000'), fromHex('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrast(fromHex('#777777'), fromHex('#ffffff'))).toBeCloseTo(4.48, 2);
  });
});
