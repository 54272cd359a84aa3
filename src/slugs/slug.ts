import { createHash } from 'crypto';
import slugify from 'slugify';

/** Longest slug we derive; leaves room for a "-123" suffix within the schema's maxLength. */
export const MAX_SLUG_LENGTH = 100;

/** Lowercase, ASCII letters, digits and single hyphens: what `slugify` strict mode gives. */
export const normalizeSlug = (text: string): string =>
  slugify(text, { lower: true, strict: true, trim: true, locale: 'en' })
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');

/**
 * The slug for a title. A title that slugifies to nothing (only Chinese characters, say)
 * still gets a stable, usable slug: the type's name plus a short hash of the title.
 */
export const slugFromTitle = (title: string | null | undefined, typeName: string): string => {
  const text = (title ?? '').trim();
  const slug = normalizeSlug(text);
  if (slug !== '') return slug;
  const seed = text === '' ? `${Date.now()}-${Math.random()}` : text;
  return `${normalizeSlug(typeName) || 'entry'}-${createHash('sha256').update(seed).digest('hex').slice(0, 8)}`;
};

/** True when `slug` is `base` or `base` with a numeric uniqueness suffix ("base-2"). */
export const isDerivedFrom = (slug: string, base: string): boolean =>
  slug === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+$`).test(slug);

/**
 * First free slug among `base`, `base-2`, `base-3`, ... given the slugs already taken
 * that start with `base`.
 */
export const firstFreeSlug = (base: string, taken: Iterable<string>): string => {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
};
