import type { Core } from '@strapi/strapi';
import { requiredSecret } from '../src/environment/required-secret';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: requiredSecret(env, 'JWT_SECRET'),
    },
  },
});

export default config;
