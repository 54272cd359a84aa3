import path from 'path';
import type { Core } from '@strapi/strapi';

type ClientKind = 'sqlite' | 'postgres';
type Env = Core.Config.Shared.ConfigParams['env'];

const APP_ROOT = path.resolve(__dirname, '..', '..');

const sqlite = (env: Env): Core.Config.Database<'sqlite'>['connection'] => ({
  client: 'sqlite',
  connection: {
    filename: path.resolve(APP_ROOT, env('DATABASE_FILENAME', '.tmp/data.db')),
  },
  useNullAsDefault: true,
  pool: {
    // WAL lets readers run while a writer commits; busy_timeout makes a second process
    // (a seed script next to `strapi develop`) wait for the lock instead of failing.
    afterCreate: (conn: unknown, done: (err?: Error, conn?: unknown) => void) => {
      const db = conn as { pragma: (sql: string) => unknown };
      db.pragma('journal_mode = WAL');
      db.pragma(`busy_timeout = ${env.int('DATABASE_BUSY_TIMEOUT', 5000)}`);
      done(undefined, conn);
    },
  },
});

const postgres = (env: Env): Core.Config.Database<'postgres'>['connection'] => ({
  client: 'postgres',
  connection: {
    connectionString: env('DATABASE_URL'),
    host: env('DATABASE_HOST', '127.0.0.1'),
    port: env.int('DATABASE_PORT', 5432),
    database: env('DATABASE_NAME', 'silk_council'),
    user: env('DATABASE_USERNAME', 'postgres'),
    password: env('DATABASE_PASSWORD', ''),
    ssl: env.bool('DATABASE_SSL', false) && {
      rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true),
      ca: env('DATABASE_SSL_CA', undefined),
    },
    schema: env('DATABASE_SCHEMA', 'public'),
  },
  pool: {
    min: env.int('DATABASE_POOL_MIN', 2),
    max: env.int('DATABASE_POOL_MAX', 10),
  },
});

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite') as string;
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", got "${client}".`);
  }
  const connection = (client as ClientKind) === 'postgres' ? postgres(env) : sqlite(env);
  return {
    connection: {
      ...connection,
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;
