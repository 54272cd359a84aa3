import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { TestApp } from './app';

export interface AdminSession {
  token: string;
  email: string;
  auth: { Authorization: string };
}

interface Role {
  id: number;
}

/**
 * Creates an admin user with the given roles (super admin by default) and logs in once
 * over HTTP. Admin login is rate-limited per process, so a test file should reuse it.
 */
export const createAdmin = async (app: TestApp, roles?: Role[]): Promise<AdminSession> => {
  const { strapi } = app;
  const email = `admin-${crypto.randomBytes(4).toString('hex')}@silkcouncil.test`;
  const password = `Pw-${crypto.randomBytes(8).toString('hex')}1A`;
  const assignedRoles = roles ?? [await strapi.service('admin::role').getSuperAdmin()];
  await strapi.service('admin::user').create({
    email,
    firstname: 'Test',
    lastname: 'Admin',
    password,
    isActive: true,
    registrationToken: null,
    roles: assignedRoles.map((role: Role) => role.id),
  });
  const response = await app.http().post('/admin/login').send({ email, password });
  if (response.status !== 200) {
    throw new Error(`Admin login failed: ${response.status} ${JSON.stringify(response.body)}`);
  }
  const token = response.body.data.token as string;
  return { token, email, auth: { Authorization: `Bearer ${token}` } };
};

/** An admin role holding exactly the given permission actions. */
export const createRole = async (strapi: Core.Strapi, name: string, actions: Array<{ action: string; subject?: string | null }>) => {
  const role = await strapi.service('admin::role').create({ name, description: name });
  await strapi.service('admin::role').assignPermissions(role.id, actions.map((item) => ({ ...item, conditions: [], properties: {} })));
  return role as Role;
};

export type ApiTokenType = 'read-only' | 'full-access';

/** An API token of the given type; returns the header to send it with. */
export const createApiToken = async (strapi: Core.Strapi, type: ApiTokenType) => {
  const token = await strapi.service('admin::api-token').create({
    name: `${type}-${crypto.randomBytes(4).toString('hex')}`,
    type,
    lifespan: null,
    permissions: [],
  });
  return { Authorization: `Bearer ${token.accessKey as string}` };
};
