import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Temporary files of `writeFileAtomic`: `.<name>.tmp-<pid>-<random>`. */
const TEMP = /^\..+\.tmp-(\d+)-[0-9a-f]+$/;

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Remove the temporary files that a killed run left in `outDir` (those of processes that no longer
 * run; a live process may still be writing its own). Returns how many were removed.
 */
export async function removeStaleTemps(outDir: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch {
    return 0;
  }
  let n = 0;
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || alive(Number(m[1]))) continue;
    await rm(join(outDir, name), { force: true });
    n++;
  }
  return n;
}
