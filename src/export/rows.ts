import type { AnnotatedDoc, EventFrame } from '../doc.js';

/**
 * One annotated document as flat rows of the six export tables. The column names are those of the
 * SQLite and PostgreSQL tables and of the JSONL files; `null` stands for an absent value.
 */

export type Value = string | number | null;
export type Row = Record<string, Value>;

/** The tables in load order (a row's references point at tables before it). */
export const TABLES = {
  documents: ['id', 'title', 'date', 'date_source', 'source_path', 'source_format', 'source_sha256', 'source_line', 'schema_version', 'pipeline_version', 'lexicon_hash', 'meta', 'text'],
  entities: ['doc_id', 'id', 'type', 'name', 'part_of', 'country', 'source', 'mention_count'],
  entity_ids: ['doc_id', 'entity_id', 'scheme', 'value'],
  mentions: ['doc_id', 'id', 'type', 'start_offset', 'end_offset', 'text', 'sentence', 'value', 'entity_id', 'source', 'confidence', 'status', 'date_value', 'date_granularity', 'date_mod', 'date_start', 'date_end', 'date_anchor', 'review_by', 'review_at', 'review_note'],
  events: ['doc_id', 'id', 'type', 'subtype', 'trigger_start', 'trigger_end', 'trigger_text', 'mention_id', 'factuality', 'sentence', 'confidence', 'source', 'acled_event_type', 'acled_sub_event_type', 'plover_category', 'plover_mode', 'cameo', 'fatalities', 'fatalities_qualifier', 'fatalities_start', 'fatalities_end', 'fatalities_text', 'injured', 'injured_qualifier', 'injured_start', 'injured_end', 'injured_text'],
  event_roles: ['doc_id', 'event_id', 'ord', 'role', 'start_offset', 'end_offset', 'text', 'mention_id', 'source', 'confidence'],
} as const satisfies Record<string, readonly string[]>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

export type DocRows = Record<TableName, Row[]>;

const v = <T>(x: T | undefined | null): T | null => (x === undefined ? null : x);

function casualties(prefix: 'fatalities' | 'injured', c: EventFrame['fatalities']): Row {
  return {
    [prefix]: v(c?.value),
    [`${prefix}_qualifier`]: v(c?.qualifier),
    [`${prefix}_start`]: v(c?.evidence.start),
    [`${prefix}_end`]: v(c?.evidence.end),
    [`${prefix}_text`]: v(c?.evidence.text),
  };
}

/** Flatten one document. Mentions link to an entity only when the document has that entity. */
export function docRows(doc: AnnotatedDoc): DocRows {
  const d = doc.doc;
  const docId = d.id;
  const entityIds = new Set(doc.entities.map((e) => e.id));
  return {
    documents: [
      {
        id: docId,
        title: d.title,
        date: d.date.value,
        date_source: d.date.source,
        source_path: d.source.path,
        source_format: d.source.format,
        source_sha256: d.source.sha256,
        source_line: v(d.source.line),
        schema_version: doc.schemaVersion,
        pipeline_version: doc.run.pipelineVersion,
        lexicon_hash: doc.run.lexiconHash,
        meta: d.meta && Object.keys(d.meta).length ? JSON.stringify(d.meta) : null,
        text: doc.text,
      },
    ],
    entities: doc.entities.map((e) => ({
      doc_id: docId,
      id: e.id,
      type: e.type,
      name: e.name,
      part_of: v(e.partOf),
      country: v(e.country),
      source: e.source,
      mention_count: e.mentions.length,
    })),
    entity_ids: doc.entities.flatMap((e) =>
      Object.entries(e.ids)
        .filter((kv): kv is [string, string] => typeof kv[1] === 'string')
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([scheme, value]) => ({ doc_id: docId, entity_id: e.id, scheme, value })),
    ),
    mentions: doc.mentions.map((m) => ({
      doc_id: docId,
      id: m.id,
      type: m.type,
      start_offset: m.start,
      end_offset: m.end,
      text: m.text,
      sentence: m.sentence,
      value: v(m.value),
      entity_id: m.entity !== undefined && entityIds.has(m.entity) ? m.entity : null,
      source: m.source,
      confidence: m.confidence,
      status: v(m.status),
      date_value: v(m.date?.value),
      date_granularity: v(m.date?.granularity),
      date_mod: v(m.date?.mod),
      date_start: v(m.date?.interval?.start),
      date_end: v(m.date?.interval?.end),
      date_anchor: v(m.date?.anchor),
      review_by: v(m.review?.by),
      review_at: v(m.review?.at),
      review_note: v(m.review?.note),
    })),
    events: doc.events.map((e) => ({
      doc_id: docId,
      id: e.id,
      type: e.type,
      subtype: v(e.subtype),
      trigger_start: e.trigger.start,
      trigger_end: e.trigger.end,
      trigger_text: e.trigger.text,
      mention_id: v(e.mention),
      factuality: e.factuality,
      sentence: e.sentence,
      confidence: e.confidence,
      source: e.source,
      acled_event_type: v(e.codes.acled?.eventType),
      acled_sub_event_type: v(e.codes.acled?.subEventType),
      plover_category: v(e.codes.plover?.category),
      plover_mode: v(e.codes.plover?.mode),
      cameo: v(e.codes.cameo),
      ...casualties('fatalities', e.fatalities),
      ...casualties('injured', e.injured),
    })),
    event_roles: doc.events.flatMap((e) =>
      e.roles.map((r, ord) => ({
        doc_id: docId,
        event_id: e.id,
        ord,
        role: r.role,
        start_offset: r.start,
        end_offset: r.end,
        text: r.text,
        mention_id: v(r.mention),
        source: v(r.source),
        confidence: v(r.confidence),
      })),
    ),
  };
}
