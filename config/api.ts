import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Api => ({
  rest: {
    defaultLimit: env.int('API_DEFAULT_LIMIT', 25),
    maxLimit: env.int('API_MAX_LIMIT', 100),
    withCount: true,
    // Unknown query parameters are a 400 instead of being ignored.
    strictParams: true,
  },
  documents: {
    strictParams: true,
  },
});

export default config;
