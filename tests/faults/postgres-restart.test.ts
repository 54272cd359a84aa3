import { execFile } from 'child_process';
import fs from 'fs';
import { promisify } from 'util';
import { startTestApp, type TestApp } from '../helpers/app';
import { databaseClient } from '../helpers/database';
import { browserUserAgent, postView } from '../helpers/http';
import { waitUntil } from '../helpers/syndication';
import { ARTICLE, publish, storedTotal } from '../helpers/view-counter';

/**
 * PostgreSQL restarted under load: the app recovers by itself, answers errors only while
 * the database is away, and counts exactly the views it acknowledged. Needs the local
 * cluster (pg_ctlcluster, run as root, as CI does); PostgreSQL runs only.
 */
const run = promisify(execFile);
const onPostgres = databaseClient() === 'postgres' && fs.existsSync('/etc/postgresql') ? it : it.skip;

const restartPostgres = async () => {
  const [version] = fs.readdirSync('/etc/postgresql');
  await run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'restart'], { timeout: 60_000 });
};

let app: TestApp;
beforeAll(async () => {
  if (databaseClient() === 'postgres') app = await startTestApp({ TRUST_PROXY: 'true', VIEW_COUNTER_RATE_LIMIT: '0', CRON_ENABLED: 'false' });
});
afterAll(async () => {
  await app?.stop();
});

onPostgres('views keep being counted exactly across a database restart', async () => {
  const url = await app.url();
  const documentId = await publish(app.strapi, ARTICLE, { title: 'Counted through an outage' });
  const results: Array<{ at: number; status: number }> = [];
  let restart: { from: number; to: number } | null = null;
  let n = 0;

  const load = async (until: number) => {
    while (Date.now() < until) {
      n += 1;
      const headers = { 'X-Forwarded-For': `203.0.${Math.floor(n / 250) % 250}.${n % 250}`, 'User-Agent': browserUserAgent(`pg-${n}`) };
      const status = await postView(url, { type: 'article', documentId }, headers).then(
        (response) => response.status,
        () => 0,
      );
      results.push({ at: Date.now(), status });
    }
  };
  const end = Date.now() + 14_000;
  const restarting = (async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const from = Date.now();
    await restartPostgres();
    restart = { from, to: Date.now() };
  })();
  await Promise.all([...Array.from({ length: 8 }, () => load(end)), restarting]);

  // Recovered by itself: content is served again without any intervention.
  await waitUntil(async () => (await app.http().get('/api/articles')).status === 200, 30_000, 'content API back');
  const acknowledged = results.filter((result) => result.status === 202).length;
  await waitUntil(async () => (await storedTotal(app.strapi, documentId).catch(() => -1)) === acknowledged, 30_000, 'exact count');

  const window = restart as unknown as { from: number; to: number };
  const errors = results.filter((result) => result.status !== 202);
  expect(acknowledged).toBeGreaterThan(100);
  for (const error of errors) {
    expect(error.at).toBeGreaterThanOrEqual(window.from);
    expect(error.at).toBeLessThanOrEqual(window.to + 5_000);
    expect(error.status).toBe(503);
  }
  expect(await storedTotal(app.strapi, documentId)).toBe(acknowledged);
});
