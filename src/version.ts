import { readFileSync } from 'node:fs';

/**
 * sitrep's version, the one in package.json (read from `../package.json`, beside both `src/` and
 * `dist/`). Bumped whenever the pipeline's output for the same input may change.
 */
export const PIPELINE_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
