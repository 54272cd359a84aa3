import crypto from 'crypto';
import type { Core } from '@strapi/strapi';

/** Row count and checksum of one table. */
export interface TableFingerprint {
  rows: number;
  checksum: string;
}

export type DatabaseFingerprint = Record<string, TableFingerprint>;

/**
 * Columns that change when a request is merely authenticated, not when data is written:
 * Strapi stamps an API token's `last_used_at` (and so its `updated_at`) when it is used.
 */
const VOLATILE_COLUMNS: Record<string, readonly string[]> = {
  strapi_api_tokens: ['last_used_at', 'updated_at'],
};

const tableNames = async (strapi: Core.Strapi): Promise<string[]> => {
  const knex = strapi.db.connection;
  if (strapi.db.dialect.client === 'sqlite') {
    const rows = (await knex('sqlite_master')
      .select('name')
      .where({ type: 'table' })
      .andWhereNot('name', 'like', 'sqlite_%')) as Array<{
      name: string;
    }>;
    return rows.map((row) => row.name).sort();
  }
  const rows = (await knex('information_schema.tables')
    .select('table_name')
    .whereRaw('table_schema = current_schema()')
    .andWhere({ table_type: 'BASE TABLE' })) as Array<{ table_name: string }>;
  return rows.map((row) => row.table_name).sort();
};

/** Dates, buffers and numbers as one text per value, so both databases hash alike. */
const canonical = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'bigint') return value.toString();
  return value;
};

/**
 * Every table of the database with its row count and a checksum of its content, taken
 * before and after hostile requests: any difference is a write that should not have
 * happened. Rows are hashed order-insensitively (no table needs an id column).
 */
export const fingerprintDatabase = async (strapi: Core.Strapi): Promise<DatabaseFingerprint> => {
  const tables = await tableNames(strapi);
  return strapi.db.dialect.client === 'sqlite' ? fingerprintInProcess(strapi, tables) : fingerprintInPostgres(strapi, tables);
};

/** PostgreSQL hashes every table itself, in one round trip. */
const fingerprintInPostgres = async (strapi: Core.Strapi, tables: string[]): Promise<DatabaseFingerprint> => {
  const knex = strapi.db.connection;
  const selects = tables.map((table) => {
    const row = `(to_jsonb(t)${(VOLATILE_COLUMNS[table] ?? []).map((column) => ` - '${column}'`).join('')})::text`;
    return knex.raw(
      `SELECT ?::text AS name, count(*)::int AS rows, md5(coalesce(string_agg(${row}, E'\\n' ORDER BY ${row}), '')) AS checksum FROM ?? t`,
      [table, table],
    );
  });
  const result = (await knex.raw(selects.map(() => '?').join(' UNION ALL '), selects)) as {
    rows: Array<{ name: string; rows: number; checksum: string }>;
  };
  return Object.fromEntries(result.rows.map(({ name, rows, checksum }) => [name, { rows, checksum }]));
};

const fingerprintInProcess = async (strapi: Core.Strapi, tables: string[]): Promise<DatabaseFingerprint> => {
  const knex = strapi.db.connection;
  const fingerprint: DatabaseFingerprint = {};
  for (const table of tables) {
    const volatile = new Set(VOLATILE_COLUMNS[table] ?? []);
    const rows = (await knex(table).select('*')) as Array<Record<string, unknown>>;
    const lines = rows
      .map((row) =>
        JSON.stringify(
          Object.keys(row)
            .filter((column) => !volatile.has(column))
            .sort()
            .map((column) => [column, canonical(row[column])]),
        ),
      )
      .sort();
    fingerprint[table] = { rows: rows.length, checksum: crypto.createHash('sha256').update(lines.join('\n')).digest('hex') };
  }
  return fingerprint;
};

/** Tables whose count or content differs between two fingerprints. */
export const changedTables = (before: DatabaseFingerprint, after: DatabaseFingerprint): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((table) => before[table]?.rows !== after[table]?.rows || before[table]?.checksum !== after[table]?.checksum)
    .sort();
