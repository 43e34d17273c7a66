import { escapeHtml } from '../escape.js';

/**
 * How the pages show an entity's identifiers: a small label per scheme (`UCDP 234`), a link where
 * the scheme has a page per id. Only ids matching `pattern` become links; unknown schemes show
 * as a label with the scheme's own name.
 */
export const ID_SCHEMES: Record<string, { label: string; title: string; pattern?: RegExp; url?: (id: string) => string }> = {
  iso2: { label: 'ISO', title: 'ISO 3166-1 alpha-2 country code', pattern: /^[A-Z]{2}$/, url: (id) => `https://www.iso.org/obp/ui/#iso:code:3166:${id}` },
  iso3: { label: 'ISO', title: 'ISO 3166-1 alpha-3 country code' },
  isoNumeric: { label: 'ISO', title: 'ISO 3166-1 numeric country code' },
  iso31662: { label: 'ISO 3166-2', title: 'ISO 3166-2 subdivision code' },
  wikidata: { label: 'Wikidata', title: 'Wikidata item', pattern: /^Q[1-9][0-9]*$/, url: (id) => `https://www.wikidata.org/wiki/${id}` },
  geonames: { label: 'GeoNames', title: 'GeoNames place id', pattern: /^[1-9][0-9]*$/, url: (id) => `https://www.geonames.org/${id}` },
  ucdp: { label: 'UCDP', title: 'UCDP actor id (Uppsala Conflict Data Program)', pattern: /^[1-9][0-9]*$/, url: (id) => `https://ucdp.uu.se/actor/${id}` },
};

/** The country codes shown as one label (`ISO AF / AFG`); the numeric code stays in the JSON. */
const SHOWN_WITH_ISO2 = new Set(['iso3', 'isoNumeric']);

export interface IdLabel {
  /** What the label says: `UCDP 234`. */
  text: string;
  /** Its tooltip: what the id is. */
  title: string;
  /** A page about the id, when the scheme has one. */
  href?: string;
}

/** An entity's ids as labels, in a stable order: ISO first, then the others by scheme name. */
export function idLabels(ids: Record<string, string | undefined>): IdLabel[] {
  const out: IdLabel[] = [];
  const iso2 = ids.iso2;
  const schemes = Object.keys(ids).sort((a, b) => (a === 'iso2' ? -1 : b === 'iso2' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  for (const scheme of schemes) {
    const v = ids[scheme];
    if (typeof v !== 'string' || !v) continue;
    if (SHOWN_WITH_ISO2.has(scheme) && iso2) continue;
    const s = Object.hasOwn(ID_SCHEMES, scheme) ? ID_SCHEMES[scheme] : undefined;
    const text = scheme === 'iso2' && ids.iso3 ? `ISO ${v} / ${ids.iso3}` : `${s?.label ?? scheme} ${v}`;
    const href = s?.url && s.pattern?.test(v) ? s.url(v) : undefined;
    out.push({ text, title: `${s?.title ?? scheme}: ${v}`, ...(href ? { href } : {}) });
  }
  return out;
}

/** Labels as HTML: links open in a new tab, without the page as referrer; every value escaped. */
export function idLabelsHtml(ids: Record<string, string | undefined>): string {
  const items = idLabels(ids).map((l) =>
    l.href
      ? `<a class="idl" href="${escapeHtml(l.href)}" title="${escapeHtml(l.title)}" target="_blank" rel="noopener noreferrer">${escapeHtml(l.text)}</a>`
      : `<span class="idl" title="${escapeHtml(l.title)}">${escapeHtml(l.text)}</span>`,
  );
  return items.length ? `<span class="ids">${items.join(' ')}</span>` : '';
}
