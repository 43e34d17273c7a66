import { createHash } from 'node:crypto';

function sha256b64(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('base64');
}

/**
 * The Content-Security-Policy of a generated page: nothing from the network, and only the page's
 * own inline style and script, named by their hashes. Even if some text slipped through unescaped,
 * an injected `<script>`, `onerror=` or `javascript:` would not run.
 */
export function cspMeta(style: string, script: string): string {
  if (/<\/(script|style)/i.test(script) || /<\/(script|style)/i.test(style)) throw new Error('inline code must not contain a closing script or style tag');
  const policy = [
    "default-src 'none'",
    `style-src 'sha256-${sha256b64(style)}'`,
    `script-src 'sha256-${sha256b64(script)}'`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}
