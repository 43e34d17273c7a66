import data from '../lexicon/group-coref.json' with { type: 'json' };
import { lowerSet } from '../lexicon/word-set.js';
import { nextTerm } from '../recognize/term-tags.js';
import { addMentions, mentionOf } from './mentions.js';
import type { Component, PipelineContext } from '../context.js';
import type { Entity, EventRole, Mention } from '../doc.js';

type Kind = 'armed' | 'state' | 'any';
type GNumber = 'singular' | 'plural' | 'any';

/** One form that refers back to a group. */
interface Form {
  id: string;
  kind: Kind;
  number: GNumber;
  confidence: number;
  pronoun: boolean;
}

const PRONOUNS = new Map<string, Form>();
for (const p of data.pronouns) for (const w of p.words) PRONOUNS.set(w, { id: p.id, kind: p.kind as Kind, number: p.number as GNumber, confidence: p.confidence, pronoun: true });
const DESCRIPTIONS = new Map<string, Form>();
for (const d of data.descriptions) for (const w of d.words) DESCRIPTIONS.set(w, { id: d.id, kind: d.kind as Kind, number: d.number as GNumber, confidence: d.confidence, pronoun: false });
const BLOCKED = lowerSet(data.blockedBefore.words);
const CLAIM_VERBS = lowerSet(data.claimVerbs.words);
const PLURAL_NAMES = lowerSet(data.pluralNames.words);
const DETERMINERS = new Set(['the', 'this', 'these', 'those']);
const POSSESSIVES = new Set(['its', 'their']);
const S = data.scores;
const W = data.window;
const ARMED_KINDS = new Set(['armed-group']);
const STATE_KINDS = new Set(['state-force', 'state-body', 'government']);

/** Something that refers back: its span, its form, and (when it fills an event role) the role. */
interface Anaphor {
  start: number;
  end: number;
  sentence: number;
  form: Form;
  /** An existing mention of the span without an entity ("the army", a nominal), to link in place. */
  mention?: Mention;
  roles: EventRole[];
}

/** A mention that can be referred back to: it names an entity. */
interface Referent {
  mention: Mention;
  entity: string;
  kind: 'armed' | 'state' | 'other';
  plural: boolean;
  subject: boolean;
  claim: boolean;
  /** Mentions of its entity written before it (salience). */
  seen: number;
}

const words = (s: string): string[] => s.toLowerCase().split(/[\s\u00a0]+/).filter(Boolean);

/** The longest description the last one or two words of a phrase make, if the words before it do not block it. */
function descriptionOf(text: string): Form | undefined {
  const ws = words(text.replace(/['’]s?$/, ''));
  if (ws.length === 0 || ws.length > 4) return undefined;
  for (const n of [2, 1]) {
    if (ws.length < n) continue;
    const form = DESCRIPTIONS.get(ws.slice(-n).join(' '));
    if (!form) continue;
    if (ws.slice(0, -n).some((w) => BLOCKED.has(w))) return undefined;
    return form;
  }
  return undefined;
}

/** What kind of body an entity is: a non-state armed group, a state (a country, its forces or government), or other. */
function kindOf(ctx: PipelineContext, entity: string): Referent['kind'] {
  if (entity.startsWith('country:')) return 'state';
  const k = ctx.lexicon.entities.get(entity)?.kind;
  if (k && ARMED_KINDS.has(k)) return 'armed';
  if (k && STATE_KINDS.has(k)) return 'state';
  return 'other';
}

function pluralName(text: string): boolean {
  const last = words(text).pop() ?? '';
  return PLURAL_NAMES.has(last) || (/[a-z]s$/.test(last) && text !== text.toUpperCase());
}

/** Whether a mention is the subject of a verb (the next word, past a bracketed alias, is a verb), and of a claim. */
function roleOf(ctx: PipelineContext, m: Mention): { subject: boolean; claim: boolean } {
  let end = m.end;
  const alias = /^\s*\([^()\n]{1,40}\)/.exec(ctx.text.slice(end, end + 44));
  if (alias) end += alias[0].length;
  const t = nextTerm(ctx, end);
  if (!t) return { subject: false, claim: false };
  const subject = t.tags.has('Verb') || t.tags.has('Auxiliary') || t.tags.has('Modal');
  return { subject, claim: subject && CLAIM_VERBS.has(t.text.toLowerCase()) };
}

/** Whether a referent of this kind and number can be what the form refers to. */
function fits(form: Form, r: Referent): boolean {
  if (form.kind === 'armed') return r.kind === 'armed';
  if (form.kind === 'state') return r.kind === 'state';
  // A pronoun: any group acting (a country only as a state actor, not as a place named).
  return r.mention.type === 'group';
}

function score(form: Form, a: Anaphor, r: Referent, ahead: boolean): number {
  const back = a.sentence - r.mention.sentence;
  let s = ahead ? S.ahead : back === 0 ? S.sameSentence : S.sameSentence - S.perSentenceBack * back;
  if (r.subject) s += S.subject;
  if (r.claim && back === 0 && !ahead) s += S.claimSubject;
  s += Math.min(S.salienceCap, S.salienceStep * r.seen);
  if ((form.number === 'singular' && r.plural) || (form.number === 'plural' && !r.plural && form.pronoun)) s += S.numberMismatch;
  return s;
}

/** The anaphors of a document: event actors that name no entity, and descriptions after "the" or "this" anywhere. */
function anaphors(ctx: PipelineContext): Anaphor[] {
  const out = new Map<string, Anaphor>();
  const byId = new Map(ctx.mentions.map((m) => [m.id, m]));
  const byStart = new Map<number, Mention[]>();
  for (const m of ctx.mentions) byStart.set(m.start, [...(byStart.get(m.start) ?? []), m]);
  const add = (start: number, end: number, form: Form, mention: Mention | undefined, role?: EventRole): void => {
    const key = `${start}:${end}`;
    const a = out.get(key) ?? { start, end, sentence: 0, form, mention, roles: [] };
    if (role) a.roles.push(role);
    out.set(key, a);
  };
  for (const ev of ctx.events) {
    for (const r of ev.roles) {
      if (r.role !== 'actor') continue;
      const m = r.mention ? byId.get(r.mention) : undefined;
      if (m && (m.entity || m.type !== 'group')) continue;
      const text = m ? m.text : r.text;
      const start = m ? m.start : r.start;
      const end = m ? m.end : r.end;
      const pronoun = PRONOUNS.get(text.toLowerCase());
      // "its fighters", "their fighters": the possessive says whose.
      const before = /(?<!\p{L})(\p{L}+)\s+$/u.exec(ctx.text.slice(Math.max(0, start - 40), start));
      const form = pronoun ?? descriptionOf(text);
      if (!form || (before && !pronoun && BLOCKED.has(before[1].toLowerCase()))) continue;
      if (!pronoun && before && POSSESSIVES.has(before[1].toLowerCase())) {
        const p = PRONOUNS.get(before[1].toLowerCase())!;
        add(start, end, { ...p, id: `${p.id}-members`, kind: 'armed' }, m, r);
      } else add(start, end, form, m, r);
    }
  }
  // Descriptions after a determiner, in the whole text: "the group claimed responsibility".
  const toks = ctx.tokens;
  const sorted = [...ctx.mentions].sort((x, y) => x.start - y.start);
  let p = 0;
  let reach = 0;
  /** Whether a mention overlaps [start, end); starts only grow, so one pointer over the mentions serves every call. */
  const overlapped = (start: number, end: number): boolean => {
    while (p < sorted.length && sorted[p].start < start) reach = Math.max(reach, sorted[p++].end);
    return reach > start || (p < sorted.length && sorted[p].start < end);
  };
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!DETERMINERS.has(toks[i].text.toLowerCase()) || !/^\s+$/.test(ctx.text.slice(toks[i].end, toks[i + 1].start))) continue;
    let best: { end: number; form: Form } | undefined;
    for (const n of [2, 1]) {
      const last = toks[i + n];
      if (!last || (n === 2 && !/^\s+$/.test(ctx.text.slice(toks[i + 1].end, last.start)))) continue;
      const form = DESCRIPTIONS.get(toks.slice(i + 1, i + 1 + n).map((t) => t.text.toLowerCase()).join(' '));
      if (form) {
        best = { end: last.end, form };
        break;
      }
    }
    if (!best) continue;
    const start = toks[i + 1].start;
    // "the group Hayat Tahrir al-Sham", "the movement of …": a name or a complement follows; not a referring use.
    const next = /^\s*(\S+)/.exec(ctx.text.slice(best.end, best.end + 40))?.[1] ?? '';
    if (/^\p{Lu}/u.test(next) || next === 'of' || next === 'that' || next === 'which' || next === 'who') continue;
    const existing = (byStart.get(start) ?? []).find((m) => m.end === best.end);
    if (existing && (existing.entity || existing.type !== 'group')) continue;
    // Something else already covers part of it (a name, a place): leave it.
    if (overlapped(start, best.end) && !existing) continue;
    add(start, best.end, best.form, existing);
  }
  return [...out.values()].sort((a, b) => a.start - b.start);
}

/**
 * Group coreference: a pronoun (it, its, they, their), a description ("the group", "the militants")
 * or a bare noun for an armed group's members that fills an event's actor, and any description after
 * "the", is linked to the group it refers to — the best of the groups named in the three sentences
 * before it (or, failing those, the next one), by agreement of kind and number, recency, salience
 * and role (the subject of a claim most: "Al-Shabaab said it was behind"). The span keeps its own
 * words and becomes a group mention of the referent's entity (source `rule:coref/<form>`, lower
 * confidence), which the event role then points at. Runs last, over the decided mentions and events.
 * Linear: each anaphor looks at no more than a fixed number of referents either side.
 */
export const groupCoref: Component = {
  name: 'link/group-coref',
  run(ctx) {
    const found = anaphors(ctx);
    if (!found.length) return;
    const sentenceOf = (at: number): number => {
      let lo = 0;
      let hi = ctx.sentences.length - 1;
      let best = 0;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (ctx.sentences[mid].start <= at) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return best;
    };
    for (const a of found) a.sentence = sentenceOf(a.start);
    const entities = new Map(ctx.entities.map((e) => [e.id, e]));
    // Referents in text order; resolved anaphors join them as the sweep passes (chains: "the movement … its fighters").
    const named = ctx.mentions.filter((m) => m.entity && (m.type === 'group' || m.type === 'country'));
    const counts = new Map<string, number>();
    const referents: Referent[] = named.map((m) => {
      const seen = counts.get(m.entity!) ?? 0;
      counts.set(m.entity!, seen + 1);
      return { mention: m, entity: m.entity!, kind: kindOf(ctx, m.entity!), plural: m.type === 'group' && pluralName(m.text), ...roleOf(ctx, m), seen };
    });
    const home = homeState(ctx, referents);
    const past: Referent[] = [];
    // The armed group mentioned most so far (named or referred to), kept as the sweep goes.
    const armedCount = new Map<string, number>();
    let salient: { r: Referent; n: number } | undefined;
    const remember = (r: Referent): void => {
      past.push(r);
      if (r.kind !== 'armed') return;
      const n = (armedCount.get(r.entity) ?? 0) + 1;
      armedCount.set(r.entity, n);
      if (!salient || n > salient.n) salient = { r: salient?.r.entity === r.entity ? salient.r : r, n };
      else if (salient.r.entity === r.entity) salient.n = n;
    };
    const added: Mention[] = [];
    let next = 0;
    for (const a of found) {
      while (next < referents.length && referents[next].mention.start < a.start) remember(referents[next++]);
      let best: { r: Referent; s: number } | undefined;
      let second = -Infinity;
      const consider = (r: Referent, ahead: boolean): void => {
        if (!fits(a.form, r) || r.mention.start < a.end && r.mention.end > a.start) return;
        const s = score(a.form, a, r, ahead);
        if (!best || s > best.s) {
          if (best && best.r.entity !== r.entity) second = Math.max(second, best.s);
          best = { r, s };
        } else if (r.entity !== best.r.entity) second = Math.max(second, s);
      };
      if (a.form.kind === 'state') {
        // "the army", "the government": the state the text is about, unless a heading names another ("Mali: the army seized power").
        const r = headingState(ctx, a, past) ?? home;
        if (r) best = { r, s: Infinity };
      } else
        for (let i = past.length - 1, n = 0; i >= 0 && n < W.candidates; i--, n++) {
          if (a.sentence - past[i].mention.sentence > W.sentencesBack) break;
          consider(past[i], false);
        }
      // Only the event roles look ahead ("gunmen attacked … Al-Shabaab said it was behind the assault").
      if (!best && a.roles.length && a.form.kind !== 'state') {
        for (let i = next, n = 0; i < referents.length && n < W.candidates; i++, n++) {
          if (referents[i].mention.sentence - a.sentence > W.sentencesAhead) break;
          if (referents[i].claim) consider(referents[i], true);
        }
      }
      // Failing those, the armed group the document names most ("Yet the militants have adapted").
      const fallback = !best && a.form.kind === 'armed' && salient && salient.n >= S.salientMinimum ? salient.r : undefined;
      if (fallback) best = { r: fallback, s: -Infinity };
      if (!best) continue;
      const { r, s } = best;
      const entity = entities.get(r.entity) ?? lexiconEntity(ctx, r.entity, entities);
      if (!entity) continue;
      const unsure = s - second < 1 || r.mention.start > a.start || r === home;
      const penalty = r === fallback ? S.salientPenalty : 0;
      const confidence = Math.round((a.form.confidence - (unsure ? 0.1 : 0) - penalty) * 100) / 100;
      const source = `rule:coref/${a.form.id}`;
      let m = a.mention;
      if (m) {
        m.entity = entity.id;
        m.source = source;
        m.confidence = Math.min(m.confidence, confidence);
      } else {
        m = mentionOf(ctx, { type: 'group', start: a.start, end: a.end, source, confidence });
        m.entity = entity.id;
        added.push(m);
      }
      entity.mentions.push(m.id);
      for (const role of a.roles) role.mention = m.id;
      const seen = counts.get(entity.id) ?? 0;
      counts.set(entity.id, seen + 1);
      remember({ mention: m, entity: entity.id, kind: r.kind, plural: r.plural, subject: false, claim: false, seen });
    }
    addMentions(ctx, added);
    ctx.entities = [...entities.values()].sort((x, y) => x.id.localeCompare(y.id));
  },
};

/**
 * The state a document is about: the country with most weight, a mention of it (or of a state actor
 * standing for it) counting one, a place in it or a nationality of it half. Its referent is the
 * country's first mention (made up when the country is only implied by its places).
 */
function homeState(ctx: PipelineContext, referents: Referent[]): Referent | undefined {
  const weight = new Map<string, number>();
  const bump = (country: string | undefined, w: number): void => {
    if (country) weight.set(country, (weight.get(country) ?? 0) + w);
  };
  for (const m of ctx.mentions) {
    if (!m.entity) continue;
    if (m.entity.startsWith('country:')) bump(m.entity, m.type === 'nationality' ? S.homeNationality : 1);
    else if (m.type === 'place') bump(ctx.lexicon.entities.get(m.entity)?.country, S.homePlace);
  }
  let top: string | undefined;
  for (const [c, w] of weight) if (!top || w > weight.get(top)! || (w === weight.get(top)! && c < top)) top = c;
  if (!top || weight.get(top)! < S.homeMinimum) return undefined;
  const first = referents.find((r) => r.entity === top);
  if (first) return first;
  const lex = ctx.lexicon.entities.get(top);
  if (!lex) return undefined;
  const mention = { id: '', type: 'country', start: 0, end: 0, text: '', sentence: 0, source: '', confidence: 0, entity: top } as Mention;
  return { mention, entity: top, kind: 'state', plural: false, subject: false, claim: false, seen: 0 };
}

/** A country that heads the anaphor's sentence before a colon ("Niger: on 26 July 2023, the presidential guard …"). */
function headingState(ctx: PipelineContext, a: Anaphor, past: Referent[]): Referent | undefined {
  const from = ctx.sentences[a.sentence]?.start ?? 0;
  for (let i = past.length - 1, n = 0; i >= 0 && n < W.candidates; i--, n++) {
    const r = past[i];
    if (r.mention.start < from) return undefined;
    if (r.kind === 'state' && /^\s*:/.test(ctx.text.slice(r.mention.end, r.mention.end + 3)) && /^\s*$/.test(ctx.text.slice(from, r.mention.start))) return r;
  }
  return undefined;
}

/** The entity of a lexicon key that the document has not named yet (a state's country). */
function lexiconEntity(ctx: PipelineContext, key: string, entities: Map<string, Entity>): Entity | undefined {
  const lex = ctx.lexicon.entities.get(key);
  if (!lex) return undefined;
  const e: Entity = { id: key, type: lex.type, name: lex.name, ids: { ...lex.ids }, mentions: [], source: lex.source, ...(lex.partOf ? { partOf: lex.partOf } : {}), ...(lex.country ? { country: lex.country } : {}) };
  entities.set(key, e);
  return e;
}
