import type { Core } from '@strapi/strapi';

/**
 * The site has no reader accounts: anyone registering through /api/auth/local/register
 * would be a public write. Registration stays closed unless PUBLIC_REGISTRATION=true,
 * whatever the users-permissions settings said before (applied at every start).
 */
export const applyRegistrationPolicy = async (strapi: Core.Strapi, allowRegistration: boolean) => {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register === allowRegistration) return;
  await store.set({ key: 'advanced', value: { ...advanced, allow_register: allowRegistration } });
};
