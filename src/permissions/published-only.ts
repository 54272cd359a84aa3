import type { Core, Modules, UID } from '@strapi/strapi';

const READ_ACTIONS = new Set(['findMany', 'findFirst', 'findOne', 'count']);
const LOGICAL_OPERATORS = new Set(['$and', '$or', '$not']);
const PUBLISHED_VERSIONS = { publishedAt: { $notNull: true } };

/** Strapi's strategy for content API tokens: server-side frontends that may preview drafts. */
const API_TOKEN_STRATEGY = 'content-api-token';

type Params = { status?: string; filters?: unknown; populate?: unknown };

interface RequestState {
  route?: { info?: { type?: string } };
  auth?: { strategy?: { name?: string } };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keeps read-only callers of the content API on published versions:
 * - `status` is forced to "published" (Strapi 5 hands drafts to anyone allowed to `find`
 *   who asks with `?status=draft`, or with any status other than "published");
 * - filters that walk a relation into a draft & publish type only match published versions.
 *   A type without draft & publish (Official, Organization) is linked to the draft versions
 *   of its meetings and statements too, so `filters[meetings][title]` on officials would
 *   otherwise let anyone probe the titles of unpublished meetings.
 */
export const createPublishedOnlyMiddleware = (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware => {
  const hasDraftAndPublish = (uid: string) => strapi.getModel(uid as UID.Schema)?.options?.draftAndPublish === true;

  const attributesOf = (uid: string) =>
    (strapi.getModel(uid as UID.Schema)?.attributes ?? {}) as Record<string, { type: string; target?: string; component?: string }>;

  const restrictFilters = (uid: string, filters: unknown): unknown => {
    if (Array.isArray(filters)) return filters.map((item) => restrictFilters(uid, item));
    if (!isPlainObject(filters)) return filters;

    const attributes = attributesOf(uid);
    return Object.fromEntries(
      Object.entries(filters).map(([key, value]) => {
        if (LOGICAL_OPERATORS.has(key)) return [key, restrictFilters(uid, value)];
        const attribute = attributes[key];
        if (attribute?.type === 'component' && attribute.component) return [key, restrictFilters(attribute.component, value)];
        if (attribute?.type !== 'relation' || !attribute.target || !isPlainObject(value)) return [key, value];
        const nested = restrictFilters(attribute.target, value);
        return [key, hasDraftAndPublish(attribute.target) ? { $and: [nested, PUBLISHED_VERSIONS] } : nested];
      }),
    );
  };

  /** Populated relations can carry their own filters: restrict those the same way. */
  const restrictPopulate = (uid: string, populate: unknown): unknown => {
    if (!isPlainObject(populate)) return populate;
    const attributes = attributesOf(uid);
    return Object.fromEntries(
      Object.entries(populate).map(([key, value]) => {
        const target = attributes[key]?.target ?? attributes[key]?.component;
        if (!target || !isPlainObject(value)) return [key, value];
        return [
          key,
          {
            ...value,
            ...(value.filters !== undefined ? { filters: restrictFilters(target, value.filters) } : {}),
            ...(value.populate !== undefined ? { populate: restrictPopulate(target, value.populate) } : {}),
          },
        ];
      }),
    );
  };

  return async (context, next) => {
    if (!READ_ACTIONS.has(context.action)) return next();

    const state = strapi.requestContext.get()?.state as RequestState | undefined;
    if (state?.route?.info?.type !== 'content-api' || state.auth?.strategy?.name === API_TOKEN_STRATEGY) return next();

    const params = context.params as Params;
    params.status = 'published';
    if (params.filters !== undefined) params.filters = restrictFilters(context.uid, params.filters);
    if (params.populate !== undefined) params.populate = restrictPopulate(context.uid, params.populate);
    return next();
  };
};
