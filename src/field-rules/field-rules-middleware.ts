import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { applyFieldRules, type AttributesShape } from './field-rules';

const WRITE_ACTIONS = new Set(['create', 'update', 'clone']);

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
