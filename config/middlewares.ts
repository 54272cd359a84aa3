import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** Origins of the public website(s): FRONTEND_URL, or the CORS_ORIGINS list when set. */
const frontendOrigins = (env: Env): string[] => {
  const configured = env.array('CORS_ORIGINS', [env('FRONTEND_URL', 'http://localhost:3000')]) as string[];
  return configured.map((value) => {
    try {
      return new URL(value).origin;
    } catch {
      throw new Error(`CORS_ORIGINS / FRONTEND_URL must be absolute URLs such as https://www.example.org, got "${value}"`);
    }
  });
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const origins = frontendOrigins(env);
  return [
    'strapi::logger',
    'strapi::errors',
    'strapi::security',
    {
      name: 'strapi::cors',
      config: {
        // The website may call the REST API (/api/...) from the browser; the admin panel and
        // its API stay same-origin only.
        origin: (ctx: { path: string }) => (ctx.path.startsWith('/api/') ? origins : []),
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
};

export default config;
