import { describe, expect, it } from 'vitest';
import { newSlot, readStage, readStartedAt, writeStage, writeStartedAt } from '../../src/batch/stage-slot.js';

describe('the slot a worker shares with the thread that handed it a document', () => {
  it.each([
    ['events/frames', 'events/frames'],
    ['compromise/parse', 'compromise/parse'],
    // Longer than its 64 bytes: cut, still readable.
    ['x'.repeat(80), 'x'.repeat(64)],
  ])('keeps the stage %s', (stage, want) => {
    const slot = newSlot();
    writeStage(slot, 'a-much-longer-stage-name-first');
    writeStage(slot, stage);
    expect(readStage(slot)).toBe(want);
  });

  it('keeps the start time apart from the stage, and says nothing of a stage never written', () => {
    const slot = newSlot();
    expect(readStage(slot)).toBeUndefined();
    writeStartedAt(slot, 1_765_000_000_000);
    writeStage(slot, 'tokens');
    expect(readStartedAt(slot)).toBe(1_765_000_000_000);
    expect(readStage(slot)).toBe('tokens');
    expect(readStage(new SharedArrayBuffer(8))).toBeUndefined();
  });
});
