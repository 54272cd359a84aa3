import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { applyFieldRules, type AttributesShape } from './field-rules';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

/** Keys the admin sends along with a document's own fields. */
const SYSTEM_KEYS = new Set([
  'id',
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'createdBy',
  'updatedBy',
  'locale',
  'localizations',
  'status',
]);

interface RequestState {
  route?: { info?: { pluginName?: string; type?: string } };
}

/**
 * The content API refuses unknown fields itself; the Content Manager silently drops them.
 * An editor's API client that misspells a field should hear about it there too.
 */
const unknownAdminFields = (strapi: Core.Strapi, attributes: Record<string, unknown>, data: Record<string, unknown>) => {
  const route = (strapi.requestContext.get()?.state as RequestState | undefined)?.route;
  if (route?.info?.type !== 'admin' || route.info.pluginName !== 'content-manager') return [];
  return Object.keys(data).filter((key) => !(key in attributes) && !SYSTEM_KEYS.has(key));
};

/**
 * Document Service middleware enforcing field formats (URLs, country codes, topic lists)
 * on every write to the app's own content types, drafts included.
 */
export const createFieldRulesMiddleware =
  (strapi: Core.Strapi): Modules.Documents.Middleware.Middleware =>
  async (context, next) => {
    if (!WRITE_ACTIONS.has(context.action) || !context.uid.startsWith('api::')) return next();
    const params = context.params as { data?: Record<string, unknown> };
    if (!params.data || typeof params.data !== 'object') return next();

    const data = { ...params.data };
    const unknown = unknownAdminFields(strapi, context.contentType.attributes, data);
    if (unknown.length > 0) {
      throw new errors.ValidationError(`Unknown field: ${unknown.join(', ')}`, {
        errors: unknown.map((key) => ({ path: [key], message: `${key} is not a field of ${context.contentType.info.singularName}`, name: 'ValidationError' })),
      });
    }
    const issues = applyFieldRules(
      context.contentType.attributes as unknown as AttributesShape,
      data,
      (componentUid) => strapi.components[componentUid as UID.Component]?.attributes as unknown as AttributesShape | undefined,
    );
    if (issues.length > 0) {
      const message = issues.length === 1 ? issues[0].message : `${issues.length} errors occurred`;
      throw new errors.ValidationError(message, {
        errors: issues.map((issue) => ({ ...issue, name: 'ValidationError' })),
      });
    }
    params.data = data;
    return next();
  };
