import { describe, expect, it } from 'vitest';
import { eventWindows } from '../../src/events/windows.js';
import type { Term } from '../../src/events/terms.js';

const terms = (posts: string[]): Term[] => posts.map((post, i) => ({ i, text: 'w', normal: 'w', words: ['w'], start: i * 3, end: i * 3 + 1, tags: new Set(), pre: '', post, sentence: 0 }));

describe('event windows of a long sentence', () => {
  it.each([
    // [posts of the terms, max, windows]
    [[' ', ' ', ' '], 4, [[0, 3]]],
    [[' ', ' ', ', ', ' ', ' ', ' ', ' ', ' '], 4, [[0, 3], [3, 7], [7, 8]]],
    [[' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' '], 4, [[0, 4], [4, 8], [8, 9]]],
    // A break in the first half of a window is not taken: the window would be too small.
    [[', ', ' ', ' ', ' ', ' ', ' '], 4, [[0, 4], [4, 6]]],
  ])('%j at %i', (posts, max, want) => {
    expect(eventWindows(terms(posts), 0, posts.length, max)).toEqual(want);
  });
});
