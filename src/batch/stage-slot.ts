/**
 * The slot a worker thread shares with the thread that handed it a document: the time its
 * annotation began (ms since the epoch, 0 when not annotating) and the name of the stage it is in,
 * so that a document stopped by the time limit is reported with the stage that was running.
 */
const STAGE_BYTES = 64;

export function newSlot(): SharedArrayBuffer {
  return new SharedArrayBuffer(8 + STAGE_BYTES);
}

export function writeStartedAt(slot: SharedArrayBuffer, ms: number): void {
  Atomics.store(new BigInt64Array(slot, 0, 1), 0, BigInt(ms));
}

export function readStartedAt(slot: SharedArrayBuffer): number {
  return Number(Atomics.load(new BigInt64Array(slot, 0, 1), 0));
}

/** Record the stage now running (its name cut to 64 bytes of UTF-8); a slot without room for it is left alone. */
export function writeStage(slot: SharedArrayBuffer, stage: string): void {
  if (slot.byteLength < 8 + STAGE_BYTES) return;
  const bytes = new Uint8Array(slot, 8, STAGE_BYTES);
  const { written } = new TextEncoder().encodeInto(stage, bytes);
  bytes.fill(0, written);
}

/** The stage last recorded, or undefined. */
export function readStage(slot: SharedArrayBuffer): string | undefined {
  if (slot.byteLength < 8 + STAGE_BYTES) return undefined;
  // A copy: TextDecoder does not read shared memory.
  const bytes = new Uint8Array(slot, 8, STAGE_BYTES).slice();
  const end = bytes.indexOf(0);
  const name = new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
  return name || undefined;
}
