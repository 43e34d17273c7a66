/**
 * The database schema of `sitrep export` (SQLite and PostgreSQL), as versioned migrations applied
 * in order on connect. The `sitrep_migrations` table records the versions applied. Never edit a
 * released migration: add the next one.
 *
 * Offsets (`start_offset`, `end_offset`, …) are UTF-16 code units into `documents.text`, half-open.
 * Dates are ISO 8601 text (`YYYY-MM-DD`), which sorts and compares in date order in both databases.
 */

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  version: number;
  name: string;
  sql(dialect: Dialect): string;
}

interface Types {
  text: string;
  int: string;
  float: string;
  json: string;
  timestamp: string;
  /** Table options after the closing parenthesis. */
  table: string;
}

const TYPES: Record<Dialect, Types> = {
  sqlite: { text: 'TEXT', int: 'INTEGER', float: 'REAL', json: 'TEXT', timestamp: 'TEXT', table: ' STRICT' },
  postgres: { text: 'text', int: 'integer', float: 'double precision', json: 'jsonb', timestamp: 'timestamptz', table: '' },
};

const tables = ({ text, int, float, json, timestamp, table }: Types): string => `
CREATE TABLE documents (
  id ${text} PRIMARY KEY,
  title ${text},
  date ${text},
  date_source ${text} NOT NULL,
  source_path ${text} NOT NULL,
  source_format ${text} NOT NULL,
  source_sha256 ${text} NOT NULL,
  source_line ${int},
  schema_version ${text} NOT NULL,
  pipeline_version ${text} NOT NULL,
  lexicon_hash ${text} NOT NULL,
  meta ${json},
  text ${text} NOT NULL,
  content_hash ${text} NOT NULL,
  row_version ${int} NOT NULL,
  loaded_at ${timestamp} NOT NULL
)${table};

CREATE TABLE entities (
  doc_id ${text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id ${text} NOT NULL,
  type ${text} NOT NULL,
  name ${text} NOT NULL,
  part_of ${text},
  country ${text},
  source ${text} NOT NULL,
  mention_count ${int} NOT NULL,
  PRIMARY KEY (doc_id, id)
)${table};

CREATE TABLE entity_ids (
  doc_id ${text} NOT NULL,
  entity_id ${text} NOT NULL,
  scheme ${text} NOT NULL,
  value ${text} NOT NULL,
  PRIMARY KEY (doc_id, entity_id, scheme),
  FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, id) ON DELETE CASCADE
)${table};

CREATE TABLE mentions (
  doc_id ${text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id ${text} NOT NULL,
  type ${text} NOT NULL,
  start_offset ${int} NOT NULL,
  end_offset ${int} NOT NULL,
  text ${text} NOT NULL,
  sentence ${int} NOT NULL,
  value ${text},
  entity_id ${text},
  source ${text} NOT NULL,
  confidence ${float} NOT NULL,
  status ${text},
  date_value ${text},
  date_granularity ${text},
  date_mod ${text},
  date_start ${text},
  date_end ${text},
  date_anchor ${text},
  review_by ${text},
  review_at ${text},
  review_note ${text},
  PRIMARY KEY (doc_id, id),
  FOREIGN KEY (doc_id, entity_id) REFERENCES entities (doc_id, id) ON DELETE CASCADE,
  CHECK (start_offset <= end_offset),
  CHECK (confidence >= 0 AND confidence <= 1)
)${table};

CREATE TABLE events (
  doc_id ${text} NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  id ${text} NOT NULL,
  type ${text} NOT NULL,
  subtype ${text},
  trigger_start ${int} NOT NULL,
  trigger_end ${int} NOT NULL,
  trigger_text ${text} NOT NULL,
  mention_id ${text},
  factuality ${text} NOT NULL,
  sentence ${int} NOT NULL,
  confidence ${float} NOT NULL,
  source ${text} NOT NULL,
  acled_event_type ${text},
  acled_sub_event_type ${text},
  plover_category ${text},
  plover_mode ${text},
  cameo ${text},
  fatalities ${int},
  fatalities_qualifier ${text},
  fatalities_start ${int},
  fatalities_end ${int},
  fatalities_text ${text},
  injured ${int},
  injured_qualifier ${text},
  injured_start ${int},
  injured_end ${int},
  injured_text ${text},
  PRIMARY KEY (doc_id, id),
  FOREIGN KEY (doc_id, mention_id) REFERENCES mentions (doc_id, id) ON DELETE CASCADE,
  CHECK (trigger_start <= trigger_end)
)${table};

CREATE TABLE event_roles (
  doc_id ${text} NOT NULL,
  event_id ${text} NOT NULL,
  ord ${int} NOT NULL,
  role ${text} NOT NULL,
  start_offset ${int} NOT NULL,
  end_offset ${int} NOT NULL,
  text ${text} NOT NULL,
  mention_id ${text},
  PRIMARY KEY (doc_id, event_id, ord),
  FOREIGN KEY (doc_id, event_id) REFERENCES events (doc_id, id) ON DELETE CASCADE,
  FOREIGN KEY (doc_id, mention_id) REFERENCES mentions (doc_id, id) ON DELETE CASCADE
)${table};

-- The usual questions: by entity, by country, by date range, by event type.
CREATE INDEX documents_date ON documents (date);
CREATE INDEX entities_id ON entities (id);
CREATE INDEX entities_country ON entities (country);
CREATE INDEX entity_ids_value ON entity_ids (scheme, value);
CREATE INDEX mentions_entity ON mentions (entity_id, doc_id);
CREATE INDEX mentions_type_value ON mentions (type, value);
CREATE INDEX mentions_date ON mentions (date_start, date_end);
CREATE INDEX events_type ON events (type, subtype);
CREATE INDEX events_mention ON events (doc_id, mention_id);
CREATE INDEX event_roles_mention ON event_roles (doc_id, mention_id);
CREATE INDEX event_roles_role ON event_roles (role, mention_id);
`;

/**
 * One row per event with its place, country and date resolved: the country is the place role's
 * country entity (a country mention, or the country of a place); the date is the start of the time
 * role's date, else the document's date (`event_date_source` says which).
 */
const eventFacts = `
CREATE VIEW event_facts AS
SELECT
  ev.doc_id,
  ev.id AS event_id,
  ev.type,
  ev.subtype,
  ev.factuality,
  ev.confidence,
  ev.trigger_text,
  COALESCE(tm.status, 'auto') AS status,
  pm.entity_id AS place_entity,
  pm.text AS place_text,
  CASE WHEN pe.type = 'country' THEN pe.id ELSE pe.country END AS country,
  COALESCE(dm.date_start, d.date) AS event_date,
  CASE WHEN dm.date_start IS NOT NULL THEN 'text' WHEN d.date IS NOT NULL THEN 'document' END AS event_date_source
FROM events ev
JOIN documents d ON d.id = ev.doc_id
LEFT JOIN mentions tm ON tm.doc_id = ev.doc_id AND tm.id = ev.mention_id
LEFT JOIN event_roles pr ON pr.doc_id = ev.doc_id AND pr.event_id = ev.id
  AND pr.ord = (SELECT MIN(r.ord) FROM event_roles r WHERE r.doc_id = ev.doc_id AND r.event_id = ev.id AND r.role = 'place')
LEFT JOIN mentions pm ON pm.doc_id = pr.doc_id AND pm.id = pr.mention_id
LEFT JOIN entities pe ON pe.doc_id = pm.doc_id AND pe.id = pm.entity_id
LEFT JOIN event_roles dr ON dr.doc_id = ev.doc_id AND dr.event_id = ev.id
  AND dr.ord = (SELECT MIN(r.ord) FROM event_roles r WHERE r.doc_id = ev.doc_id AND r.event_id = ev.id AND r.role = 'time')
LEFT JOIN mentions dm ON dm.doc_id = dr.doc_id AND dm.id = dr.mention_id;
`;

/** What made each role (`rule:role/<path>`) and the role scorer's confidence in it; null for rows written before. */
const roleProvenance = ({ text, float }: Types): string => `
ALTER TABLE event_roles ADD COLUMN source ${text};
ALTER TABLE event_roles ADD COLUMN confidence ${float};
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'tables and indexes', sql: (d) => tables(TYPES[d]) },
  { version: 2, name: 'event_facts view', sql: () => eventFacts },
  { version: 3, name: 'event role source and confidence', sql: (d) => roleProvenance(TYPES[d]) },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export const MIGRATIONS_TABLE = (d: Dialect): string =>
  `CREATE TABLE IF NOT EXISTS sitrep_migrations (version ${TYPES[d].int} PRIMARY KEY, name ${TYPES[d].text} NOT NULL, applied_at ${TYPES[d].timestamp} NOT NULL)${TYPES[d].table}`;
