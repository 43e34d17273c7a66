import { eventData, type EventData, type Frame } from './data.js';
import type { SentenceView } from './chunks.js';
import type { Mention, MentionType, RoleName } from '../doc.js';

/** A role found by grammar, before fallbacks: the term range of its phrase and the mention it is. */
export interface RoleHit {
  role: RoleName;
  start: number;
  end: number;
  mention?: Mention;
  /** Where it came from: a word before the trigger, a phrase after it, the subject or object of the verb… */
  how: 'pre' | 'post' | 'subject' | 'object' | 'support' | 'fallback' | 'shared';
  /** The role scorer's probability that it fills the role (fallback.ts). */
  confidence?: number;
}

/** What the grammar around one trigger says. */
export interface TriggerAnalysis {
  /** Term range of the trigger. */
  ta: number;
  tb: number;
  verbal: boolean;
  passive: boolean;
  /** First term of the trigger's noun phrase (nominal) or of the trigger (verbal). */
  npStart: number;
  /** Last term the roles after the trigger reach. */
  end: number;
  hits: RoleHit[];
  /** A claim of responsibility governs the event ('IS-KP claimed the attack'). */
  claimed: boolean;
  /** A nominal trigger with a determiner, a possessive or a number ('the attack', 'its offensive', 'two attacks'). */
  determined: boolean;
  plural: boolean;
  /** A noun in a phrase that ties it to one occasion ('were killed in air strikes'). */
  specific: boolean;
}

/** Finds the mention that a pronoun or a definite description ('the country', 'its') points back at. */
export type Antecedent = (types: readonly string[], before: number) => Mention | undefined;

const ROLE_MENTION_PREFERENCE: Record<RoleName, MentionType[]> = {
  actor: ['group', 'person', 'country', 'nationality', 'place'],
  target: ['person', 'group', 'place', 'country', 'nationality'],
  place: ['place', 'country'],
  time: ['date'],
  instrument: [],
};

const QUANTIFIERS = new Set(['both', 'all', 'some', 'several', 'many', 'numerous', 'each', 'every', 'few', 'more', 'most', 'other', 'such', 'no', 'any', 'these', 'those', 'this', 'that']);
const OF_NOUNS_EXTRA = ['hundreds', 'thousands', 'dozens', 'scores', 'series', 'wave', 'waves', 'spate', 'string', 'number', 'group', 'members', 'member', 'leader', 'leaders', 'commander', 'commanders', 'head', 'chief', 'supporters', 'fighters', 'militants', 'soldiers', 'officers', 'part', 'parts', 'heart', 'centre', 'center', 'outskirts'];
const QUANTITY_OF = new Set(['series', 'wave', 'waves', 'spate', 'string', 'number', 'couple', 'pair', 'dozens', 'hundreds', 'scores', 'thousands', 'round']);
const TIME_PREPS = new Set(['on', 'in', 'during', 'at', 'since', 'by', 'from', 'until', 'through', 'throughout', 'of', 'after', 'before']);
/** Prepositions of a phrase that can stand between a subject's head and its verb ('fighters in the basin have…'). */
const SUBJECT_PPS = new Set(['in', 'of', 'from', 'near', 'at', 'across', 'inside', 'around', 'with', 'within', 'based in', 'loyal to']);
/** Prepositions that, after a verb in the past, tie a plural noun to one occasion ('were killed in air strikes', 'seized the town after clashes'). */
const SPECIFIC_PREPS = new Set(['in', 'during', 'by', 'after', 'following', 'before', 'amid']);
/** The longest run of words before a nominal trigger taken as its premodifiers. */
const MAX_PREMODS = 6;
const PARTICLES = new Set(['up', 'down', 'out', 'off', 'back']);
const HAVE = new Set(['has', 'have', 'had', 'having']);
const BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'am', 'get', 'got', 'gets', 'getting']);

let ofNouns: Set<string> | undefined;

function ofNounSet(d: EventData): Set<string> {
  return (ofNouns ??= new Set([...d.placeNouns, ...OF_NOUNS_EXTRA]));
}

/** The last term of a mention. */
function k0(view: SentenceView, m: Mention): number {
  return view.lastStartingBefore(m.end);
}

function possessiveEnd(view: SentenceView, b: number): number {
  const t = view.terms[b];
  if (t.tags.has('Possessive') && /['’]s$/i.test(t.text)) return t.end - 2;
  if (t.tags.has('Possessive') && /s['’]$/i.test(t.text)) return t.end - 1;
  return t.end;
}

/**
 * The role a noun phrase [a, b] fills, with the mention it is: the phrase without its determiner,
 * number or quantifier; a date alone is a time; a place role needs a named place or a place noun.
 */
export function filler(view: SentenceView, a: number, b: number, role: RoleName, frame: Frame, how: RoleHit['how'], antecedent?: Antecedent): RoleHit | undefined {
  const d = eventData();
  while (a <= b) {
    const t = view.terms[a];
    const m = view.mentionAt(a);
    if (m && m.type !== 'date') break;
    const q = d.qualifiers.find((x) => x.words.some((w) => w.every((word, n) => view.word(a + n) === word)));
    const qw = q?.words.find((w) => w.every((word, n) => view.word(a + n) === word));
    if (qw && view.has(a + qw.length, 'Value')) {
      a += qw.length;
      continue;
    }
    if (t.tags.has('Determiner') || QUANTIFIERS.has(t.normal) || (t.tags.has('Possessive') && t.tags.has('Pronoun')) || d.possessivePronouns.has(t.normal)) a++;
    else if (t.tags.has('Value') && !m && !t.tags.has('Noun')) a++;
    else break;
  }
  if (a > b) return undefined;
  // Another event is not a participant ('attacks on security forces and assassinations').
  if (view.eventAt(b) && !view.mentionAt(b)) return undefined;
  const ms = view.mentionsIn(a, b);
  const nonDate = ms.filter((m) => m.type !== 'date' && m.type !== 'event');
  const dates = ms.filter((m) => m.type === 'date');
  if (nonDate.length === 0 && dates.length > 0) {
    // A phrase that is only a date ('on Friday', 'in 2021') is the time, whatever its preposition.
    let covered = true;
    for (let i = a; i <= b; i++) if (view.mentionAt(i)?.type !== 'date' && !view.has(i, 'Date')) covered = false;
    if (covered) return { role: 'time', start: dates[0].start, end: dates[dates.length - 1].end, mention: dates[dates.length - 1], how };
  }
  if (view.terms[b].tags.has('Date') && nonDate.length === 0) return undefined;
  if (role === 'time') return undefined;
  let r = role;
  if (frame.locationObject && (r === 'target' || r === 'actor') && nonDate.some((m) => m.type === 'place' || m.type === 'country') && !nonDate.some((m) => m.type === 'group' || m.type === 'person')) r = 'place';
  const start = view.terms[a].start;
  const end = possessiveEnd(view, b);
  const prefer = ROLE_MENTION_PREFERENCE[r];
  let mention: Mention | undefined;
  const named = (m: Mention): number => (m.entity || !m.source.startsWith('rule:nominal') ? 1 : 0);
  for (const type of prefer) {
    const of = nonDate.filter((m) => m.type === type).sort((x, y) => named(x) - named(y) || x.start - y.start);
    if (of.length) {
      mention = of[of.length - 1];
      break;
    }
  }
  const headWord = view.terms[b].normal;
  if (r === 'place') {
    // A place noun with no name ('the city', 'the country') may point back at the last one named.
    const unnamed = !mention || (!mention.entity && mention.source.startsWith('rule:nominal'));
    if (!mention && !d.placeNouns.has(headWord)) return undefined;
    if (unnamed) {
      const ana = d.anaphora.find((x) => x.words.has(headWord));
      const prev = view.terms[a - 1];
      if (ana && antecedent && prev && prev.normal === 'the' && a === b) mention = antecedent(ana.types, start) ?? mention;
    }
    return { role: r, start, end, mention, how };
  }
  if (r === 'instrument') return view.head(b) ? { role: r, start, end, how } : undefined;
  if (!mention && !view.head(b)) return undefined;
  if (!mention && view.terms[b].tags.has('Pronoun') && !d.pronouns.has(headWord)) return undefined;
  return { role: r, start, end, mention, how };
}

function hitsFrom(view: SentenceView, nps: [number, number][], role: RoleName | undefined, frame: Frame, how: RoleHit['how'], antecedent?: Antecedent): RoleHit[] {
  if (!role) return [];
  const out: RoleHit[] = [];
  for (const [a, b] of nps) {
    const h = filler(view, a, b, role, frame, how, antecedent);
    if (h) out.push(h);
  }
  return out;
}

/** The subject noun phrases of the verb at term v: left over auxiliaries and adverbs, through a relative pronoun. */
export function subjectOf(view: SentenceView, v: number): { nps: [number, number][]; skipped: string[] } {
  const d = eventData();
  const skipped: string[] = [];
  let k = v - 1;
  while (k >= view.lo && !view.breakAfter(k) && !view.mentionAt(k) && (d.clauseSkip.has(view.word(k)) || view.has(k, 'Negative') || (view.has(k, 'Adverb') && !view.has(k, 'Noun')) || view.has(k, 'Auxiliary') || view.has(k, 'Modal'))) {
    skipped.push(...view.terms[k].words);
    k--;
  }
  // 'the Syrian National Army (SNA) has pressed': the bracketed alias stands for the name before it.
  if (k >= view.lo && /^\)/.test(view.terms[k].post)) {
    let j = k;
    while (j > view.lo && !/\(/.test(view.terms[j].pre) && k - j < 6) j--;
    if (/\(/.test(view.terms[j].pre)) {
      const np = view.leftNP(j);
      if (np) return { nps: [np], skipped };
    }
  }
  if (k < view.lo || view.breakAfter(k)) return { nps: [], skipped };
  if (d.relativePronouns.has(view.word(k)) && !view.mentionAt(k)) {
    const np = view.leftNP(k);
    return { nps: np ? [np] : [], skipped };
  }
  const nps = view.leftNPList(k + 1);
  // 'Jihadist fighters in the Lake Chad basin have stepped up attacks': the subject is the noun
  // phrase before the prepositional phrase that ends next to the verb.
  if (nps.length === 1) {
    let np = nps[0];
    for (let n = 0; n < 2; n++) {
      const p = np[0] - 1;
      if (p <= view.lo || view.breakAfter(p) || view.breakAfter(p - 1) || !SUBJECT_PPS.has(view.word(p)) || view.mentionAt(p)) break;
      const head = view.leftNP(p);
      if (!head) break;
      // 'hundreds of fighters': the count is not the head.
      if (view.word(p) === 'of' && (view.has(head[1], 'Value') || QUANTITY_OF.has(view.word(head[1])))) break;
      np = head;
    }
    if (np !== nps[0]) return { nps: [np], skipped };
  }
  return { nps, skipped };
}

function matchesBackward(view: SentenceView, k: number, form: string[]): boolean {
  if (k - form.length + 1 < view.lo) return false;
  for (let j = 0; j < form.length; j++) {
    const t = view.terms[k - form.length + 1 + j];
    if (t.normal !== form[j]) return false;
    if (j < form.length - 1 && view.breakAfter(k - form.length + 1 + j)) return false;
  }
  return true;
}

/** Roles of noun phrases after `from`: prepositional phrases mapped by the frame, a bare date, a place in apposition. */
function postModifiers(view: SentenceView, from: number, frame: Frame, hits: RoleHit[], antecedent: Antecedent): number {
  const d = eventData();
  const ofs = ofNounSet(d);
  let k = from;
  let last = from - 1;
  for (let n = 0; n < 5 && k < view.hi; n++) {
    if (k > view.lo && view.breakAfter(k - 1)) {
      // 'in Helmand Province, Afghanistan': a place right after a place, set off by a comma.
      const prevHit = hits[hits.length - 1];
      const m = view.mentionAt(k);
      if (prevHit && prevHit.role === 'place' && prevHit.end <= view.terms[k - 1].end && m && (m.type === 'country' || m.type === 'place') && /^,\s*$/.test(view.terms[k - 1].post)) {
        let e = k;
        while (e + 1 < view.hi && view.mentionAt(e + 1) === m) e++;
        hits.push({ role: 'place', start: m.start, end: m.end, mention: m, how: 'post' });
        last = e;
        k = e + 1;
        continue;
      }
      break;
    }
    while (k < view.hi && view.has(k, 'Adverb') && !view.has(k, 'Preposition') && !view.mentionAt(k) && !view.breakAfter(k) && !frame.preps.has(view.word(k))) k++;
    if (k >= view.hi) break;
    // A participle with its preposition ('bombings targeted at the military') counts as one.
    const two = `${view.word(k)} ${view.word(k + 1)}`;
    if (frame.preps.has(two) && !view.breakAfter(k)) k++;
    const w = frame.preps.has(two) ? two : view.word(k);
    const isPrep = (view.has(k, 'Preposition') || frame.preps.has(w)) && !view.mentionAt(k);
    if (!isPrep) {
      const np = view.rightNP(k);
      if (np && view.mentionsIn(np[0], np[1]).some((m) => m.type === 'date')) {
        const h = filler(view, np[0], np[1], 'time', frame, 'post');
        if (h) hits.push(h);
        last = np[1];
        k = np[1] + 1;
        continue;
      }
      break;
    }
    if (view.breakAfter(k)) break;
    const nps = view.rightNPList(k + 1, ofs);
    if (nps.length === 0) break;
    if (w === 'between' && frame.preps.get('between') === 'actor' && nps.length >= 2) {
      hits.push(...hitsFrom(view, [nps[0]], 'actor', frame, 'post'));
      hits.push(...hitsFrom(view, nps.slice(1), 'target', frame, 'post'));
    } else {
      const role = frame.preps.get(w);
      for (const [a, b] of nps) {
        const h = role ? filler(view, a, b, role, frame, 'post', antecedent) : filler(view, a, b, 'time', frame, 'post');
        if (!h) continue;
        if (h.role === 'time' && !TIME_PREPS.has(w)) continue;
        hits.push(h);
      }
    }
    last = nps[nps.length - 1][1];
    k = last + 1;
  }
  return last;
}

/**
 * The roles grammar gives one trigger in its sentence: for a verb, its subject and object (passive
 * voice turns them round; 'by' gives the actor); for a noun, the words before it ('the Taliban
 * takeover', 'the March 2024 mass shooting', 'IS-KP's attack'), the phrases after it ('of
 * Afghanistan', 'on the market', 'in Moscow') and the subject of a verb that governs it ('IS-KP
 * pulled back from an offensive', 'IS-KP claimed the attack').
 */
export function analyseTrigger(view: SentenceView, ta: number, tb: number, frame: Frame, antecedent: Antecedent, pos: 'noun' | 'verb' | 'any' = 'any'): TriggerAnalysis {
  const d = eventData();
  const hits: RoleHit[] = [];
  // The nominal words right before the trigger: its premodifiers when it is a noun.
  let npStart = ta;
  for (let k = ta - 1; k >= view.lo && ta - k <= MAX_PREMODS; k--) {
    if (view.breakAfter(k) || !view.nominal(k)) break;
    npStart = k;
    if (view.has(k, 'Determiner')) break;
  }
  const before = view.terms[ta - 1];
  const beforeRun = view.terms[npStart - 1];
  const first = view.terms[ta];
  // compromise sometimes tags a past tense as a noun ('troops massacred villagers'): '-ed' reads as a verb.
  const verbish = (first.tags.has('Verb') && !first.tags.has('Noun')) || (/ed$/i.test(first.text) && !first.tags.has('Adjective') && ta === tb);
  // compromise may read "IRA's bombing" as 'IRA is bombing': before a trigger, 's is the possessive.
  const possessive = !!before && (before.tags.has('Possessive') || /['’]s$/i.test(before.text));
  const nominalCue =
    npStart < ta &&
    (!!before && (before.tags.has('Determiner') || before.tags.has('Adjective') || possessive || before.tags.has('Value') || d.possessivePronouns.has(before.normal)));
  // 'killed in IS attacks': a noun phrase inside a prepositional phrase — unless an object follows,
  // which only a verb takes ('hundreds of fighters raided the town').
  const objectFollows = !view.breakAfter(tb) && (view.has(tb + 1, 'Determiner') || d.possessivePronouns.has(view.word(tb + 1)));
  const afterPrep = npStart < ta && !!beforeRun && beforeRun.tags.has('Preposition') && !view.breakAfter(npStart - 1) && !(objectFollows && first.tags.has('PastTense'));
  // Right after a lexical verb or its particle ('carry out attacks', 'faced attacks') a word is its object, not a verb.
  const prev = ta - 1 >= view.lo && !view.breakAfter(ta - 1) ? view.terms[ta - 1] : undefined;
  const afterVerb =
    !!prev && (prev.tags.has('Verb') || prev.tags.has('Particle')) && !prev.tags.has('Auxiliary') && !prev.tags.has('Copula') && !prev.tags.has('Modal') && !prev.tags.has('Passive') && !prev.tags.has('Negative');
  // The lexicon knows some triggers are only nouns ('airstrikes') or only verbs ('detonated').
  // After an auxiliary or a modal ('had overrun', 'was seized', 'could attack') it is the verb, whatever its tag.
  const afterAux = !!prev && (prev.tags.has('Auxiliary') || prev.tags.has('Modal') || BE.has(prev.normal) || HAVE.has(prev.normal));
  // 'attacks and strikes': after a noun trigger and 'and', a trigger is a noun too.
  const afterNounTrigger = ta - 2 >= view.lo && (view.word(ta - 1) === 'and' || view.word(ta - 1) === 'or') && !!view.eventAt(ta - 2) && !view.has(ta - 2, 'Verb');
  const verbal = pos === 'verb' || (pos !== 'noun' && ((verbish && !nominalCue && !afterPrep && !afterVerb && !afterNounTrigger) || afterAux));
  let passive = false;
  let claimed = false;
  let determined = false;
  let end = tb;

  if (verbal) {
    const subj = subjectOf(view, ta);
    passive = first.tags.has('Passive') || ((first.tags.has('PastTense') || first.tags.has('Participle')) && subj.skipped.some((w) => BE.has(w)));
    if (!passive && view.word(tb + 1) === 'by' && first.tags.has('PastTense') && (view.head(ta - 1) || view.has(ta - 1, 'Noun'))) passive = true;
    hits.push(...hitsFrom(view, subj.nps, passive ? frame.passiveSubject : frame.subject, frame, 'subject', antecedent));
    let k = tb + 1;
    if (!passive && frame.object) {
      while (k < view.hi && !view.breakAfter(k - 1) && !view.qualifierAt(k) && (PARTICLES.has(view.word(k)) || (view.has(k, 'Adverb') && !view.mentionAt(k) && !view.has(k, 'Preposition')))) k++;
      if (!view.breakAfter(k - 1)) {
        const objs = view.rightNPList(k, ofNounSet(d));
        hits.push(...hitsFrom(view, objs, frame.object, frame, 'object', antecedent));
        if (objs.length) k = objs[objs.length - 1][1] + 1;
      }
    }
    end = Math.max(end, postModifiers(view, k, frame, hits, antecedent));
  } else {
    // Premodifiers: mentions between the determiner and the trigger.
    for (let k = npStart; k < ta; k++) {
      const t = view.terms[k];
      if (t.tags.has('Determiner') || t.tags.has('Value') || (t.tags.has('Possessive') && !view.mentionAt(k))) determined = true;
      if (d.possessivePronouns.has(t.normal) && !view.mentionAt(k)) {
        determined = true;
        const m = antecedent(['group'], t.start);
        if (m) hits.push({ role: frame.id === 'detain' ? 'target' : 'actor', start: t.start, end: t.end, mention: m, how: 'pre' });
      }
    }
    for (const m of view.mentionsIn(npStart, ta - 1)) {
      if (m.end > view.terms[ta].start) continue;
      let role: RoleName | undefined;
      if (m.type === 'date') role = 'time';
      else if (m.type === 'group' || m.type === 'person') role = frame.id === 'detain' && /['’]s?$/.test(view.terms[k0(view, m)].text) ? 'target' : 'actor';
      else if (m.type === 'nationality') role = 'actor';
      else if (m.type === 'country') role = frame.countryPremod;
      else if (m.type === 'place') role = 'place';
      if (role) hits.push({ role, start: m.start, end: m.end, mention: m, how: 'pre' });
    }
    end = Math.max(end, postModifiers(view, tb + 1, frame, hits, antecedent));
    // A verb that governs the noun: 'carried out attacks', 'pulled back from an offensive'.
    let k = npStart - 1;
    if (view.word(k) === 'of' && QUANTITY_OF.has(view.word(k - 1))) {
      k -= 2;
      if (view.has(k, 'Determiner')) k--;
    }
    // 'launched almost 8,000 strikes': a count's qualifier stands between the verb and the noun.
    for (let back = 1; back <= 3; back++) {
      if (k - back + 1 >= view.lo && view.qualifierAt(k - back + 1) === back) {
        k -= back;
        break;
      }
    }
    if (k >= view.lo && !view.breakAfter(k)) {
      for (const sv of d.supportVerbs) {
        const form = sv.forms.find((f) => matchesBackward(view, k, f));
        if (!form) continue;
        const v = k - form.length + 1;
        if (!view.has(v, 'Verb') && !view.has(v, 'Adjective') && form.length === 1) continue;
        if (sv.claimed) claimed = true;
        if (!hits.some((h) => h.role === 'actor')) {
          const vPassive = view.has(v, 'Passive');
          if (!vPassive) hits.push(...hitsFrom(view, subjectOf(view, v).nps, 'actor', frame, 'support', antecedent));
          // "the IRA's decision to carry out the attacks": the possessor of the plan is the actor.
          if (!hits.some((h) => h.role === 'actor') && view.word(v - 1) === 'to') {
            const plan = view.leftNP(v - 1);
            for (let i = plan ? plan[0] : v; plan && i < plan[1]; i++) {
              const m = view.mentionAt(i);
              const possessive = view.has(i, 'Possessive') || /['’]s?$/.test(view.terms[i].text);
              if (m && possessive && (m.type === 'group' || m.type === 'country' || m.type === 'person')) {
                hits.push({ role: 'actor', start: m.start, end: m.end, mention: m, how: 'support' });
                break;
              }
            }
          }
        }
        break;
      }
    }
    // 'the attack on the convoy was carried out by ISWAP': a governing verb in the passive after the noun.
    if (!hits.some((h) => h.role === 'actor')) {
      let j = end + 1;
      let sawVerb = false;
      while (j < view.hi && j - end <= 8 && !view.breakAfter(j - 1) && !view.mentionAt(j) && (view.has(j, 'Verb') || view.has(j, 'Adverb') || d.clauseSkip.has(view.word(j)))) {
        if (view.has(j, 'Verb') && d.supportVerbs.some((sv) => sv.forms.some((f) => f[0] === view.word(j)))) sawVerb = true;
        j++;
      }
      if (sawVerb && view.word(j) === 'by' && !view.breakAfter(j - 1)) {
        const np = view.rightNP(j + 1);
        if (np) hits.push(...hitsFrom(view, [np], 'actor', frame, 'support', antecedent));
      }
    }
    // 'the explosion targeted a bakery', 'airstrikes hit Idlib': the object of an impact verb is the target.
    if (!hits.some((h) => h.role === 'target')) {
      let j = end + 1;
      while (j < view.hi && !view.breakAfter(j - 1) && (view.has(j, 'Adverb') || view.has(j, 'Auxiliary')) && !view.mentionAt(j)) j++;
      const iv = !view.breakAfter(j - 1) ? d.impactVerbs.find((f) => f.every((w, n) => view.word(j + n) === w)) : undefined;
      if (iv) {
        const objs = view.rightNPList(j + iv.length, ofNounSet(d));
        hits.push(...hitsFrom(view, objs, 'target', frame, 'post', antecedent));
      }
    }
  }
  if (!verbal) {
    for (let k = npStart; k < ta; k++) if (view.has(k, 'Determiner') || view.has(k, 'Value')) determined = true;
  }
  // 'were killed in air strikes', 'died in the bombing': a noun after a past verb's 'in' is one event.
  const prep = view.terms[npStart - 1];
  let pastBefore = false;
  for (let k = npStart - 2; k >= view.lo && !view.breakAfter(k); k--) {
    const t = view.terms[k];
    if (t.tags.has('Verb') && (t.tags.has('PastTense') || t.tags.has('Passive')) && !t.tags.has('Auxiliary')) {
      pastBefore = true;
      break;
    }
  }
  const specific = !verbal && !!prep && npStart - 1 >= view.lo && SPECIFIC_PREPS.has(prep.normal) && pastBefore;
  const headTerm = view.terms[verbal ? ta : tb];
  const plural = !verbal && (headTerm.tags.has('Plural') || (/s$/i.test(headTerm.text) && !/ss$/i.test(headTerm.text) && !headTerm.tags.has('Singular')));
  return { ta, tb, verbal, passive, npStart: verbal ? ta : npStart, end, hits, claimed, determined, plural, specific };
}
