import { startTestApp, type TestApp } from '../helpers/app';
import { createAdmin, createRole, type AdminSession } from '../helpers/admin';
import { ARTICLE, createDraft, publish, seedViews, storedTotal } from '../helpers/view-counter';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let app: TestApp;
let admin: AdminSession;

beforeAll(async () => {
  app = await startTestApp();
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

describe('most viewed', () => {
  // recent: views only in the last hours; week: 3 days ago; month: 20 days ago; old: a year ago.
  let ids: Record<'recent' | 'week' | 'month' | 'old' | 'draft', string>;

  beforeAll(async () => {
    const now = Date.now();
    ids = {
      recent: await publish(app.strapi, ARTICLE, { title: 'Read today' }),
      week: await publish(app.strapi, ARTICLE, { title: 'Read this week' }),
      month: await publish(app.strapi, ARTICLE, { title: 'Read this month' }),
      old: await publish(app.strapi, ARTICLE, { title: 'Read last year' }),
      draft: await createDraft(app.strapi, ARTICLE, { title: 'Hidden draft' }),
    };
    await seedViews(app.strapi, ARTICLE, ids.recent, 5, now - 2 * HOUR);
    await seedViews(app.strapi, ARTICLE, ids.week, 10, now - 3 * DAY);
    await seedViews(app.strapi, ARTICLE, ids.month, 20, now - 20 * DAY);
    await seedViews(app.strapi, ARTICLE, ids.old, 40, now - 200 * DAY);
    // A draft's stored views (e.g. from before it was unpublished) never reach the public list.
    await app.strapi.db.connection('view_counter_totals').insert({ content_type: ARTICLE, document_id: ids.draft, views: 1000 });
  });

  const top = async (period: string, limit = 10) => {
    const response = await app.http().get('/api/view-counter/top').query({ type: 'article', period, limit });
    expect(response.status).toBe(200);
    return response.body as { data: Array<{ documentId: string; title: string; slug: string; views: number }>; meta: unknown };
  };

  it.each([
    ['24h', [['recent', 5]]],
    ['7d', [['week', 10], ['recent', 5]]],
    ['30d', [['month', 20], ['week', 10], ['recent', 5]]],
    ['all', [['old', 40], ['month', 20], ['week', 10], ['recent', 5]]],
  ] as const)('period %s lists published documents by views, with title and slug', async (period, expected) => {
    const { data, meta } = await top(period);
    expect(data.map((entry) => [Object.entries(ids).find(([, id]) => id === entry.documentId)?.[0], entry.views])).toEqual(expected);
    expect(data[0]).toEqual({
      documentId: expect.any(String),
      title: expect.stringMatching(/^Read /),
      slug: expect.stringMatching(/^read-/),
      views: expected[0][1],
    });
    expect(meta).toEqual({ type: 'article', period, limit: 10 });
  });

  it('honours limit and defaults to articles over 7 days', async () => {
    expect((await top('all', 2)).data).toHaveLength(2);
    const response = await app.http().get('/api/view-counter/top');
    expect(response.body.meta).toEqual({ type: 'article', period: '7d', limit: 10 });
  });

  it.each([
    [{ period: '1y' }, 'period'],
    [{ limit: '0' }, 'limit'],
    [{ limit: '1000' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ sort: 'views' }, 'sort'],
  ])('rejects %j with a 400 naming %s', async (query, field) => {
    const response = await app.http().get('/api/view-counter/top').query(query);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
  });

  it('answers 404 for a type that is not counted', async () => {
    const response = await app.http().get('/api/view-counter/top').query({ type: 'official' });
    expect(response.status).toBe(404);
  });
});

describe('one document over time', () => {
  it('gives the total and a zero-filled per-day series, oldest first', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Charted article' });
    const now = Date.now();
    await seedViews(app.strapi, ARTICLE, documentId, 3, now);
    await seedViews(app.strapi, ARTICLE, documentId, 2, now - 2 * DAY);
    await seedViews(app.strapi, ARTICLE, documentId, 7, now - 100 * DAY);

    const response = await app.http().get(`/api/view-counter/views/article/${documentId}`).query({ days: 5 });
    expect(response.status).toBe(200);
    expect(response.body.total).toBe(12);
    expect(response.body.days.map((day: { views: number }) => day.views)).toEqual([0, 0, 2, 0, 3]);
    expect(response.body.days[4].date).toBe(new Date(now).toISOString().slice(0, 10));

    const defaults = await app.http().get(`/api/view-counter/views/article/${documentId}`);
    expect(defaults.body.days).toHaveLength(30);
  });

  it('answers 404 for a draft and 400 for a bad days value', async () => {
    const draft = await createDraft(app.strapi, ARTICLE, { title: 'Draft with no public series' });
    expect((await app.http().get(`/api/view-counter/views/article/${draft}`)).status).toBe(404);
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Series input check' });
    for (const days of ['0', '400', 'abc']) {
      const response = await app.http().get(`/api/view-counter/views/article/${documentId}`).query({ days });
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain('days');
    }
  });
});

describe('large batches', () => {
  it('writes 150,000 buffered views in one flush', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Viral article' });
    expect(await seedViews(app.strapi, ARTICLE, documentId, 150_000, Date.now())).toBe(150_000);
    expect(await storedTotal(app.strapi, documentId)).toBe(150_000);
  });
});

describe('retention', () => {
  it('drops day buckets older than the retention period and keeps the all-time total', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Long-lived article' });
    const now = Date.now();
    await seedViews(app.strapi, ARTICLE, documentId, 4, now - 400 * DAY);
    await seedViews(app.strapi, ARTICLE, documentId, 1, now);
    const store = app.strapi.plugin('view-counter').service('viewStore') as { prune(windowMs: number, days: number): Promise<void> };
    await store.prune(30 * 60_000, 365);
    const days = await app.strapi.db.connection('view_counter_days').where({ document_id: documentId });
    expect(days).toHaveLength(1);
    expect(await storedTotal(app.strapi, documentId)).toBe(5);
  });
});

describe('admin routes', () => {
  let documentId: string;
  let reader: AdminSession;
  let nobody: AdminSession;

  beforeAll(async () => {
    documentId = await publish(app.strapi, ARTICLE, { title: 'Admin-checked article' });
    await seedViews(app.strapi, ARTICLE, documentId, 9, Date.now());
    reader = await createAdmin(app, [await createRole(app.strapi, 'View readers', [{ action: 'plugin::view-counter.read' }])]);
    nobody = await createAdmin(app, [await createRole(app.strapi, 'No view access', [])]);
  });

  const routes = () => [
    ['GET', '/view-counter/content-types', 'read'],
    ['GET', `/view-counter/totals?type=article&documentIds=${documentId}`, 'read'],
    ['GET', `/view-counter/views/article/${documentId}`, 'read'],
    ['GET', '/view-counter/top?period=all', 'read'],
    ['GET', '/view-counter/settings', 'settings'],
    ['PUT', '/view-counter/settings', 'settings'],
    ['DELETE', `/view-counter/views/article/${documentId}`, 'reset'],
  ] as const;

  const call = (method: string, path: string, auth?: { Authorization: string }) => {
    const request = method === 'GET' ? app.http().get(path) : method === 'PUT' ? app.http().put(path) : app.http().delete(path);
    return auth ? request.set(auth) : request;
  };

  it('refuse a request without an admin token (401)', async () => {
    for (const [method, path] of routes()) expect([method, path, (await call(method, path)).status]).toEqual([method, path, 401]);
  });

  it('refuse an admin without the plugin permissions (403)', async () => {
    for (const [method, path] of routes()) expect([method, path, (await call(method, path, nobody.auth)).status]).toEqual([method, path, 403]);
  });

  it('let an admin with only "read" read, but not reset or change settings', async () => {
    for (const [method, path, permission] of routes()) {
      const status = (await call(method, path, reader.auth)).status;
      expect([path, permission, status]).toEqual([path, permission, permission === 'read' ? 200 : 403]);
    }
  });

  it('give the list-view totals for a page of documents in one request', async () => {
    const other = await publish(app.strapi, ARTICLE, { title: 'Never viewed in admin' });
    const response = await app.http().get('/view-counter/totals').query({ type: 'article', documentIds: `${documentId},${other}` }).set(reader.auth);
    expect(response.body.data).toEqual({ [documentId]: 9, [other]: 0 });
  });

  it('validate settings and reject unknown keys', async () => {
    const bad = await app.http().put('/view-counter/settings').set(admin.auth).send({ dedupeMinutes: -1, excludeBots: true, rateLimit: 10 });
    expect(bad.status).toBe(400);
    const unknown = await app.http().put('/view-counter/settings').set(admin.auth).send({ dedupeMinutes: 5, excludeBots: true, rateLimit: 10, flushMs: 0 });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('flushMs');
    const good = await app.http().put('/view-counter/settings').set(admin.auth).send({ dedupeMinutes: 5, excludeBots: false, rateLimit: 10 });
    expect(good.body.data.settings).toEqual({ dedupeMinutes: 5, excludeBots: false, rateLimit: 10 });
    expect(good.body.data.defaults).toEqual({ dedupeMinutes: 30, excludeBots: true, rateLimit: 120 });
    await app.http().put('/view-counter/settings').set(admin.auth).send(good.body.data.defaults);
  });

  it('reset one document to zero (super admin)', async () => {
    const response = await app.http().delete(`/view-counter/views/article/${documentId}`).set(admin.auth);
    expect(response.status).toBe(200);
    expect(await storedTotal(app.strapi, documentId)).toBe(0);
    const series = await app.http().get(`/api/view-counter/views/article/${documentId}`);
    expect(series.body.total).toBe(0);
  });
});
