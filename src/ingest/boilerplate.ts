import data from '../lexicon/boilerplate.json' with { type: 'json' };

interface LineRule {
  id: string;
  re: RegExp;
  reason: string;
}

const lineRules: LineRule[] = data.lines.map((r) => ({ id: r.id, re: new RegExp(r.pattern, 'i'), reason: r.reason }));
const attrRules = data.html.skipAttr.map((r) => ({ id: r.id, re: new RegExp(r.pattern, 'i'), reason: r.reason }));

export const SKIP_TAGS: ReadonlySet<string> = new Set(data.html.skipTags);
export const BLOCK_TAGS: ReadonlySet<string> = new Set(data.html.blockTags);

/** The boilerplate rule a whole line matches, if any (blog chrome such as "Pages" or "Post a Comment"). */
export function boilerplateLine(line: string): LineRule | undefined {
  const t = line.trim();
  if (t.length === 0 || t.length > 160) return undefined;
  return lineRules.find((r) => r.re.test(t));
}

/** The rule that marks an HTML element as page chrome by its class, id or role. */
export function boilerplateAttr(value: string): { id: string; reason: string } | undefined {
  if (!value) return undefined;
  return attrRules.find((r) => r.re.test(value));
}
