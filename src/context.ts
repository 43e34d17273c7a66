import { nlp, type NlpView } from './nlp.js';
import { wordTokens } from './recognize/tokens.js';
import type { Lexicon } from './lexicon/index.js';
import type { Candidate, Diagnostic, Entity, EventFrame, Mention, Sentence, Token } from './doc.js';

/**
 * What the components of the pipeline share while annotating one document. Each stage reads what
 * earlier stages wrote and adds its own part.
 */
export class PipelineContext {
  readonly candidates: Candidate[] = [];
  mentions: Mention[] = [];
  entities: Entity[] = [];
  events: EventFrame[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private _tokens?: Token[];
  private _nlp?: NlpView;
  private readonly memos = new Map<object, unknown>();

  constructor(
    readonly docId: string,
    readonly text: string,
    readonly sentences: Sentence[],
    /** The document date (ISO `YYYY-MM-DD`) that relative dates are resolved against, if known. */
    readonly docDate: string | null,
    readonly lexicon: Lexicon,
    readonly file?: string,
    /** The document's own text when `text` is a truecased view of it (passages in capitals), else undefined. */
    readonly original?: string,
  ) {}

  /** Whether [start, end) lies in a passage read through the truecased view (written in capitals). */
  inCapitals(start: number, end: number): boolean {
    return this.original !== undefined && this.original.slice(start, end) !== this.text.slice(start, end);
  }

  /**
   * A value worked out once per document by the stage that owns `key` (a function or object of its
   * own, so that no two stages share a key), held by this context and gone with it. Not a WeakMap
   * keyed by the context: V8's scavenger keeps a WeakMap's values alive past a scavenge even when their
   * key has died, so each document's term lists and matches (~1.3 MB) were copied again by the next
   * scavenge, after the document was done.
   */
  memo<T>(key: object, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /** Whether a stage has already worked out the value under `key` for this document. */
  has(key: object): boolean {
    return this.memos.has(key);
  }

  /** Word tokens for lexicon matching (computed once). */
  get tokens(): Token[] {
    return (this._tokens ??= wordTokens(this.text));
  }

  /** The one compromise parse of the document, shared by every recognizer that needs tags. */
  get nlp(): NlpView {
    return (this._nlp ??= nlp(this.text));
  }

  /** Keeps the candidates `keep` accepts, in order, in place (no copy of a list that can hold 100,000). */
  keepCandidates(keep: (c: Candidate, i: number) => boolean): void {
    const list = this.candidates;
    let n = 0;
    for (let i = 0; i < list.length; i++) if (keep(list[i], i)) list[n++] = list[i];
    list.length = n;
  }

  /** Replaces the candidates with `list`, one push each: spreading 100,000 and more arguments overflows the stack. */
  replaceCandidates(list: readonly Candidate[]): void {
    this.candidates.length = 0;
    for (const c of list) this.candidates.push(c);
  }

  propose(c: Candidate): void {
    if (c.start < 0 || c.end > this.text.length || c.end <= c.start) {
      this.diagnostics.push({ severity: 'warning', ruleId: 'pipeline:bad-span', message: `${c.source} proposed an empty or out-of-range span [${c.start}, ${c.end})`, file: this.file });
      return;
    }
    this.candidates.push(c);
  }
}

/** One component of the pipeline: reads the context and adds to it. */
export interface Component {
  /** Stable name, shown in diagnostics and timing. */
  name: string;
  run(ctx: PipelineContext): void;
}
