import type { Command } from './types.js';

/** The CLI's commands, each loaded only when used (keeps start-up fast). One line per command. */
export const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  annotate: { summary: 'annotate documents into JSON and HTML', load: () => import('./annotate.js') },
  eval: { summary: 'score sitrep and a plain-compromise baseline against gold JSONL', load: () => import('./eval.js') },
  render: { summary: 'rebuild HTML pages from the JSON in an output folder', load: () => import('./render.js') },
  review: { summary: 'store reviewers\' decisions (from the pages) and apply them to the output', load: () => import('./review.js') },
  export: { summary: 'load the output JSON into SQLite, PostgreSQL, JSONL, brat, W3C annotations or Label Studio', load: () => import('./export.js') },
  queue: { summary: 'enqueue documents for workers on Redis; show and retry failed jobs', load: () => import('./queue.js') },
  train: { summary: 'train the entity tagger on annotated documents (../shared/, yours, reviewed output)', load: () => import('./train.js') },
  worker: { summary: 'take document jobs from a Redis queue and annotate them', load: () => import('./worker.js') },
};
