import { parseArgs } from 'node:util';
import { exportOutput, type ExportReport } from '../export/run-export.js';
import { TARGET_FORMS } from '../export/target.js';
import type { CommandResult } from './types.js';

export const usage = `sitrep export [--from DIR] [--to TARGET] [--prune] [--json] [--quiet]

Load the annotated JSON of an output folder (default output/) into a database or an annotation
tool's format, one document at a time. Exporting the same folder again changes nothing; a
re-annotated document replaces its rows; --prune removes documents no longer in the folder.

TARGET is one of ${TARGET_FORMS}:
  sqlite:PATH         SQLite database file (default: <from>/sitrep.db)
  postgres://…        PostgreSQL database (postgresql:// too)
  jsonl:DIR           documents, entities, entity_ids, mentions, events, event_roles .jsonl
  brat:DIR            brat standoff: <id>.txt + <id>.ann (rejected mentions left out,
                      other review decisions as # notes), annotation.conf
  w3c:DIR             W3C Web Annotation JSON-LD: <id>.jsonld + <id>.txt (sitrep:status kept)
  labelstudio:FILE    Label Studio tasks: predictions (rejected left out), reviewed mentions
                      as annotations; labeling config beside it (x.json → x.config.xml)

--json prints the report as JSON (with the row count of each table, for a database).

Exit status: 0 when every document was exported, 1 when some file was bad (each is named),
2 on a usage error.`;

function summary(r: ExportReport): string {
  const parts = [
    r.inserted && `${r.inserted} inserted`,
    r.replaced && `${r.replaced} replaced`,
    r.written && `${r.written} written`,
    `${r.unchanged} unchanged`,
    r.pruned && `${r.pruned} pruned`,
    r.failed.length && `${r.failed.length} failed`,
  ].filter(Boolean);
  return `sitrep export: ${r.documents} documents → ${r.target} (${parts.join(', ')})${r.keptPrevious ? '; the previous export was kept because some files failed' : ''}\n`;
}

export async function run(argv: string[]): Promise<CommandResult> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' }, prune: { type: 'boolean' }, json: { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' } },
  });
  const report = await exportOutput({ from: values.from, to: values.to, prune: values.prune, counts: values.json });
  for (const f of report.failed) process.stderr.write(`sitrep export: ${f.message}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
  else if (!values.quiet) process.stdout.write(summary(report));
  return { code: report.failed.length ? 1 : 0 };
}
