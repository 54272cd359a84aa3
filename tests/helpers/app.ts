import type { AddressInfo } from 'net';
import path from 'path';
import request from 'supertest';
import { createStrapi, type Core } from '@strapi/strapi';
import { generateSecrets } from '../../scripts/ensure-env';
import { createTestDatabase, type TestDatabase } from './database';
import { waitForIdleDatabase } from './database-idle';

export const APP_ROOT = path.resolve(__dirname, '..', '..');

/**
 * One set of secrets per test file: every app a file starts (in process or as a child
 * process, on the same database) must agree on them, like replicas behind a load balancer.
 */
const SECRETS = generateSecrets();

/** Environment every test app gets: the file's secrets, quiet logs, no demo content. */
export const baseTestEnv = (): Record<string, string> => ({
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
  SEED_DEMO_CONTENT: 'false',
  ...SECRETS,
});

export interface TestApp {
  strapi: Core.Strapi;
  database: TestDatabase;
  /** supertest bound to the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  /** Listens on a free local port (once) and returns the base URL, for real HTTP clients. */
  url: () => Promise<string>;
  stop(): Promise<void>;
}

/**
 * Boots the real app in this process, from the dist/ compiled by the global setup, on a
 * fresh database (SQLite file, or PostgreSQL when DATABASE_CLIENT=postgres), or on the
 * given one.
 */
export const startTestApp = async (
  env: Record<string, string> = {},
  options: { database?: TestDatabase } = {},
): Promise<TestApp> => {
  // A database passed in is shared with other processes; its owner drops it.
  const ownsDatabase = !options.database;
  const database = options.database ?? (await createTestDatabase());
  Object.assign(process.env, baseTestEnv(), database.env, env);

  const strapi = await createStrapi({
    appDir: APP_ROOT,
    distDir: path.join(APP_ROOT, 'dist'),
    autoReload: false,
    serveAdminPanel: false,
  }).load();
  strapi.server.mount();

  let baseUrl: Promise<string> | null = null;
  const url = () => {
    baseUrl ??= new Promise<string>((resolve) => {
      const server = strapi.server.httpServer;
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    });
    return baseUrl;
  };

  return {
    strapi,
    database,
    url,
    http: () => request(strapi.server.httpServer),
    async stop() {
      await waitForIdleDatabase(strapi);
      await strapi.destroy();
      if (ownsDatabase) await database.drop();
    },
  };
};
