import { createHash } from 'node:crypto';

/**
 * Document ids and content hashes, in a module of their own so that code that only plans work
 * (the batch's main thread, a queue producer) need not load the pipeline and its NLP libraries.
 */
export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A filesystem-safe, stable document id from a key (a relative path or a record id). */
export function docIdFor(key: string): string {
  const base = key.replace(/\.[a-z0-9]{1,9}$/i, '');
  let slug = base.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\\/]+/g, '--').replace(/[^a-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '');
  if (slug.length === 0 || slug.length > 80 || slug !== base.toLowerCase().replace(/[\\/]+/g, '--')) {
    const h = sha256(key).slice(0, 8);
    slug = `${(slug || 'doc').slice(0, 70)}-${h}`;
  }
  return slug;
}
