import { addCounts, prf, zero, type Counts, type Prf } from './metrics.js';
import { matchSpans, type MatchMode } from './match.js';
import { columns, prfCells } from './table.js';
import type { DocInput, EvalSection, SectionKind } from './section.js';
import { ENTITY_TYPE_NAMES, type EntityEvalType } from './types.js';

export type Score = Counts & Prf;

export interface SystemScores {
  exact: Score;
  relaxed: Score;
}

export interface TypeScores {
  /** Gold spans (required ones; optional outer spans count only when matched). */
  gold: number;
  sitrep: SystemScores;
  baseline: SystemScores;
  /** sitrep's parts on their own: the rules without the tagger, and the tagger without the rules. */
  rules?: SystemScores;
  tagger?: SystemScores;
}

export interface EntitySpansResult {
  types: Partial<Record<EntityEvalType, TypeScores>>;
  /** Micro-average over the selected types. */
  micro: TypeScores;
  /** Gold LOCATION spans left out because they are demonyms (sitrep types them `nationality`). */
  demonymsExcluded: number;
}

const SYSTEMS = ['sitrep', 'baseline', 'rules', 'tagger'] as const;
type System = (typeof SYSTEMS)[number];
type Acc = Record<System, Record<MatchMode, Counts>>;

const newAcc = (): Acc => ({
  sitrep: { exact: zero(), relaxed: zero() },
  baseline: { exact: zero(), relaxed: zero() },
  rules: { exact: zero(), relaxed: zero() },
  tagger: { exact: zero(), relaxed: zero() },
});
const score = (c: Counts): Score => ({ ...c, ...prf(c) });

/** Per type and micro-averaged precision, recall and F1, exact and relaxed, sitrep beside the baseline. */
export const entitySpans: SectionKind = {
  name: 'entities',
  types: ENTITY_TYPE_NAMES,
  create(): EvalSection<EntitySpansResult> {
    const acc = new Map<EntityEvalType, Acc>();
    const gold = new Map<EntityEvalType, number>();
    let demonyms = 0;
    let parts = false;
    const scores = (a: Acc, s: System): SystemScores => ({ exact: score(a[s].exact), relaxed: score(a[s].relaxed) });
    return {
      add(doc: DocInput) {
        demonyms += doc.entities.demonyms;
        if (doc.entities.rules && doc.entities.tagger) parts = true;
        for (const [t, g] of doc.entities.gold) {
          const a = acc.get(t) ?? newAcc();
          acc.set(t, a);
          gold.set(t, (gold.get(t) ?? 0) + g.filter((s) => !s.optional).length);
          for (const system of SYSTEMS) {
            const spans = doc.entities[system];
            if (!spans) continue;
            const pred = spans.get(t) ?? [];
            for (const mode of ['exact', 'relaxed'] as const) addCounts(a[system][mode], matchSpans(pred, g, mode).counts);
          }
        }
      },
      result() {
        if (acc.size === 0) return null;
        const types: EntitySpansResult['types'] = {};
        const micro = newAcc();
        let microGold = 0;
        for (const [t, a] of acc) {
          types[t] = {
            gold: gold.get(t) ?? 0,
            sitrep: scores(a, 'sitrep'),
            baseline: scores(a, 'baseline'),
            ...(parts ? { rules: scores(a, 'rules'), tagger: scores(a, 'tagger') } : {}),
          };
          microGold += gold.get(t) ?? 0;
          for (const s of SYSTEMS) for (const m of ['exact', 'relaxed'] as const) addCounts(micro[s][m], a[s][m]);
        }
        return {
          types,
          micro: {
            gold: microGold,
            sitrep: scores(micro, 'sitrep'),
            baseline: scores(micro, 'baseline'),
            ...(parts ? { rules: scores(micro, 'rules'), tagger: scores(micro, 'tagger') } : {}),
          },
          demonymsExcluded: demonyms,
        };
      },
      format(r) {
        const rows = [['type', 'gold', 'predicted', 'exact P', 'exact R', 'exact F1', 'relaxed P', 'relaxed R', 'relaxed F1']];
        const row = (name: string, s: TypeScores) => [
          name,
          String(s.gold),
          `${s.sitrep.exact.pred} (${s.baseline.exact.pred})`,
          ...prfCells(s.sitrep.exact, s.baseline.exact),
          ...prfCells(s.sitrep.relaxed, s.baseline.relaxed),
        ];
        for (const t of ENTITY_TYPE_NAMES) if (r.types[t]) rows.push(row(t, r.types[t]!));
        rows.push(row('micro', r.micro));
        const notes = r.demonymsExcluded ? [`(${r.demonymsExcluded} gold location spans that are demonyms left out: sitrep types them nationality)`] : [];
        const out = ['Entities: sitrep (baseline: plain compromise)', ...columns(rows), ...notes];
        if (r.micro.rules && r.micro.tagger) {
          const f = (x: SystemScores | undefined) => (x ? `${x.exact.f1.toFixed(3)} / ${x.relaxed.f1.toFixed(3)}` : '—');
          const parts = [['type', 'tagger alone', 'rules alone', 'sitrep (both)', 'plain compromise']];
          const line = (name: string, s: TypeScores) => [name, f(s.tagger), f(s.rules), f(s.sitrep), f(s.baseline)];
          for (const t of ENTITY_TYPE_NAMES) if (r.types[t]) parts.push(line(t, r.types[t]!));
          parts.push(line('micro', r.micro));
          out.push('', 'Entities by part: exact F1 / relaxed F1', ...columns(parts));
        }
        return out;
      },
    };
  },
};
