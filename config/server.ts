import type { Core } from '@strapi/strapi';
import { requiredSecret } from '../src/environment/required-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // Behind a load balancer, trust X-Forwarded-* (client IP, protocol). Off by default so a
  // client cannot choose its own IP by sending the header.
  proxy: { koa: env.bool('TRUST_PROXY', false) },
  app: {
    keys: requiredSecret(env, 'APP_KEYS').split(',').map((key) => key.trim()),
  },
  logger: {
    config: { level: env('LOG_LEVEL', 'http') },
  },
  cron: { enabled: env.bool('CRON_ENABLED', true) },
  webhooks: {
    populateRelations: env.bool('WEBHOOKS_POPULATE_RELATIONS', false),
  },
});

export default config;
