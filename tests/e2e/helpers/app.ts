import crypto from 'crypto';
import { startAppProcess, type AppProcess } from '../../helpers/app-process';
import { createTestDatabase } from '../../helpers/database';
import { saveArtifact } from './browser';

export interface E2eApp {
  url: string;
  process: AppProcess;
  /** Stops the app (SIGTERM), saves its log as test-results/e2e/<name>-app.log, drops the database. */
  stop(): Promise<void>;
}

/**
 * The compiled app as its own process, with the admin panel, on a fresh database
 * (SQLite, or PostgreSQL when DATABASE_CLIENT=postgres) holding the demo content.
 */
export const startE2eApp = async (name: string, env: Record<string, string> = {}): Promise<E2eApp> => {
  const database = await createTestDatabase();
  let app: AppProcess;
  try {
    app = await startAppProcess(database.env, { SERVE_ADMIN: 'true', SEED_DEMO_CONTENT: 'true', ...env });
  } catch (error) {
    await database.drop();
    throw error;
  }
  return {
    url: app.url,
    process: app,
    async stop() {
      try {
        await app.stop();
        saveArtifact(`${name}-app.log`, app.output());
      } finally {
        await database.drop();
      }
    },
  };
};

export interface AdminCredentials {
  email: string;
  password: string;
  firstname: string;
}

/**
 * Registers the first super admin, as the admin's welcome form does on an empty database.
 * Tests then log in through the login page.
 */
export const registerFirstAdmin = async (url: string): Promise<AdminCredentials> => {
  const credentials = {
    firstname: 'Ada',
    lastname: 'Editor',
    email: `ada-${crypto.randomBytes(3).toString('hex')}@silkcouncil.test`,
    password: `Editor-${crypto.randomBytes(6).toString('hex')}-1A`,
  };
  const response = await fetch(`${url}/admin/register-admin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) throw new Error(`register-admin answered ${response.status}: ${await response.text()}`);
  return credentials;
};

export interface RestArticle {
  documentId: string;
  title: string;
  slug: string;
  views: number;
  publishedAt: string | null;
  officials?: Array<{ fullName: string }>;
}

/** GET from the public REST API, as an anonymous reader. */
export const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
};

/** The published article with this slug, with its officials and its `views`. */
export const articleBySlug = async (url: string, slug: string): Promise<RestArticle | undefined> => {
  const query = new URLSearchParams({ 'filters[slug][$eq]': slug, 'populate[officials][fields][0]': 'fullName' });
  const { data } = await getJson<{ data: RestArticle[] }>(`${url}/api/articles?${query}`);
  return data[0];
};
