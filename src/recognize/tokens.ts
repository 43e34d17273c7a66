import type { Token } from '../doc.js';

/**
 * Fast word tokens for lexicon matching: initialisms ("U.S."), runs of letters and digits, and
 * single punctuation marks. Hyphens and apostrophes are their own tokens so that "anti-ISIS" and
 * "Taliban’s" expose "ISIS" and "Taliban".
 */
const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;

export function wordTokens(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  return out;
}

/** Tokens that matching ignores, so "al-Shabaab" = "al Shabaab" and "State-Khorasan" = "State Khorasan". */
export function isJoiner(t: string): boolean {
  return t === '-' || t === '‐' || t === '‑';
}

/** The matching key of a token: lower case, without diacritics, curly quotes straightened. */
export function tokenKey(t: string): string {
  let k = t.toLowerCase();
  if (/[^\x00-\x7f]/.test(k)) k = k.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’‘]/g, "'");
  return k;
}
