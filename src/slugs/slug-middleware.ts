import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { firstFreeSlug, isDerivedFrom, normalizeSlug, slugFromTitle } from './slug';

const SLUG_FIELD = 'slug';
const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

type Data = Record<string, unknown>;
type WriteParams = { documentId?: string; data?: Data };
type Row = { slug: string | null; publishedAt: string | null } & Record<string, unknown>;

interface SlugTarget {
  uid: UID.ContentType;
  typeName: string;
  sourceField: string;
}

/** A type takes part when it has a `slug` uid attribute that names its source field. */
const slugTargetOf = (contentType: Schema.ContentType): SlugTarget | null => {
  const attribute = contentType.attributes[SLUG_FIELD] as Schema.Attribute.AnyAttribute | undefined;
  if (!attribute || attribute.type !== 'uid' || !('targetField' in attribute) || !attribute.targetField) {
    return null;
  }
  return {
    uid: contentType.uid,
    typeName: contentType.info.singularName,
    sourceField: attribute.targetField as string,
  };
};

const slugError = (message: string, value: unknown) =>
  new errors.ValidationError(message, {
    errors: [{ path: [SLUG_FIELD], message, name: 'ValidationError', value }],
  });

export const createSlugService = (strapi: Core.Strapi) => {
  const query = (uid: UID.ContentType) => strapi.db.query(uid);

  /** Slugs of other documents that are `base` or `base-N`. */
  const takenSlugs = async (target: SlugTarget, base: string, documentId?: string) => {
    const rows = (await query(target.uid).findMany({
      select: [SLUG_FIELD],
      where: {
        $or: [{ slug: base }, { slug: { $startsWith: `${base}-` } }],
        ...(documentId ? { documentId: { $ne: documentId } } : {}),
      },
    })) as Array<{ slug: string }>;
    return rows.map((row) => row.slug);
  };

  const isTaken = async (target: SlugTarget, slug: string, documentId?: string) =>
    (await takenSlugs(target, slug, documentId)).includes(slug);

  const uniqueSlug = async (target: SlugTarget, base: string, documentId?: string) =>
    firstFreeSlug(base, await takenSlugs(target, base, documentId));

  /** An editor-supplied slug: normalized, and refused when another document has it. */
  const explicitSlug = async (target: SlugTarget, requested: unknown, title: unknown, documentId?: string) => {
    if (typeof requested !== 'string') {
      throw slugError('slug must be a string', requested);
    }
    const slug = normalizeSlug(requested);
    if (slug === '') {
      throw slugError('slug must contain at least one letter or digit', requested);
    }
    if (!(await isTaken(target, slug, documentId))) return slug;
    // The admin pre-fills the slug from the title; a clash there is not the editor's choice.
    const derived = slugFromTitle(asText(title), target.typeName);
    if (isDerivedFrom(slug, derived)) return uniqueSlug(target, derived, documentId);
    throw slugError(`slug "${slug}" is already used by another ${target.typeName}`, requested);
  };

  const forCreate = async (target: SlugTarget, data: Data) => {
    const requested = data[SLUG_FIELD];
    if (requested === undefined || requested === null || (typeof requested === 'string' && requested.trim() === '')) {
      return uniqueSlug(target, slugFromTitle(asText(data[target.sourceField]), target.typeName));
    }
    return explicitSlug(target, requested, data[target.sourceField]);
  };

  const forUpdate = async (target: SlugTarget, documentId: string, data: Data): Promise<string | undefined> => {
    const rows = (await query(target.uid).findMany({
      select: [SLUG_FIELD, target.sourceField, 'publishedAt'],
      where: { documentId },
    })) as Row[];
    if (rows.length === 0) return undefined; // the document service answers the 404
    const current = rows.find((row) => row.publishedAt === null) ?? rows[0];
    const currentSlug = current.slug ?? '';
    const requested = data[SLUG_FIELD];
    const newTitle = data[target.sourceField] !== undefined ? data[target.sourceField] : current[target.sourceField];
    const regenerate = () => uniqueSlug(target, slugFromTitle(asText(newTitle), target.typeName), documentId);

    if (requested === null || (typeof requested === 'string' && requested.trim() === '')) return regenerate();
    const keptAsIs = requested === undefined || (typeof requested === 'string' && normalizeSlug(requested) === currentSlug);
    if (!keptAsIs) return explicitSlug(target, requested, newTitle, documentId);
    if (currentSlug === '') return regenerate();

    // Until first publication the slug follows the title, unless an editor customised it.
    // Once published it stays: links to it are out in the world.
    const everPublished = rows.some((row) => row.publishedAt !== null);
    const titleChanged = newTitle !== current[target.sourceField];
    const followsTitle = isDerivedFrom(currentSlug, slugFromTitle(asText(current[target.sourceField]), target.typeName));
    if (!everPublished && titleChanged && followsTitle) return regenerate();
    return requested === undefined ? undefined : currentSlug;
  };

  const forClone = async (target: SlugTarget, sourceDocumentId: string, data: Data) => {
    if (data[SLUG_FIELD] !== undefined && data[SLUG_FIELD] !== null && data[SLUG_FIELD] !== '') {
      return explicitSlug(target, data[SLUG_FIELD], data[target.sourceField]);
    }
    let title = data[target.sourceField];
    if (title === undefined) {
      const source = (await query(target.uid).findOne({
        select: [target.sourceField],
        where: { documentId: sourceDocumentId },
      })) as Record<string, unknown> | null;
      title = source?.[target.sourceField];
    }
    return uniqueSlug(target, slugFromTitle(asText(title), target.typeName));
  };

  /**
   * Document Service middleware: every create, update and clone of a type with a `slug`
   * uid field gets a unique, non-empty slug, whether it comes from the admin, REST or code.
   */
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action)) return next();
    const target = slugTargetOf(context.contentType);
    if (!target) return next();

    const params = context.params as WriteParams;
    const data: Data = params.data ?? {};
    let slug: string | undefined;
    if (context.action === 'create') {
      slug = await forCreate(target, data);
    } else if (context.action === 'update' && params.documentId) {
      slug = await forUpdate(target, params.documentId, data);
    } else if (context.action === 'clone' && params.documentId) {
      slug = await forClone(target, params.documentId, data);
    }
    if (slug !== undefined) params.data = { ...data, [SLUG_FIELD]: slug };
    return next();
  };

  return { middleware };
};

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');
