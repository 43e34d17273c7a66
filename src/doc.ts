/**
 * The data model of sitrep. Every span is a half-open [start, end) pair of UTF-16 code-unit
 * offsets into one canonical text, and `text.slice(start, end) === span.text` always holds.
 */

export const SCHEMA_VERSION = '1.0.0';

export type MentionType = 'group' | 'country' | 'place' | 'person' | 'date' | 'event' | 'nationality';
export const MENTION_TYPES: readonly MentionType[] = ['group', 'country', 'place', 'person', 'date', 'event', 'nationality'];

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  index: number;
  start: number;
  end: number;
}

/** A token with its place in the canonical text (from the segmenter). */
export interface Token {
  start: number;
  end: number;
  text: string;
}

/** Normalised date: TIMEX3-like value at the granularity the text gives. */
export interface DateNorm {
  /** TIMEX3 value: `2025-08-09`, `2024-03`, `2021`, `199` (a decade), `PAST_REF`, `2024-W12`, `2008-10-06T14:48Z`, `XXXX-06-03` (year unknown), `2016-04-05/2016-04-06` (a span of days)… */
  value: string;
  granularity: 'day' | 'month' | 'year' | 'decade' | 'century' | 'season' | 'quarter' | 'half' | 'week' | 'time' | 'vague';
  /** TIMEX3 mod, e.g. `START`, `MID`, `END`, `APPROX`, `BEFORE`, `AFTER`. */
  mod?: string;
  /** Interval covered, ISO dates (inclusive start, inclusive end), when it is a calendar date. */
  interval?: { start: string; end: string };
  /** The date the value was resolved against (the document date), when it was needed. */
  anchor?: string;
}

export type MentionStatus = 'auto' | 'accepted' | 'rejected' | 'edited' | 'added';

export interface Mention extends Span {
  id: string;
  type: MentionType;
  sentence: number;
  /** Normalised value: ISO date value, ISO alpha-2 country, canonical group id… */
  value?: string;
  /** Date details, for type `date`. */
  date?: DateNorm;
  /** The entity this mention belongs to. */
  entity?: string;
  /** What made it: a lexicon entry id (`lex:…`) or a rule id (`rule:…`). */
  source: string;
  confidence: number;
  status?: MentionStatus;
  review?: MentionReview;
}

/** Who reviewed a mention, when, and by which decision (see src/review). */
export interface MentionReview {
  by?: string;
  at?: string;
  note?: string;
  /** Id of the review decision that set the status. */
  decision?: string;
  /** For an `edited` mention: its type and span before the edit, and the source that had proposed it (when the edit moved it). */
  was?: { type: MentionType; start: number; end: number; text: string; source?: string };
}

/** A recognizer's proposal. Refiners decide which candidates become mentions. */
export interface Candidate {
  type: MentionType;
  start: number;
  end: number;
  source: string;
  confidence: number;
  /** Higher wins an overlap between candidates of equal length. */
  priority: number;
  /** Entity key (lexicon entry) this candidate links to, where known. */
  key?: string;
  value?: string;
  date?: DateNorm;
}

export interface EntityIds {
  iso2?: string;
  iso3?: string;
  wikidata?: string;
  ucdp?: string;
  [scheme: string]: string | undefined;
}

export interface Entity {
  id: string;
  type: MentionType;
  name: string;
  ids: EntityIds;
  /** Entity key of a parent organisation (IS-KP ⊂ Islamic State) or of the country of a place. */
  partOf?: string;
  /** Entity key of a country: a place's, a table group's main theatre, the state a body named for it serves ("the Somali government"). */
  country?: string;
  /** Other names the document gives it (an acronym defined in brackets after its name). */
  aliases?: string[];
  mentions: string[];
  source: string;
}

export type Factuality = 'asserted' | 'reported' | 'claimed' | 'hypothetical' | 'negated' | 'generic';
export type RoleName = 'actor' | 'target' | 'place' | 'time' | 'instrument';

export interface EventRole extends Span {
  role: RoleName;
  /** The mention id this role points at, when the role is a mention. */
  mention?: string;
  /** What made it: `rule:role/<path>`, a grammar path (subject, object, pre, post, support, shared) or `nearest` (the nearest free mention of the sentence, for a place or a time the grammar left empty). */
  source?: string;
  /** How sure sitrep is that this filler is right: the trained role scorer's probability (src/events/role-model.ts). */
  confidence?: number;
}

export interface EventCodes {
  acled?: { eventType: string; subEventType: string };
  plover?: { category: string; mode?: string };
  cameo?: string;
}

export interface EventFrame {
  id: string;
  type: string;
  subtype?: string;
  trigger: Span;
  /** The event mention made for the trigger. */
  mention?: string;
  roles: EventRole[];
  codes: EventCodes;
  factuality: Factuality;
  fatalities?: { value: number; qualifier?: 'atLeast' | 'atMost' | 'about' | 'exact'; evidence: Span };
  injured?: { value: number; qualifier?: 'atLeast' | 'atMost' | 'about' | 'exact'; evidence: Span };
  sentence: number;
  confidence: number;
  source: string;
}

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  ruleId: string;
  file?: string;
  place?: { line: number; column: number; offset?: number };
}

export type DocDateSource = 'front-matter' | 'html-meta' | 'html-time' | 'dateline' | 'jsonl' | 'option' | 'none';

export interface DocInfo {
  id: string;
  source: { path: string; format: SourceFormat; sha256: string; line?: number; encoding?: string };
  title: string | null;
  date: { value: string | null; source: DocDateSource };
  /** Metadata read from the source (front matter, meta tags). */
  meta?: Record<string, string>;
}

export type SourceFormat = 'txt' | 'md' | 'html' | 'jsonl';

/** A piece of canonical text copied from the source: canonical [start, end) ↔ source [srcStart, srcEnd). */
export type SourceSegment = [start: number, end: number, srcStart: number, srcEnd: number];

export interface AnnotatedDoc {
  schemaVersion: string;
  doc: DocInfo;
  run: { pipelineVersion: string; lexiconHash: string };
  text: string;
  sourceMap: SourceSegment[];
  sentences: Sentence[];
  mentions: Mention[];
  entities: Entity[];
  events: EventFrame[];
  diagnostics: Diagnostic[];
}
