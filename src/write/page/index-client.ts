/**
 * The corpus page's script: filters by mention type, country and group. A filter selects the
 * documents that have it; the entity index and the timeline then show only rows of those
 * documents (and, for a type, only entities of that type). Self-contained: the page carries its
 * source text.
 */
export function indexPageClient(): void {
  const get = (id: string): HTMLSelectElement | null => document.getElementById(id) as HTMLSelectElement | null;
  const type = get('f-type');
  const country = get('f-country');
  const group = get('f-group');
  const count = document.getElementById('f-count');
  const has = (el: HTMLElement, attr: string, v: string): boolean => !v || (el.getAttribute(attr) ?? '').split(' ').includes(v);
  function apply(): void {
    const t = type?.value ?? '';
    const c = country?.value ?? '';
    const g = group?.value ?? '';
    const selected = new Set<string>();
    const rows = document.querySelectorAll<HTMLElement>('#docs tr[data-doc]');
    for (const row of rows) {
      const ok = has(row, 'data-types', t) && has(row, 'data-countries', c) && has(row, 'data-groups', g);
      row.hidden = !ok;
      if (ok) selected.add(row.getAttribute('data-doc') ?? '');
    }
    for (const row of document.querySelectorAll<HTMLElement>('#entities tr[data-entity]')) {
      const docs = (row.getAttribute('data-docs') ?? '').split(' ');
      row.hidden = !((!t || row.getAttribute('data-type') === t) && docs.some((d) => selected.has(d)));
    }
    for (const row of document.querySelectorAll<HTMLElement>('#timeline tr[data-doc]')) row.hidden = !selected.has(row.getAttribute('data-doc') ?? '');
    if (count) count.textContent = `${selected.size} of ${rows.length} documents`;
  }
  for (const s of [type, country, group]) s?.addEventListener('change', apply);
  apply();
  document.body.setAttribute('data-ready', 'true');
}
