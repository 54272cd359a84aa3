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

export class MissingSecretError extends Error {}

/** Reads a secret, failing with one line that says what to do instead of a later stack trace. */
export const requiredSecret = (env: Env, name: (typeof REQUIRED_SECRETS)[number]): string => {
  const value = env(name, '');
  if (!value) {
    throw new MissingSecretError(
      `${name} is not set: run "npm run develop" once (it writes .env with fresh random secrets) or copy .env.example to .env and fill it in.`,
    );
  }
  return value;
};
