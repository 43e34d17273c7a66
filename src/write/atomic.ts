import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

/** A temporary file beside `path` (same folder, so the rename cannot cross file systems), unique to this process and call. */
function tempBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Write a file atomically: the data goes to a temporary file in the same folder, is flushed to
 * disk, then renamed over the target. A reader (or a run killed half-way) sees the old file or the
 * new one, never half of one.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = tempBeside(path);
  const fh = await open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => {});
    await rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  try {
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/**
 * writeFileAtomic, blocking: for a thread whose own work is the CPU-bound annotation (a batch
 * worker). Blocking while a document's files are written costs it less than handing each of the
 * six file operations to libuv's thread pool and back. With the source read the same way, those
 * hand-offs took ~1.3 s of CPU per 500 documents on other threads, which two workers on two cores
 * had to give up (500 Brown documents, 3 rounds, interleaved, each thread's CPU time read from
 * /proc/<pid>/task: the threads beside the workers 3.5–4.1 s → 2.3–2.7 s; 2 workers 15.1–16.0 s →
 * 14.6–15.1 s; 1 worker unchanged).
 */
export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = tempBeside(path);
  const fd = openSync(tmp, 'w');
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

