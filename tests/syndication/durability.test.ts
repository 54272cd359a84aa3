import { startTestApp, type TestApp } from '../helpers/app';
import { startAppProcess, type AppProcess } from '../helpers/app-process';
import { createTestDatabase, databaseClient, type TestDatabase } from '../helpers/database';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { createSubscriber, deliveryRows, verify, waitUntil } from '../helpers/syndication';
import { ARTICLE, publish } from '../helpers/view-counter';

const env = {
  SYNDICATION_ALLOW_PRIVATE_TARGETS: 'true',
  SYNDICATION_RETRY_SCHEDULE: '1s,1s,1s,1s,1s',
  SYNDICATION_POLL_MS: '200',
  CRON_ENABLED: 'false',
};

let database: TestDatabase;
let receiver: Receiver;

beforeEach(async () => {
  database = await createTestDatabase();
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver?.close();
  await database?.drop();
});

it('a restart with deliveries still pending delivers them', async () => {
  let app: TestApp | null = await startTestApp(env, { database });
  const { secret } = await createSubscriber(app.strapi, { name: 'Partner', url: receiver.url });
  await receiver.down();
  const documentId = await publish(app.strapi, ARTICLE, { title: 'Published before the restart' });
  await waitUntil(async () => (await deliveryRows(app!.strapi)).some((row) => row.attempts >= 1), 10_000, 'a failed attempt');
  await app.stop();
  app = null;

  await receiver.reopen();
  const restarted = await startTestApp(env, { database });
  try {
    const [request] = await receiver.waitFor(1);
    const event = verify(secret, request);
    expect(event).toMatchObject({ type: 'article.published', data: { documentId } });
    await waitUntil(async () => (await deliveryRows(restarted.strapi)).every((row) => row.status === 'delivered'), 10_000, 'delivered');
  } finally {
    await restarted.stop();
  }
});

// Scale-out means several processes on one PostgreSQL database (SQLite is the single-process
// embedded default: its deferred transactions fail with SQLITE_BUSY across processes).
const onPostgres = databaseClient() === 'postgres' ? it : it.skip;

onPostgres('several processes on one PostgreSQL database send each event exactly once', async () => {
  // Retries every second for a minute: publishing all articles takes a while.
  const patient = { ...env, SYNDICATION_RETRY_SCHEDULE: Array.from({ length: 60 }, () => '1s').join(',') };
  const observer = await startTestApp(patient, { database });
  const processes: AppProcess[] = [];
  try {
    const { secret } = await createSubscriber(observer.strapi, { name: 'Partner', url: receiver.url });
    processes.push(...(await Promise.all([startAppProcess(database.env, patient), startAppProcess(database.env, patient)])));

    // The partner is down while everything is published, so every process's worker then
    // competes for the same retries when it comes back.
    await receiver.down();
    const published = 60;
    for (let i = 0; i < published; i += 1) await publish(observer.strapi, ARTICLE, { title: `Scale-out article ${i}` });
    await waitUntil(async () => (await deliveryRows(observer.strapi)).every((row) => row.attempts >= 1), 20_000, 'first attempts');
    await receiver.reopen();
    await receiver.waitFor(published, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // let any duplicate arrive
    const ids = receiver.requests.map((request) => verify(secret, request).id);
    expect(ids).toHaveLength(published);
    expect(new Set(ids).size).toBe(published);
    const delivered = await observer.strapi.db.connection('syndication_attempts').where({ outcome: 'delivered' });
    expect(new Set(delivered.map((row) => row.delivery_id)).size).toBe(published);
    expect(new Set(delivered.map((row) => row.worker)).size).toBeGreaterThan(1); // the work really was shared
  } finally {
    await Promise.all(processes.map((app) => app.stop('SIGTERM')));
    await observer.stop();
  }
});
