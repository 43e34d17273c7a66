import { prf } from './metrics.js';
import { columns, pair, prfCells } from './table.js';
import { baselineEvents, baselineFrames } from './events-baseline.js';
import { incidentEvalEvents } from './events-incidents.js';
import { sitrepEvalEvents } from './events-types.js';
import { isWikiGold, newWikiCounts, scoreWikiDoc, SCORED_ROLES, type WikiCounts } from './events-wikievents.js';
import { isMucGold, newMucCounts, scoreMucDoc, type MucCounts } from './events-muc4.js';
import type { Score } from './entity-spans.js';
import type { Counts } from './metrics.js';
import type { DocInput, EvalSection, SectionKind } from './section.js';

export interface WikiScores {
  /** Gold attack and arrest events. */
  gold: number;
  untyped: Score;
  typed: Score;
  families: Record<string, Score>;
  roles: Record<string, Score>;
  args: Score;
}

export interface MucScores {
  incidents: number;
  uncoverable: number;
  found: number;
  recall: number;
  predicted: number;
  correct: number;
  precision: number;
}

export interface EventsResult {
  /** WikiEvents-style gold (trigger spans and argument spans), sitrep beside the keyword baseline. */
  triggers?: { sitrep: WikiScores; baseline: WikiScores };
  /** MUC-4-style gold (document-level incident templates). */
  incidents?: { sitrep: MucScores; baseline: MucScores };
}

const score = (c: Counts): Score => ({ ...c, ...prf(c) });

function wikiScores(c: WikiCounts): WikiScores {
  const fam: Record<string, Score> = {};
  for (const [k, v] of Object.entries(c.families)) fam[k] = score(v);
  const roles: Record<string, Score> = {};
  for (const [k, v] of Object.entries(c.roles)) roles[k] = score(v);
  return { gold: c.untyped.gold, untyped: score(c.untyped), typed: score(c.typed), families: fam, roles, args: score(c.args) };
}

function mucScores(c: MucCounts): MucScores {
  return { ...c, recall: c.incidents ? c.found / c.incidents : 0, precision: c.predicted ? c.correct / c.predicted : 0 };
}

/**
 * Events: on gold with trigger spans (WikiEvents), attack and arrest trigger P/R/F1 (typed and
 * untyped, overlap) and argument P/R/F1 on matched events; on gold with incident templates (MUC-4),
 * incident recall and precision by type, country and date. Beside each figure, the keyword baseline
 * (the trigger word list alone, with nearest-mention roles).
 */
export const eventsSection: SectionKind = {
  name: 'events',
  types: ['events'],
  create(): EvalSection<EventsResult> {
    const wiki = { sitrep: newWikiCounts(), baseline: newWikiCounts() };
    const muc = { sitrep: newMucCounts(), baseline: newMucCounts() };
    let sawWiki = false;
    let sawMuc = false;
    return {
      add(doc: DocInput) {
        const gold = doc.gold.events ?? [];
        const wikiGold = gold.some(isWikiGold);
        const mucGold = gold.some(isMucGold) || doc.gold.meta?.relevant !== undefined;
        if (!wikiGold && !mucGold) return;
        const sitrep = sitrepEvalEvents(doc.sitrep);
        const baseline = baselineEvents(doc.sitrep);
        if (wikiGold) {
          sawWiki = true;
          scoreWikiDoc(wiki.sitrep, gold, sitrep, doc.scope);
          scoreWikiDoc(wiki.baseline, gold, baseline, doc.scope);
        } else {
          sawMuc = true;
          // Incidents, not event mentions: the mentions of one incident grouped over the document
          // (sitrep's kept by its incident scorer; the baseline's all).
          scoreMucDoc(muc.sitrep, gold, incidentEvalEvents(doc.sitrep));
          scoreMucDoc(muc.baseline, gold, incidentEvalEvents(doc.sitrep, baselineFrames(doc.sitrep), false));
        }
      },
      result() {
        if (!sawWiki && !sawMuc) return null;
        const r: EventsResult = {};
        if (sawWiki) r.triggers = { sitrep: wikiScores(wiki.sitrep), baseline: wikiScores(wiki.baseline) };
        if (sawMuc) r.incidents = { sitrep: mucScores(muc.sitrep), baseline: mucScores(muc.baseline) };
        return r;
      },
      format(r) {
        const out: string[] = [];
        if (r.triggers) {
          const s = r.triggers.sitrep;
          const b = r.triggers.baseline;
          const rows = [['', 'gold', 'predicted', 'P', 'R', 'F1']];
          rows.push(['triggers, untyped', String(s.untyped.gold), `${s.untyped.pred} (${b.untyped.pred})`, ...prfCells(s.untyped, b.untyped)]);
          rows.push(['triggers, typed', String(s.typed.gold), `${s.typed.pred} (${b.typed.pred})`, ...prfCells(s.typed, b.typed)]);
          for (const fam of Object.keys(s.families).sort()) rows.push([`  ${fam}`, String(s.families[fam].gold), `${s.families[fam].pred} (${b.families[fam]?.pred ?? 0})`, ...prfCells(s.families[fam], b.families[fam])]);
          rows.push(['arguments', String(s.args.gold), `${s.args.pred} (${b.args.pred})`, ...prfCells(s.args, b.args)]);
          for (const role of SCORED_ROLES) if (s.roles[role]) rows.push([`  ${role}`, String(s.roles[role].gold), `${s.roles[role].pred} (${b.roles[role]?.pred ?? 0})`, ...prfCells(s.roles[role], b.roles[role])]);
          out.push(
            'Events: attack and arrest triggers matched by overlap; arguments on typed-matched events (Attacker/Jailer ↔ actor, Target/Victim/Detainee ↔ target, Place ↔ place): sitrep (baseline: the trigger word list with nearest-mention roles)',
            ...columns(rows),
            '(argument figures are over each system\'s own matched events)',
          );
        }
        if (r.incidents) {
          const s = r.incidents.sitrep;
          const b = r.incidents.baseline;
          if (out.length) out.push('');
          const rows = [
            ['gold incidents', 'found', 'recall', 'events with place and time', 'fitting an incident', 'precision'],
            [`${s.incidents} (${s.uncoverable} of no sitrep type)`, `${s.found} (${b.found})`, pair(s.recall, b.recall), `${s.predicted} (${b.predicted})`, `${s.correct} (${b.correct})`, pair(s.precision, b.precision)],
          ];
          out.push(
            'Events: incidents found — an event of a compatible type whose place is in the incident\'s country and whose time falls within its date: sitrep (baseline: the trigger word list with nearest-mention roles)',
            ...columns(rows),
          );
        }
        return out;
      },
    };
  },
};
