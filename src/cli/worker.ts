import { parseArgs } from 'node:util';
import { startWorker } from '../queue/worker.js';
import { cliInteger } from '../queue/options.js';
import { SitrepOptionError } from '../errors.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep worker --queue redis://HOST:PORT [--queue-name NAME] [--out DIR] [--reviews DIR] [--concurrency N] [--lock-duration MS] [--stalled-interval MS] [--quiet]

Take document jobs from a BullMQ queue on Redis (added by \`sitrep annotate --queue\`) and annotate
them, writing DIR/<doc-id>.json and DIR/<doc-id>.html exactly as a local run does. Run as many
workers as you like, on any machines, with DIR a folder they share. Each of the N jobs in flight
runs in its own worker thread (default N=1). --reviews: the reviewers' decisions folder the
producer has (default $SITREP_REVIEWS, else reviews/); a job whose decisions differ is refused.
A job whose worker dies is taken over by another after --lock-duration ms (default 30000).
SIGTERM or Ctrl-C: finish the jobs in flight, then exit (code 0); a second one gives the jobs in
flight back to the queue at once and exits (code 130).`;

export async function run(argv: string[]): Promise<CommandResult> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      queue: { type: 'string' },
      'queue-name': { type: 'string' },
      out: { type: 'string', short: 'o' },
      reviews: { type: 'string' },
      concurrency: { type: 'string' },
      'lock-duration': { type: 'string' },
      'stalled-interval': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (positionals.length) throw new SitrepOptionError(`Expected no paths (a worker takes its documents from the queue), got \`${positionals.join(' ')}\``);
  if (!values.queue) throw new SitrepOptionError('Expected `--queue redis://HOST:PORT`, got nothing');
  const quiet = values.quiet ?? false;
  const running = await startWorker({
    url: values.queue,
    ...(values['queue-name'] !== undefined ? { name: values['queue-name'] } : {}),
    outDir: values.out ?? 'output',
    reviewsDir: values.reviews ?? null,
    concurrency: cliInteger('concurrency', values.concurrency),
    lockDuration: cliInteger('lock-duration', values['lock-duration']),
    stalledInterval: cliInteger('stalled-interval', values['stalled-interval']),
    log: (line) => {
      // --quiet keeps what needs attention: failures, lost workers, Redis trouble, stopping.
      if (!quiet || !/^sitrep worker: (started|annotated|ready) /.test(line)) process.stderr.write(`${line}\n`);
    },
  });
  return new Promise<CommandResult>((resolve) => {
    let signals = 0;
    const onSignal = (signal: NodeJS.Signals): void => {
      signals++;
      if (signals === 1) {
        process.stderr.write(`sitrep worker: ${signal}: stopping: finishing the jobs in flight (send it again to stop at once)\n`);
        void running.stop().then(() => {
          process.off('SIGTERM', onSignal);
          process.off('SIGINT', onSignal);
          process.stderr.write('sitrep worker: stopped\n');
          resolve({ code: 0 });
          // Whatever a lost Redis left open (a socket, a timer) must not keep a stopped worker alive.
          setTimeout(() => process.exit(0), 200).unref();
        });
      } else if (signals === 2) {
        process.stderr.write(`sitrep worker: ${signal} again: stopping now, giving the jobs in flight back to the queue\n`);
        // Their threads are still annotating: end the process (outputs are written atomically).
        void running.returnJobs().finally(() => process.exit(130));
      }
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}
