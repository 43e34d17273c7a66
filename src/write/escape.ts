const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Escape text for HTML element content and quoted attribute values. */
export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

/** JSON for a `<script type="application/json">` block: nothing in it can close the script. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A URL safe to put in href: only http(s) and relative links; anything else becomes "#". */
export function safeHref(url: string): string {
  const u = url.trim();
  if (/^https?:\/\//i.test(u) || /^[./a-z0-9_-][^:]*$/i.test(u)) return escapeHtml(u);
  return '#';
}
