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

  constructor(
    readonly docId: string,
    readonly text: string,
    readonly sentences: Sentence[],
    /** The document date (ISO `YYYY-MM-DD`) that relative dates are resolved against, if known. */
    readonly docDate: string | null,
    readonly lexicon: Lexicon,
    readonly file?: string,
  ) {}

  /** Word tokens for lexicon matching (computed once). */
  get tokens(): Token[] {
    return (this._tokens ??= wordTokens(this.text));
  }

  /** The one compromise parse of the document, shared by every recognizer that needs tags. */
  get nlp(): NlpView {
    return (this._nlp ??= nlp(this.text));
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
