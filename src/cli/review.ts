import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SitrepInputError, SitrepOptionError } from '../errors.js';
import { loadReviewStore, resolveReviewsDir, storeReviewFile, decisionsFor } from '../review/store.js';
import { parseReviewFile } from '../review/validate.js';
import { refreshIndex, refreshOutputs } from '../review/refresh-output.js';
import type { ReviewFile } from '../review/types.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep review apply FILE… [--reviews DIR] [--out DIR] [--no-output] [--json]
sitrep review list [--reviews DIR] [--json]

apply   Check review files (<doc-id>.review.json, exported from a document page) and add them to
        the review store (DIR, default $SITREP_REVIEWS, else reviews/; keep it outside the output
        folder). Every later \`sitrep annotate\` re-applies the stored decisions. The documents'
        JSON and pages already in the output folder (--out, default output/) are updated now,
        and the corpus index with them, unless --no-output. Decisions that cannot be placed in
        the text any more are listed (exit code 0: they stay stored and are reported on every run).
        A file that is not a valid review file stops the command before anything is stored.
list    The stored decisions per document, and files in the store that cannot be read.`;

async function readReviewFile(path: string): Promise<ReviewFile> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    throw new SitrepInputError(`cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, path, 'review:unreadable');
  }
  return parseReviewFile(raw, path);
}

async function apply(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { reviews: { type: 'string' }, out: { type: 'string', short: 'o' }, 'no-output': { type: 'boolean' }, json: { type: 'boolean' } },
  });
  if (positionals.length === 0) throw new SitrepOptionError('Expected at least one review file (sitrep review apply FILE…)');
  const dir = resolveReviewsDir(values.reviews);
  const outDir = values.out ?? 'output';
  if (!values['no-output'] && (resolve(dir) === resolve(outDir) || resolve(dir).startsWith(`${resolve(outDir)}/`))) {
    throw new SitrepOptionError(`Expected the review store outside the output folder (a user may wipe \`${outDir}\`), got \`${dir}\``);
  }
  // Check every file before storing any.
  const files: { path: string; file: ReviewFile }[] = [];
  for (const path of positionals) files.push({ path, file: await readReviewFile(path) });
  const stored: { path: string; docId: string; decisions: number; created: boolean; storedAs: string }[] = [];
  for (const { path, file } of files) {
    const r = await storeReviewFile(dir, file);
    stored.push({ path, docId: file.docId, decisions: file.decisions.length, created: r.created, storedAs: r.path });
  }
  const docIds = [...new Set(files.map((f) => f.file.docId))].sort();
  const store = await loadReviewStore(dir);
  const refreshed = values['no-output'] ? { applied: [], missing: docIds } : await refreshOutputs(outDir, store, docIds);
  const indexed = values['no-output'] || refreshed.applied.length === 0 ? false : await refreshIndex(outDir);
  const unplaced = refreshed.applied.flatMap((a) => a.outcomes.filter((o) => o.result === 'unplaced').map((o) => ({ docId: a.docId, ...o })));

  if (values.json) {
    process.stdout.write(`${JSON.stringify({ store: dir, stored, applied: refreshed.applied.map((a) => ({ docId: a.docId, counts: a.counts })), notAnnotatedYet: refreshed.missing, unplaced, index: indexed }, null, 1)}\n`);
  } else {
    for (const s of stored) process.stdout.write(`sitrep: ${s.created ? 'stored' : 'already stored'} ${s.path} (${s.docId}, ${s.decisions} decisions) → ${s.storedAs}\n`);
    for (const a of refreshed.applied) {
      const c = a.counts;
      process.stdout.write(`sitrep: ${a.docId}: ${c.applied} applied, ${c.already} already shown, ${c.obsolete} with nothing left to do, ${c.unplaced} unplaced\n`);
    }
    if (!values['no-output'] && refreshed.missing.length) process.stdout.write(`sitrep: not in ${outDir} yet (applied when annotated): ${refreshed.missing.join(', ')}\n`);
    for (const u of unplaced) process.stderr.write(`sitrep: ${u.docId}: cannot place ${u.action} ${u.type} "${u.text}" (decision ${u.decision}, ${u.file}): the text changed too much\n`);
    if (indexed) process.stdout.write(`sitrep: updated ${outDir}/index.html\n`);
  }
  return { code: 0 };
}

async function list(argv: string[]): Promise<CommandResult> {
  const { values } = parseArgs({ args: argv, options: { reviews: { type: 'string' }, json: { type: 'boolean' } } });
  const dir = resolveReviewsDir(values.reviews);
  const store = await loadReviewStore(dir);
  const docs = [...store.byDoc.keys()].sort().map((id) => {
    const ds = decisionsFor(store, id);
    const by: Record<string, number> = {};
    for (const d of ds) by[d.decision.action] = (by[d.decision.action] ?? 0) + 1;
    return { docId: id, decisions: ds.length, ...by, last: ds.at(-1)?.decision.at ?? null };
  });
  if (values.json) process.stdout.write(`${JSON.stringify({ store: dir, files: store.files, docs, problems: store.problems }, null, 1)}\n`);
  else {
    process.stdout.write(`sitrep: review store ${dir}: ${store.files} files, ${docs.length} documents\n`);
    for (const d of docs) process.stdout.write(`  ${d.docId}: ${d.decisions} decisions (last ${d.last})\n`);
    for (const p of store.problems) process.stderr.write(`sitrep: skipped ${p.message}\n`);
  }
  return { code: store.problems.length ? 1 : 0 };
}

export async function run(argv: string[]): Promise<CommandResult> {
  const [sub, ...rest] = argv;
  if (sub === 'apply') return apply(rest);
  if (sub === 'list') return list(rest);
  throw new SitrepOptionError(`Expected a review command (apply, list), got \`${sub ?? ''}\``);
}
