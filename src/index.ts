import type { Core } from '@strapi/strapi';
import { env } from '@strapi/utils';
import { subscribeDatabaseInputChecks } from './database-input/database-input-subscriber';
import { loadDemoContentOnce } from './demo-content/load-demo-content';
import { createFieldRulesMiddleware } from './field-rules/field-rules-middleware';
import { checkRequestInput, refuseEncodedBodies } from './http-input/http-input-middlewares';
import { grantPublicRead, publicReadActions } from './permissions/public-read';
import { createPublishedOnlyMiddleware } from './permissions/published-only';
import { applyRegistrationPolicy } from './permissions/registration';
import { createSlugService } from './slugs/slug-middleware';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    strapi.documents.use(createFieldRulesMiddleware(strapi));
    strapi.documents.use(createSlugService(strapi).middleware);
    strapi.documents.use(createPublishedOnlyMiddleware(strapi));
    subscribeDatabaseInputChecks(strapi);
    // Mounted now, ahead of config/middlewares.ts: it must see a request before the body parser.
    strapi.server.use(refuseEncodedBodies());
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Mounted now, after config/middlewares.ts (set up just before bootstrap) and before the
    // router (mounted when the server starts): it sees the parsed body of every request.
    strapi.server.use(checkRequestInput());

    const granted = await grantPublicRead(strapi, publicReadActions(strapi));
    if (granted.length > 0) strapi.log.info(`Public role may now read: ${granted.join(', ')}`);
    await applyRegistrationPolicy(strapi, env.bool('PUBLIC_REGISTRATION', false));

    if (env.bool('SEED_DEMO_CONTENT', process.env.NODE_ENV !== 'production')) {
      const report = await loadDemoContentOnce(strapi);
      if (report) strapi.log.info(`Demo content loaded: ${JSON.stringify(report.created)}`);
    }
  },
};
