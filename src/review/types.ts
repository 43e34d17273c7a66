import type { MentionType } from '../doc.js';

/** What a review file says it is, so that any JSON dropped into `reviews/` is recognised or refused. */
export const REVIEW_FORMAT = 'sitrep-review';
export const REVIEW_VERSION = 1;

/**
 * A slice of the text as the reviewer saw it: where it was (`start`/`end`, UTF-16 offsets) and
 * what it said with a little context around it (`exact`, `prefix`, `suffix`), as the W3C
 * TextPositionSelector and TextQuoteSelector do. The quote finds the slice again after the text moved.
 */
export interface Quote {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

/** The mention a decision is about, as it was when the reviewer decided. */
export interface Target extends Quote {
  /** Mention id at review time (`group-19-32`). */
  id: string;
  type: MentionType;
  /**
   * Stable mention key: `type:exact#n`, n counting the occurrences of `exact` in the text
   * (0-based). Breaks ties between equally good places for the quote.
   */
  key: string;
}

interface DecisionBase {
  /** Unique id of the decision (made by the page; a hash of the decision when a file has none). */
  id: string;
  /** Who decided. */
  by?: string;
  /** When (ISO 8601). Later decisions about one mention win. */
  at: string;
  note?: string;
}

/** The mention is right. */
export interface AcceptDecision extends DecisionBase {
  action: 'accept';
  target: Target;
}

/** The mention is wrong: it stays rejected on every later run. */
export interface RejectDecision extends DecisionBase {
  action: 'reject';
  target: Target;
}

/** The mention is right but its type or its boundaries were not: `type` and `span` are the corrected ones. */
export interface EditDecision extends DecisionBase {
  action: 'edit';
  target: Target;
  type: MentionType;
  span: Quote;
}

/** A mention the pipeline missed. */
export interface AddDecision extends DecisionBase {
  action: 'add';
  type: MentionType;
  span: Quote;
  value?: string;
}

export type Decision = AcceptDecision | RejectDecision | EditDecision | AddDecision;
export type DecisionAction = Decision['action'];
export const DECISION_ACTIONS: readonly DecisionAction[] = ['accept', 'reject', 'edit', 'add'];

/** A review file: the decisions of one reviewing session about one document (`<doc-id>.review.json`). */
export interface ReviewFile {
  format: typeof REVIEW_FORMAT;
  version: typeof REVIEW_VERSION;
  docId: string;
  /** sha256 of the document's source when it was reviewed (informative: decisions are placed by quote). */
  docSha256?: string;
  reviewer?: string;
  exportedAt?: string;
  decisions: Decision[];
}

/** A decision as the store holds it: with the file it came from and its order there. */
export interface StoredDecision {
  decision: Decision;
  file: string;
  order: number;
}

/** What became of one decision when it was applied to a document. */
export type DecisionResult =
  /** It changed the document. */
  | 'applied'
  /** The document already showed it (applying twice changes nothing). */
  | 'already'
  /** Its text was found but the mention it was about is no longer proposed: nothing left to do. */
  | 'obsolete'
  /** Its text cannot be found any more: the text changed too much. Reported as a diagnostic. */
  | 'unplaced';

export interface DecisionOutcome {
  decision: string;
  action: DecisionAction;
  result: DecisionResult;
  /** The mention it landed on (after the decision). */
  mention?: string;
  /** How the quote was found: at its old place, moved, by context, or as the only occurrence. */
  how?: string;
  type: MentionType;
  text: string;
  file: string;
}

export interface ReviewApplication {
  docId: string;
  outcomes: DecisionOutcome[];
  counts: Record<DecisionResult, number>;
}
