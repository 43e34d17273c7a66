import { sentenceAt } from '../segment/sentences.js';
import { lineColumn } from '../errors.js';
import { keyOccurrence, locateQuote, type Located } from './quote.js';
import { EntityBook, linkReviewed } from './link-reviewed.js';
import { frameReviewedEvents } from './event-frames.js';
import { decisionsFor, problemsFor, type ReviewStore } from './store.js';
import type { AnnotatedDoc, Diagnostic, Mention, MentionReview, MentionStatus, MentionType } from '../doc.js';
import type { Decision, DecisionOutcome, DecisionResult, ReviewApplication, StoredDecision, Target } from './types.js';

/** Diagnostics this step writes; they are made again on every application. */
const RULE_PREFIX = 'review:';

function reviewOf(d: Decision, was?: MentionReview['was']): MentionReview {
  return { ...(d.by !== undefined ? { by: d.by } : {}), at: d.at, ...(d.note !== undefined ? { note: d.note } : {}), decision: d.id, ...(was ? { was } : {}) };
}

/** Applies decisions to one document, in order, keeping entities and events in step. */
class Application {
  readonly outcomes: DecisionOutcome[] = [];
  private book: EntityBook;
  /** Mention ids that changed (edited span or type): old id → the new id, and the span it had under the old one. */
  private renames = new Map<string, { id: string; start: number; end: number }>();

  constructor(private doc: AnnotatedDoc) {
    this.book = new EntityBook(doc);
  }

  private at(type: MentionType, start: number, end: number): Mention | undefined {
    return this.doc.mentions.find((m) => m.type === type && m.start === start && m.end === end);
  }

  /** The mention a decision is about: same type at the placed span, or else the one mention of that type overlapping it. */
  private mentionFor(t: Target, loc: Located): { m?: Mention; how: string } {
    const m = this.at(t.type, loc.start, loc.end);
    if (m) return { m, how: loc.how };
    const overlapping = this.doc.mentions.filter((x) => x.type === t.type && x.start < loc.end && x.end > loc.start);
    return overlapping.length === 1 ? { m: overlapping[0], how: `${loc.how}+overlap` } : { how: loc.how };
  }

  private create(type: MentionType, loc: { start: number; end: number }, status: MentionStatus, d: Decision, value?: string): Mention {
    const m: Mention = {
      id: `${type}-${loc.start}-${loc.end}`,
      type,
      start: loc.start,
      end: loc.end,
      text: this.doc.text.slice(loc.start, loc.end),
      sentence: sentenceAt(this.doc.sentences, loc.start),
      source: `review:${d.action}`,
      confidence: 1,
      status,
      review: reviewOf(d),
    };
    this.doc.mentions.push(m);
    linkReviewed(this.doc, this.book, m, value !== undefined ? { value } : {});
    return m;
  }

  /** Give a mention a reviewed status; a mention coming back from `rejected` gets its entity again. */
  private mark(m: Mention, status: MentionStatus, d: Decision, was?: MentionReview['was']): DecisionResult {
    if (m.status === status && m.review?.decision === d.id) return 'already';
    const wasRejected = m.status === 'rejected';
    m.status = status;
    m.review = reviewOf(d, was ?? m.review?.was);
    if (status === 'rejected') this.book.detach(m);
    else if (wasRejected) linkReviewed(this.doc, this.book, m, { keep: true });
    return 'applied';
  }

  private record(sd: StoredDecision, result: DecisionResult, extra: { mention?: string; how?: string } = {}): void {
    const d = sd.decision;
    const q = d.action === 'add' ? d.span : d.target;
    this.outcomes.push({ decision: d.id, action: d.action, result, ...extra, type: d.action === 'add' ? d.type : d.target.type, text: q.exact, file: sd.file });
  }

  apply(sd: StoredDecision): void {
    const d = sd.decision;
    const text = this.doc.text;
    if (d.action === 'add') {
      const loc = locateQuote(text, d.span);
      if (!loc) return this.record(sd, 'unplaced');
      const existing = this.at(d.type, loc.start, loc.end);
      if (existing) return this.record(sd, this.mark(existing, 'added', d), { mention: existing.id, how: loc.how });
      return this.record(sd, 'applied', { mention: this.create(d.type, loc, 'added', d, d.value).id, how: loc.how });
    }
    const tLoc = locateQuote(text, d.target, { occurrence: keyOccurrence(d.target.key) });
    if (d.action === 'edit') return this.edit(sd, d, tLoc);
    if (!tLoc) return this.record(sd, 'unplaced');
    const { m, how } = this.mentionFor(d.target, tLoc);
    if (d.action === 'reject') {
      if (!m) return this.record(sd, 'obsolete', { how });
      return this.record(sd, this.mark(m, 'rejected', d), { mention: m.id, how });
    }
    // accept: a mention the pipeline no longer proposes is put back, as the reviewer confirmed it.
    if (!m) return this.record(sd, 'applied', { mention: this.create(d.target.type, tLoc, 'accepted', d).id, how });
    return this.record(sd, this.mark(m, 'accepted', d), { mention: m.id, how });
  }

  private edit(sd: StoredDecision, d: Extract<Decision, { action: 'edit' }>, tLoc: Located | null): void {
    const sLoc = locateQuote(this.doc.text, d.span, { hint: tLoc ? tLoc.start + (d.span.start - d.target.start) : d.span.start });
    if (!sLoc) return this.record(sd, 'unplaced');
    const how = tLoc?.how ?? sLoc.how;
    const existing = this.at(d.type, sLoc.start, sLoc.end);
    const m = tLoc ? this.mentionFor(d.target, tLoc).m : undefined;
    if (existing && (!m || existing === m)) {
      // The corrected mention is there already (proposed by the pipeline now, or edited before).
      const was = m === existing ? undefined : { type: d.target.type, start: d.target.start, end: d.target.end, text: d.target.exact };
      return this.record(sd, this.mark(existing, 'edited', d, was), { mention: existing.id, how });
    }
    if (!m) return this.record(sd, 'applied', { mention: this.create(d.type, sLoc, 'edited', d).id, how });
    const was: NonNullable<MentionReview['was']> = { type: m.type, start: m.start, end: m.end, text: m.text };
    if (existing) {
      // The edit turns this mention into one the pipeline also proposed: the two become one.
      this.doc.mentions.splice(this.doc.mentions.indexOf(m), 1);
      this.book.detach(m);
      this.renames.set(m.id, { id: existing.id, start: m.start, end: m.end });
      return this.record(sd, this.mark(existing, 'edited', d, was), { mention: existing.id, how });
    }
    const oldId = m.id;
    const oldSpan = { start: m.start, end: m.end };
    const sameType = m.type === d.type;
    // The span and type are now the reviewer's: so are the source and confidence; what made the mention before stays in `was`.
    was.source = m.source;
    Object.assign(m, { id: `${d.type}-${sLoc.start}-${sLoc.end}`, type: d.type, start: sLoc.start, end: sLoc.end, text: this.doc.text.slice(sLoc.start, sLoc.end), sentence: sentenceAt(this.doc.sentences, sLoc.start), source: 'review:edit', confidence: 1 });
    this.renames.set(oldId, { id: m.id, ...oldSpan });
    this.book.rename(oldId, m.id, m.start);
    m.status = 'edited';
    m.review = reviewOf(d, was);
    linkReviewed(this.doc, this.book, m, { keep: sameType });
    return this.record(sd, 'applied', { mention: m.id, how });
  }

  private finalId(id: string): string {
    let x = id;
    for (let i = 0; i < 1000 && this.renames.has(x); i++) x = this.renames.get(x)!.id;
    return x;
  }

  /** Entities and events after the decisions: rejected mentions drop out, edited ones move. */
  finish(): void {
    const doc = this.doc;
    doc.mentions.sort((a, b) => a.start - b.start || a.end - b.end || a.type.localeCompare(b.type));
    this.book.commit();
    const byId = new Map(doc.mentions.map((m) => [m.id, m]));
    doc.events = doc.events.filter((ev) => {
      if (ev.mention) {
        const id = this.finalId(ev.mention);
        const m = byId.get(id);
        if (m && (m.status === 'rejected' || m.type !== 'event')) return false;
        if (m && id !== ev.mention) {
          ev.mention = id;
          ev.trigger = { start: m.start, end: m.end, text: m.text };
        }
      }
      ev.roles = ev.roles.filter((r) => {
        if (!r.mention) return true;
        const id = this.finalId(r.mention);
        const m = byId.get(id);
        if (!m) return true;
        if (m.status === 'rejected') return false;
        if (id !== r.mention) {
          // A role that quoted the mention follows its edit; one that quotes words standing for it
          // ("its" for IS-KP) keeps its own evidence.
          const old = this.renames.get(r.mention);
          if (old && old.start === r.start && old.end === r.end) Object.assign(r, { start: m.start, end: m.end, text: m.text });
          r.mention = id;
        }
        return true;
      });
      return true;
    });
  }
}

function diagnosticFor(doc: AnnotatedDoc, o: DecisionOutcome, sd: StoredDecision): Diagnostic {
  const d = sd.decision;
  const q = d.action === 'add' ? d.span : d.target;
  const what = `${d.action} ${o.type} "${q.exact}" (decision ${d.id}${d.by ? ` by ${d.by}` : ''} at ${d.at}, from ${sd.file})`;
  const place = lineColumn(doc.text, Math.min(q.start, doc.text.length));
  return o.result === 'unplaced'
    ? { severity: 'warning', ruleId: 'review:unplaced', message: `review decision cannot be placed any more, the text around it changed: ${what}`, file: doc.doc.source.path, place }
    : { severity: 'info', ruleId: 'review:obsolete', message: `review decision has nothing left to do, the pipeline no longer proposes this mention: ${what}`, file: doc.doc.source.path, place };
}

/**
 * Apply review decisions to an annotated document (changing it in place), oldest first, so that the
 * latest decision about a mention wins. Every decision is placed again by its text quote and context
 * (it survives re-annotation and edits elsewhere in the text). Rejected mentions stay in the output
 * with `status: 'rejected'` but leave their entity and the events; edited and added mentions get a
 * value and an entity as the pipeline's own would, and an event mention left without a frame gets
 * one from the pipeline's frame builder (see event-frames.ts). A decision that cannot be placed becomes a
 * `review:unplaced` warning of the document. Applying the same decisions twice changes nothing more.
 */
export function applyDecisions(doc: AnnotatedDoc, decisions: readonly StoredDecision[], problems: ReviewStore['problems'] = []): ReviewApplication {
  doc.diagnostics = doc.diagnostics.filter((x) => !x.ruleId.startsWith(RULE_PREFIX));
  const counts: Record<DecisionResult, number> = { applied: 0, already: 0, obsolete: 0, unplaced: 0 };
  for (const p of problems) doc.diagnostics.push({ severity: 'warning', ruleId: 'review:bad-file', message: `review file skipped: ${p.message}`, file: p.file });
  if (decisions.length === 0) return { docId: doc.doc.id, outcomes: [], counts };
  const app = new Application(doc);
  for (const sd of decisions) app.apply(sd);
  app.finish();
  frameReviewedEvents(doc);
  app.outcomes.forEach((o, i) => {
    counts[o.result]++;
    if (o.result === 'unplaced' || o.result === 'obsolete') doc.diagnostics.push(diagnosticFor(doc, o, decisions[i]));
  });
  return { docId: doc.doc.id, outcomes: app.outcomes, counts };
}

/** Apply the store's decisions about this document (see applyDecisions). */
export function applyReviews(doc: AnnotatedDoc, store: ReviewStore): ReviewApplication {
  return applyDecisions(doc, decisionsFor(store, doc.doc.id), problemsFor(store, doc.doc.id));
}
