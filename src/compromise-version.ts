/**
 * The compromise release that sitrep's patches of its internals (src/compromise-match.ts,
 * src/compromise-sweep.ts) were checked against: their equality tests compare them with
 * compromise's own matcher and sweep on this version. Another version keeps compromise's own.
 */
export const CHECKED_COMPROMISE = '14.17.0';

let told = false;

/**
 * Whether the patches may go on an instance of compromise `version`; if not, says so once on
 * stderr (results stay right: compromise's own code runs, only slower).
 */
export function patchesFit(version: string | undefined, notice: (line: string) => void = (l) => void process.stderr.write(`${l}\n`)): boolean {
  if (version === CHECKED_COMPROMISE) return true;
  if (!told) {
    told = true;
    notice(`sitrep: compromise ${version ?? '(unknown version)'} is installed, not the ${CHECKED_COMPROMISE} its matcher patches were checked against; using compromise's own matcher (same results, slower)`);
  }
  return false;
}
