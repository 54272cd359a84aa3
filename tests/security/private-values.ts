import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { SUBSCRIBER } from '../helpers/syndication';

export interface PrivateValue {
  /** What the value is, for the failure message. */
  what: string;
  value: string;
}

const marker = (label: string) => `${label}-${crypto.randomBytes(12).toString('hex')}`;

/**
 * Gives the accounts that exist in the test app the private values an attacker is after
 * (reset and confirmation tokens, which are empty on a fresh account), then reads back
 * every stored secret as the database holds it: password hashes, tokens, API token
 * hashes, subscriber secrets. A response containing any of them is a leak.
 */
export const collectPrivateValues = async (strapi: Core.Strapi): Promise<PrivateValue[]> => {
  const values: PrivateValue[] = [];
  const add = (what: string, value: unknown) => {
    // Short values (e.g. a boolean rendered as text) would match by chance.
    if (typeof value === 'string' && value.length >= 12) values.push({ what, value });
  };

  const admins = (await strapi.db.query('admin::user').findMany({})) as Array<Record<string, unknown>>;
  for (const admin of admins) {
    const resetPasswordToken = marker('admin-reset');
    await strapi.db.query('admin::user').update({ where: { id: admin.id }, data: { resetPasswordToken } });
    add(`admin ${String(admin.email)} password hash`, admin.password);
    add(`admin ${String(admin.email)} reset token`, resetPasswordToken);
    add(`admin ${String(admin.email)} email`, admin.email);
  }

  const users = (await strapi.db.query('plugin::users-permissions.user').findMany({})) as Array<Record<string, unknown>>;
  for (const user of users) {
    const resetPasswordToken = marker('user-reset');
    const confirmationToken = marker('user-confirm');
    await strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { resetPasswordToken, confirmationToken } });
    add(`user ${String(user.username)} password hash`, user.password);
    add(`user ${String(user.username)} reset token`, resetPasswordToken);
    add(`user ${String(user.username)} confirmation token`, confirmationToken);
  }

  const subscribers = (await strapi.db.query(SUBSCRIBER).findMany({})) as Array<{ name: string; secret: string }>;
  for (const subscriber of subscribers) {
    add(`subscriber ${subscriber.name} secret`, subscriber.secret);
    // The key without its prefix, as a signature library would print it.
    add(`subscriber ${subscriber.name} secret key`, subscriber.secret.replace(/^whsec_/, ''));
  }

  const tokens = (await strapi.db.query('admin::api-token').findMany({})) as Array<Record<string, unknown>>;
  for (const token of tokens) {
    add(`API token ${String(token.name)} hash`, token.accessKey);
    add(`API token ${String(token.name)} encrypted key`, token.encryptedKey);
  }

  for (const name of ['ADMIN_JWT_SECRET', 'JWT_SECRET', 'API_TOKEN_SALT', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY']) {
    add(`${name} setting`, process.env[name]);
  }
  for (const key of (process.env.APP_KEYS ?? '').split(',')) add('an APP_KEYS key', key);
  return values;
};

/** What an attacker receives: status, headers and body text (a supertest or raw response). */
interface ReceivedResponse {
  status: number;
  headers: unknown;
  text?: string;
}

const responseText = (response: ReceivedResponse) =>
  `${response.status} ${JSON.stringify(response.headers)} ${response.text ?? ''}`;

/** The private values found in a response (empty when it leaks nothing). */
export const leakedValues = (response: ReceivedResponse, values: readonly PrivateValue[]): string[] => {
  const text = responseText(response);
  const lower = text.toLowerCase();
  return values.filter(({ value }) => text.includes(value) || lower.includes(value.toLowerCase())).map(({ what }) => what);
};
