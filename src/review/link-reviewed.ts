import { loadLexicon } from '../lexicon/index.js';
import { wordTokens } from '../recognize/tokens.js';
import { findDates } from '../recognize/dates.js';
import { triggerForText } from '../recognize/event-triggers.js';
import { parseAnchor } from '../link/date-value.js';
import { stateBodyCountry } from '../link/group-countries.js';
import type { AnnotatedDoc, Entity, Mention, MentionType } from '../doc.js';

/** Types whose mentions belong to entities (as in link/entities). */
const ENTITY_TYPES: ReadonlySet<MentionType> = new Set(['group', 'country', 'place', 'person', 'nationality']);

function slug(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’']/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** A lexicon entry that covers the whole text of the mention, with the mention's type. */
function lexiconEntry(text: string, type: MentionType) {
  const lex = loadLexicon();
  const hits = lex.matcher.match(text, wordTokens(text)).filter((h) => h.start === 0 && h.end === text.length && h.entry.type === type);
  return hits.sort((a, b) => b.entry.priority - a.entry.priority)[0]?.entry;
}

/**
 * The date value of a reviewer's date mention, from the date grammar: a date the grammar reads at
 * exactly that span of the document, else one it reads from the mention's text alone.
 */
function dateValue(doc: AnnotatedDoc, m: Mention): Pick<Mention, 'value' | 'date'> {
  const anchor = parseAnchor(doc.doc.date.value);
  const hit = findDates(doc.text, anchor, doc.sentences).find((d) => d.start === m.start && d.end === m.end) ?? findDates(m.text, anchor).find((d) => d.start === 0 && d.end === m.text.length);
  return hit ? { value: hit.norm.value, date: hit.norm } : {};
}

/**
 * Keeps `doc.entities` in step with reviewed mentions: a rejected mention leaves its entity (an
 * entity left without mentions goes), a reviewer's mention joins the entity its text names.
 */
export class EntityBook {
  private byId: Map<string, Entity>;
  private position: Map<string, number>;

  constructor(private doc: AnnotatedDoc) {
    this.byId = new Map(doc.entities.map((e) => [e.id, e]));
    this.position = new Map(doc.mentions.map((m) => [m.id, m.start]));
  }

  /** Take the mention out of its entity and clear its link. */
  detach(m: Mention): void {
    if (!m.entity) return;
    const e = this.byId.get(m.entity);
    if (e) e.mentions = e.mentions.filter((id) => id !== m.id);
    delete m.entity;
  }

  /** Put the mention into the entity `key` (made from the lexicon or from the mention when new). */
  attach(m: Mention, key: string): void {
    let e = this.byId.get(key);
    if (!e) {
      const lex = loadLexicon().entities.get(key);
      e = lex
        ? { id: key, type: lex.type, name: lex.name, ids: { ...lex.ids }, mentions: [], source: lex.source, ...(lex.partOf ? { partOf: lex.partOf } : {}), ...(lex.country ? { country: lex.country } : {}) }
        : { id: key, type: m.type === 'nationality' ? 'country' : m.type, name: m.text, ids: {}, mentions: [], source: 'review' };
      // A reviewer's "Somali government" gets its country as the pipeline's does (link/group-countries).
      const country = !lex && m.type === 'group' ? stateBodyCountry(m.text, loadLexicon()) : undefined;
      if (country) e.country = country;
      this.byId.set(key, e);
    }
    m.entity = key;
    this.position.set(m.id, m.start);
    if (!e.mentions.includes(m.id)) {
      e.mentions.push(m.id);
      e.mentions.sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
    }
  }

  /** A mention changed id (its span or type was edited). */
  rename(from: string, to: string, start: number): void {
    this.position.set(to, start);
    for (const e of this.byId.values()) e.mentions = e.mentions.map((id) => (id === from ? to : id));
  }

  /** An existing entity of the type whose name or one of whose mentions reads like `text`. */
  find(type: MentionType, text: string): string | undefined {
    const s = slug(text);
    const entityType = type === 'nationality' ? 'country' : type;
    const texts = new Map(this.doc.mentions.map((m) => [m.id, m.text]));
    for (const e of this.byId.values()) {
      if (e.type !== entityType || e.mentions.length === 0) continue;
      if (slug(e.name) === s || e.mentions.some((id) => slug(texts.get(id) ?? '') === s)) return e.id;
    }
    return undefined;
  }

  /** Write the entities back: those without mentions go, the rest sorted by id. */
  commit(): void {
    this.doc.entities = [...this.byId.values()].filter((e) => e.mentions.length > 0).sort((a, b) => a.id.localeCompare(b.id));
  }
}

/**
 * Give a reviewer's mention (added, retyped, re-bounded or accepted again) what the pipeline gives
 * its own: a normalised value (lexicon entry, or date grammar) and an entity. A `value` given by the
 * reviewer wins; with `keep` (same type), the value and entity the mention already has stay when
 * the lexicon names none.
 */
export function linkReviewed(doc: AnnotatedDoc, book: EntityBook, m: Mention, opts: { value?: string; keep?: boolean } = {}): void {
  const before = { value: m.value, date: m.date, entity: m.entity };
  book.detach(m);
  delete m.value;
  delete m.date;
  if (m.type === 'date') Object.assign(m, dateValue(doc, m));
  // A country acting as a group ("Somalia said", retyped or added by a reviewer) names the country, as the state-actor rules' mentions do.
  const entry = m.type === 'date' || m.type === 'event' ? undefined : (lexiconEntry(m.text, m.type) ?? (m.type === 'group' ? lexiconEntry(m.text, 'country') : undefined));
  if (entry?.value !== undefined) m.value = entry.value;
  if (opts.keep && m.value === undefined) {
    if (before.value !== undefined) m.value = before.value;
    if (before.date !== undefined) m.date = before.date;
  }
  if (opts.value !== undefined) m.value = opts.value;
  // An event names its trigger entry as the pipeline's do (value: the event type, entity: the entry id).
  if (m.type === 'event') {
    const trigger = triggerForText(m.text);
    if (trigger) Object.assign(m, { value: opts.value ?? trigger.type, entity: trigger.id });
  }
  if (!ENTITY_TYPES.has(m.type)) return;
  const kept = opts.keep ? before.entity : undefined;
  book.attach(m, entry?.key ?? kept ?? book.find(m.type, m.text) ?? `${m.type}:${slug(m.text) || m.id}`);
}
