import type { Core } from '@strapi/strapi';
import { env } from '@strapi/utils';
import { loadDemoContentOnce } from './demo-content/load-demo-content';
import { createFieldRulesMiddleware } from './field-rules/field-rules-middleware';
import { grantPublicRead, publicReadActions } from './permissions/public-read';
import { createPublishedOnlyMiddleware } from './permissions/published-only';
import { applyRegistrationPolicy } from './permissions/registration';
import { createSlugService } from './slugs/slug-middleware';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(createFieldRulesMiddleware(strapi));
    strapi.documents.use(createSlugService(strapi).middleware);
    strapi.documents.use(createPublishedOnlyMiddleware(strapi));
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const granted = await grantPublicRead(strapi, publicReadActions(strapi));
    if (granted.length > 0) strapi.log.info(`Public role may now read: ${granted.join(', ')}`);
    await applyRegistrationPolicy(strapi, env.bool('PUBLIC_REGISTRATION', false));

    if (env.bool('SEED_DEMO_CONTENT', process.env.NODE_ENV !== 'production')) {
      const report = await loadDemoContentOnce(strapi);
      if (report) strapi.log.info(`Demo content loaded: ${JSON.stringify(report.created)}`);
    }
  },
};
