import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { Client } from 'pg';

export type DatabaseClient = 'sqlite' | 'postgres';

export interface TestDatabase {
  client: DatabaseClient;
  /** Environment that points Strapi at this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
}

export const databaseClient = (): DatabaseClient =>
  process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

/** Server-level URL used to create and drop the throwaway databases. */
const adminUrl = () => process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const withAdminClient = async <T>(work: (client: Client) => Promise<T>): Promise<T> => {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const databaseUrl = (name: string) => {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
};

/** A fresh, empty database of the configured kind; `drop()` removes it. */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const suffix = `${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (databaseClient() === 'postgres') {
    const name = `silk_test_${suffix}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
    return {
      client: 'postgres',
      env: { DATABASE_CLIENT: 'postgres', DATABASE_URL: databaseUrl(name) },
      drop: () => withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'silk-test-'));
  return {
    client: 'sqlite',
    env: { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: path.join(dir, 'data.db') },
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
};
