import type { Core } from '@strapi/strapi';
import { requiredSecret } from '../src/environment/required-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: requiredSecret(env, 'ADMIN_JWT_SECRET'),
  },
  apiToken: {
    salt: requiredSecret(env, 'API_TOKEN_SALT'),
  },
  transfer: {
    token: {
      salt: requiredSecret(env, 'TRANSFER_TOKEN_SALT'),
    },
  },
  secrets: {
    encryptionKey: requiredSecret(env, 'ENCRYPTION_KEY'),
  },
  autoOpen: env.bool('ADMIN_AUTO_OPEN', false),
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;
