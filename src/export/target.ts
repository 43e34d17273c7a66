import { SitrepOptionError } from '../errors.js';

/** Where `sitrep export --to TARGET` writes. */
export type ExportTarget =
  | { kind: 'jsonl'; path: string }
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'brat'; path: string }
  | { kind: 'w3c'; path: string }
  | { kind: 'labelstudio'; path: string };

export const TARGET_FORMS = 'jsonl:DIR, sqlite:PATH, postgres://…, brat:DIR, w3c:DIR or labelstudio:FILE';

/** Parse `--to`: `jsonl:DIR`, `sqlite:PATH`, `postgres://…` (or `postgresql://…`), `brat:DIR`, `w3c:DIR`, `labelstudio:FILE`. */
export function parseTarget(to: string): ExportTarget {
  if (/^postgres(ql)?:\/\//i.test(to)) {
    try {
      new URL(to);
    } catch {
      throw new SitrepOptionError(`Expected \`--to\` to be a postgres:// URL, got \`${to.replace(/:[^:@/]*@/, ':***@')}\``);
    }
    return { kind: 'postgres', url: to };
  }
  const m = /^(jsonl|sqlite|brat|w3c|labelstudio):(.*)$/s.exec(to);
  if (!m) throw new SitrepOptionError(`Expected \`--to\` to be one of ${TARGET_FORMS}, got \`${to}\``);
  const kind = m[1] as 'jsonl' | 'sqlite' | 'brat' | 'w3c' | 'labelstudio';
  if (!m[2]) throw new SitrepOptionError(`Expected a path after \`${kind}:\` in \`--to\`, got \`${to}\``);
  return { kind, path: m[2] };
}
