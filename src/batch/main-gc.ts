import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | undefined;

/**
 * A full garbage collection of this thread's heap. The batch's main thread keeps little alive (a
 * few MB of plan and report) but makes garbage for every document it hands out and takes back;
 * V8 lets that pile up, and the peak RSS of a run would grow with the corpus. Collected every few
 * hundred documents (a few ms each time), the main thread's heap stays the same size.
 */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
