import type { Core } from '@strapi/strapi';
import { requiredSecret } from '../src/environment/required-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: requiredSecret(env, 'JWT_SECRET'),
    },
  },
  'view-counter': {
    enabled: true,
    resolve: './src/plugins/view-counter',
    config: {
      contentTypes: env.array('VIEW_COUNTER_CONTENT_TYPES', ['api::article.article']),
      dedupeMinutes: env.int('VIEW_COUNTER_DEDUPE_MINUTES', 30),
      rateLimit: env.int('VIEW_COUNTER_RATE_LIMIT', 120),
      flushMs: env.int('VIEW_COUNTER_FLUSH_MS', 1000),
      excludeBots: env.bool('VIEW_COUNTER_EXCLUDE_BOTS', true),
      retentionDays: env.int('VIEW_COUNTER_RETENTION_DAYS', 365),
    },
  },
});

export default config;
