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

/**
 * Escape a slice of article text for element content so that the page's DOM text is the same
 * string, code unit for code unit: a carriage return is written as a character reference (the HTML
 * parser would fold a raw one into a line feed) and NUL, which the parser drops, becomes U+FFFD.
 */
export function escapeText(s: string): string {
  return escapeHtml(s).replace(/\r/g, '&#13;').replace(/\0/g, '\uFFFD');
}

/** An http(s) URL to link to, or null: nothing else (javascript:, data:, relative paths) becomes a link. */
export function httpUrl(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  const u = url.trim();
  return /^https?:\/\/[^\s<>"'`]+$/i.test(u) ? u : null;
}
