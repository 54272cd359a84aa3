import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  {
    name: 'strapi::cors',
    config: {
      origin: env.array('CORS_ORIGINS', [env('FRONTEND_URL', 'http://localhost:3000')]) as string[],
    },
  },
  'strapi::poweredBy',
  'strapi::query',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: env('BODY_JSON_LIMIT', '1mb'),
      formLimit: env('BODY_FORM_LIMIT', '56kb'),
      textLimit: env('BODY_TEXT_LIMIT', '56kb'),
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;
