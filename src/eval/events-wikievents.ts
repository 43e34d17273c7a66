import { addCounts, zero, type Counts } from './metrics.js';
import { matchSpans, type EvalSpan } from './match.js';
import { wikiFamilyOfGold, wikiFamilyOfSitrep, wikiRole, type EvalEvent } from './events-types.js';
import type { RoleName } from '../doc.js';

/** One WikiEvents gold event, as the shared file writes it. */
interface WikiGoldEvent {
  type: string;
  trigger: { start: number; end: number; text?: string };
  arguments?: { role: string; start: number; end: number; text?: string }[];
}

export const SCORED_ROLES: readonly RoleName[] = ['actor', 'target', 'place'];

/** Counts of one system on WikiEvents-style gold, summed over documents. */
export interface WikiCounts {
  untyped: Counts;
  typed: Counts;
  /** Per family ('attack', 'arrest'), typed. */
  families: Record<string, Counts>;
  /** Arguments of typed-matched events, per sitrep role, matched by overlap. */
  roles: Record<string, Counts>;
  args: Counts;
}

export const newWikiCounts = (): WikiCounts => ({ untyped: zero(), typed: zero(), families: {}, roles: {}, args: zero() });

/** Is this a WikiEvents-style gold event (a KAIROS type and a trigger span)? */
export function isWikiGold(e: unknown): e is WikiGoldEvent {
  const o = e as WikiGoldEvent;
  return !!o && typeof o.type === 'string' && !!o.trigger && typeof o.trigger.start === 'number' && typeof o.trigger.end === 'number';
}

interface Fam extends EvalSpan {
  family: string;
  index: number;
}

/**
 * Score one document: attack and arrest triggers matched by overlap, one-to-one, with and without
 * the family; then, on typed-matched events, the arguments Attacker/Jailer ↔ actor,
 * Target/Victim/Detainee ↔ target, Place ↔ place, matched by overlap. Predictions past `scope` are
 * not judged.
 */
export function scoreWikiDoc(acc: WikiCounts, goldEvents: readonly unknown[], pred: readonly EvalEvent[], scope: number): void {
  const gold: Fam[] = [];
  const goldEv: WikiGoldEvent[] = [];
  for (const e of goldEvents) {
    if (!isWikiGold(e)) continue;
    const family = wikiFamilyOfGold(e.type);
    if (!family) continue;
    gold.push({ start: e.trigger.start, end: e.trigger.end, family, index: goldEv.length });
    goldEv.push(e);
  }
  const predF: Fam[] = [];
  pred.forEach((p, i) => {
    const family = wikiFamilyOfSitrep(p.type, p.subtype);
    if (family && p.start < scope) predF.push({ start: p.start, end: p.end, family, index: i });
  });
  addCounts(acc.untyped, matchSpans(predF, gold, 'relaxed').counts);
  const families = new Set([...gold.map((g) => g.family), ...predF.map((p) => p.family)]);
  for (const fam of families) {
    const g = gold.filter((x) => x.family === fam);
    const p = predF.filter((x) => x.family === fam);
    const { counts, pairs } = matchSpans(p, g, 'relaxed');
    addCounts(acc.typed, counts);
    addCounts((acc.families[fam] ??= zero()), counts);
    for (const [pi, gi] of pairs) {
      const pe = pred[p[pi].index];
      const ge = goldEv[g[gi].index];
      for (const role of SCORED_ROLES) {
        const ga = (ge.arguments ?? []).filter((a) => wikiRole(a.role) === role).map((a) => ({ start: a.start, end: a.end }));
        const pa = pe.roles.filter((r) => r.role === role).map((r) => ({ start: r.start, end: r.end }));
        const c = matchSpans(pa, ga, 'relaxed').counts;
        addCounts((acc.roles[role] ??= zero()), c);
        addCounts(acc.args, c);
      }
    }
  }
}
