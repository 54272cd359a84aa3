import { startTestApp, type TestApp } from '../helpers/app';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { createTestDatabase, databaseClient, type TestDatabase } from '../helpers/database';
import { browserUserAgent, pool, postView } from '../helpers/http';
import { ARTICLE, publish, storedTotal } from '../helpers/view-counter';

/**
 * kill -9 while views are being recorded. The documented bound: a crash loses at most the
 * views acknowledged during the last flush interval; with VIEW_COUNTER_FLUSH_MS=0 none.
 */
let database: TestDatabase;
let observer: TestApp;
const started: AppProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  observer = await startTestApp({ CRON_ENABLED: 'false' }, { database });
});
afterAll(async () => {
  await Promise.all(started.map((app) => app.stop('SIGKILL')));
  await observer?.stop();
  await database?.drop();
});

const visitor = (n: number) => ({ 'X-Forwarded-For': `198.18.${Math.floor(n / 250)}.${n % 250}`, 'User-Agent': browserUserAgent(n) });

/** Streams views until `killAfter` are acknowledged, then SIGKILLs the process. */
const recordThenKill = async (flushMs: number, documentId: string, firstVisitor: number, killAfter: number) => {
  const app = await startAppProcess(database.env, { TRUST_PROXY: 'true', VIEW_COUNTER_RATE_LIMIT: '0', VIEW_COUNTER_FLUSH_MS: String(flushMs), CRON_ENABLED: 'false' });
  started.push(app);
  const acknowledgedAt: number[] = [];
  let killedAt = 0;
  await pool(3000, 10, async (n) => {
    if (killedAt) return;
    try {
      const response = await postView(app.url, { type: 'article', documentId }, visitor(firstVisitor + n));
      if (response.status === 202 && !killedAt) acknowledgedAt.push(Date.now());
    } catch {
      // the process is gone
    }
    if (!killedAt && acknowledgedAt.length >= killAfter) {
      killedAt = Date.now();
      app.child.kill('SIGKILL');
    }
  });
  await app.stop('SIGKILL');
  return { acknowledgedAt, killedAt };
};

it('buffered (flush every 1 s): a crash loses at most the last interval, and the data stays consistent', async () => {
  const documentId = await publish(observer.strapi, ARTICLE, { title: 'Crashed while counting' });
  const { acknowledgedAt, killedAt } = await recordThenKill(1000, documentId, 0, 400);

  const counted = await storedTotal(observer.strapi, documentId);
  const inLastInterval = acknowledgedAt.filter((at) => at > killedAt - 1000 - 250).length;
  expect(counted).toBeLessThanOrEqual(acknowledgedAt.length);
  expect(acknowledgedAt.length - counted).toBeLessThanOrEqual(inLastInterval);

  // Nothing corrupt: the per-day buckets agree with the total, and a new process counts on.
  const [{ sum }] = await observer.strapi.db.connection('view_counter_days').where({ document_id: documentId }).sum({ sum: 'views' });
  expect(Number(sum)).toBe(counted);
  if (databaseClient() === 'sqlite') {
    const [check] = await observer.strapi.db.connection.raw('pragma integrity_check');
    expect(check.integrity_check).toBe('ok');
  }
  const restarted = await startAppProcess(database.env, { TRUST_PROXY: 'true', VIEW_COUNTER_FLUSH_MS: '0' });
  started.push(restarted);
  expect((await postView(restarted.url, { type: 'article', documentId }, visitor(90_000))).status).toBe(202);
  expect(await storedTotal(observer.strapi, documentId)).toBe(counted + 1);
  expect((await fetch(`${restarted.url}/api/articles/${documentId}`)).status).toBe(200);
});

it('write-through (VIEW_COUNTER_FLUSH_MS=0): a crash loses no acknowledged view', async () => {
  const documentId = await publish(observer.strapi, ARTICLE, { title: 'Crashed while writing through' });
  const { acknowledgedAt } = await recordThenKill(0, documentId, 10_000, 200);
  const counted = await storedTotal(observer.strapi, documentId);
  expect(counted).toBeGreaterThanOrEqual(acknowledgedAt.length);
  expect(counted).toBeLessThanOrEqual(acknowledgedAt.length + 10); // at most the requests in flight
});
