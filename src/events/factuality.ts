import { eventData } from './data.js';
import type { SentenceView } from './chunks.js';
import type { TriggerAnalysis } from './roles.js';
import type { Factuality } from '../doc.js';

function containsSeq(words: readonly string[], seq: readonly string[]): boolean {
  outer: for (let i = 0; i + seq.length <= words.length; i++) {
    for (let j = 0; j < seq.length; j++) if (words[i + j] !== seq[j]) continue outer;
    return true;
  }
  return false;
}

/** The words of term k for cue matching; a date's words are none ('on 10 May' holds no modal 'may'). */
function cueWords(view: SentenceView, k: number): string[] {
  return view.mentionAt(k)?.type === 'date' || view.has(k, 'Month') ? ['∅'] : view.terms[k].words;
}

/** Words of the `window` terms before term `from` in its clause (stops at punctuation). */
function wordsBefore(view: SentenceView, from: number, window: number): string[] {
  const out: string[][] = [];
  for (let k = from - 1; k >= view.lo && out.length < window; k--) {
    if (view.breakAfter(k)) break;
    out.unshift(cueWords(view, k));
  }
  return out.flat();
}

function wordsAfter(view: SentenceView, from: number, window: number): string[] {
  const out: string[][] = [];
  for (let k = from + 1; k < view.hi && out.length < window; k++) {
    if (view.breakAfter(k - 1)) break;
    out.push(cueWords(view, k));
  }
  return out.flat();
}

/** The facts about one event that decide its factuality. */
export interface FactualityInput {
  analysis: TriggerAnalysis;
  /** A time or a place attached to the event by grammar (not by fallback), or a phrase that makes it one occasion. */
  anchored: boolean;
  /** The event's type (some cues do not apply to some types). */
  type: string;
}

/**
 * Factuality from cue lexicons (event-factuality.json): negation and modality in the trigger's
 * clause, attribution and claims in its sentence, and genericity: a bare plural noun ('attacks
 * abroad') with no time or named place of its own names a kind of event, not one event.
 */
export function factualityOf(view: SentenceView, input: FactualityInput): Factuality {
  const d = eventData();
  const a = input.analysis;
  const found = new Set<Factuality>();
  // The sentence's words, gathered once per sentence, not once per event in it.
  let sentenceWords: string[] | undefined;
  const inSentence = (seqs: readonly (readonly string[])[]): boolean => {
    if (!sentenceWords) {
      sentenceWords = [];
      for (let k = view.lo; k < view.hi; k++) for (const w of cueWords(view, k)) sentenceWords.push(w);
    }
    return seqs.some((w) => containsSeq(sentenceWords!, w));
  };
  // The trigger's own premodifiers count as 'before' ('no attacks', 'frequent attacks').
  const premods: string[] = [];
  for (let k = a.npStart; k < a.ta; k++) premods.push(...cueWords(view, k));
  for (const cue of d.cues) {
    if (cue.exceptTypes.includes(input.type)) continue;
    let words: string[];
    if (cue.where === 'before') words = [...wordsBefore(view, a.npStart, cue.window), ...premods];
    else if (cue.where === 'premod') words = premods;
    else if (cue.where === 'after') {
      if (a.verbal) continue;
      words = wordsAfter(view, a.tb, cue.window);
    } else {
      if (view.sentenceFact(cue, () => inSentence(cue.words))) found.add(cue.value);
      continue;
    }
    if (cue.words.some((w) => containsSeq(words, w))) found.add(cue.value);
  }
  if (a.claimed) found.add('claimed');
  // A bare plural with nothing to tie it to one occasion names a kind of event ('attacks have
  // risen'), unless it is negated or hypothetical ('might launch attacks').
  if (!a.verbal && a.plural && !a.determined && !input.anchored && !found.has('negated') && !found.has('hypothetical')) found.add('generic');
  for (const v of d.factualityOrder) if (found.has(v)) return v;
  return 'asserted';
}
