import type { Core } from '@strapi/strapi';
import { requiredSecret } from '../src/environment/required-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: requiredSecret(env, 'JWT_SECRET'),
    },
  },
  'view-counter': {
    enabled: env.bool('VIEW_COUNTER_ENABLED', true),
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
  syndication: {
    enabled: env.bool('SYNDICATION_ENABLED', true),
    resolve: './src/plugins/syndication',
    config: {
      frontendUrl: env('FRONTEND_URL', 'http://localhost:3000'),
      retrySchedule: env('SYNDICATION_RETRY_SCHEDULE', '10s,1m,5m,30m,2h,6h,12h,24h'),
      timeoutMs: env.int('SYNDICATION_TIMEOUT_MS', 10000),
      allowPrivateTargets: env.bool('SYNDICATION_ALLOW_PRIVATE_TARGETS', false),
      pollMs: env.int('SYNDICATION_POLL_MS', 1000),
    },
  },
});

export default config;
