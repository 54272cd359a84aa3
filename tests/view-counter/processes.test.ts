import { startTestApp, type TestApp } from '../helpers/app';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { browserUserAgent, pool, postView } from '../helpers/http';
import { ARTICLE, publish, storedTotal } from '../helpers/view-counter';

/**
 * Several Strapi processes on one database, and stopping them gracefully. The app runs in
 * child processes exactly as `strapi start` runs it; this test process also boots it, on
 * the same database, to create documents and read the stored counts.
 */
let database: TestDatabase;
let observer: TestApp;
const started: AppProcess[] = [];

const visitor = (n: number) => ({
  'X-Forwarded-For': `172.16.${Math.floor(n / 250)}.${n % 250}`,
  'User-Agent': browserUserAgent(n),
});
const processEnv = { TRUST_PROXY: 'true', VIEW_COUNTER_RATE_LIMIT: '0', CRON_ENABLED: 'false' };

const startProcess = async (env: Record<string, string> = {}) => {
  const app = await startAppProcess(database.env, { ...processEnv, ...env });
  started.push(app);
  return app;
};

beforeAll(async () => {
  database = await createTestDatabase();
  observer = await startTestApp({ CRON_ENABLED: 'false' }, { database });
});
afterAll(async () => {
  await Promise.all(started.map((app) => app.stop('SIGKILL')));
  await observer?.stop();
  await database?.drop();
});

it('two processes counting into one document give the exact total, each visitor once', async () => {
  const documentId = await publish(observer.strapi, ARTICLE, { title: 'Shared across processes' });
  const [a, b] = await Promise.all([startProcess(), startProcess()]);

  // 500 visitors only on A, 500 only on B, 200 who hit both (must count once).
  const jobs = [
    ...Array.from({ length: 500 }, (_, n) => ({ app: a, n })),
    ...Array.from({ length: 500 }, (_, n) => ({ app: b, n: 1000 + n })),
    ...Array.from({ length: 200 }, (_, n) => ({ app: a, n: 2000 + n })),
    ...Array.from({ length: 200 }, (_, n) => ({ app: b, n: 2000 + n })),
  ];
  const statuses = await pool(jobs.length, 40, async (i) => {
    const { app, n } = jobs[i];
    return (await postView(app.url, { type: 'article', documentId }, visitor(n))).status;
  });
  expect(statuses.filter((status) => status !== 202)).toEqual([]);

  expect(await a.stop('SIGTERM')).toBe(0);
  expect(await b.stop('SIGTERM')).toBe(0);
  expect(await storedTotal(observer.strapi, documentId)).toBe(1200);
});

it('a graceful stop (SIGTERM) writes every acknowledged view, including views arriving during shutdown', async () => {
  const documentId = await publish(observer.strapi, ARTICLE, { title: 'Stopped mid-stream' });
  // A long flush interval: without the shutdown flush nothing would be written at all.
  const app = await startProcess({ VIEW_COUNTER_FLUSH_MS: '60000' });

  let acknowledged = 0;
  let attempted = 0;
  let stopping: Promise<number | null> | null = null;
  await pool(1500, 20, async (n) => {
    if (stopping && app.child.exitCode !== null) return;
    attempted += 1;
    if (n === 300) stopping = app.stop('SIGTERM');
    try {
      const response = await postView(app.url, { type: 'article', documentId }, visitor(5000 + n));
      if (response.status === 202) acknowledged += 1;
    } catch {
      // connection refused or reset once the server is closing: not acknowledged
    }
  });
  expect(await stopping).toBe(0);

  const total = await storedTotal(observer.strapi, documentId);
  expect(acknowledged).toBeGreaterThanOrEqual(250);
  expect(total).toBeGreaterThanOrEqual(acknowledged);
  expect(total).toBeLessThanOrEqual(attempted);
});
