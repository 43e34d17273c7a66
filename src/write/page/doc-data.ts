import { MENTION_TYPE_LIST, TYPE_STYLE } from './styles.js';
import { idLabels } from './id-schemes.js';
import type { AnnotatedDoc } from '../../doc.js';

/** What the document page's script reads (embedded as JSON): the text, mentions and entities. */
export function pageData(doc: AnnotatedDoc): unknown {
  return {
    docId: doc.doc.id,
    sha256: doc.doc.source.sha256,
    text: doc.text,
    types: MENTION_TYPE_LIST.map((t) => [t, TYPE_STYLE[t].label]),
    mentions: doc.mentions,
    entities: doc.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, ids: e.ids, idLabels: idLabels(e.ids), mentions: e.mentions, ...(e.partOf ? { partOf: e.partOf } : {}), ...(e.country ? { country: e.country } : {}) })),
  };
}
