import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** The secrets Strapi cannot start without; scripts/ensure-env.js generates them into .env. */
export const REQUIRED_SECRETS = [
  'APP_KEYS',
  'ADMIN_JWT_SECRET',
  'API_TOKEN_SALT',
  'TRANSFER_TOKEN_SALT',
  'JWT_SECRET',
  'ENCRYPTION_KEY',
] as const;

/**
 * Reads a secret. Without it Strapi cannot start; rather than a stack trace from deep in
 * its configuration loader, the operator gets one line saying what to do, and exit code 1.
 * (The npm scripts create .env first, so this only happens with a bare `npx strapi …`.)
 */
export const requiredSecret = (env: Env, name: (typeof REQUIRED_SECRETS)[number]): string => {
  const value = env(name, '');
  if (!value) {
    process.stderr.write(
      `${name} is not set: run "npm run develop" once (it writes .env with fresh random secrets) or copy .env.example to .env and fill it in.\n`,
    );
    process.exit(1);
  }
  return value;
};
