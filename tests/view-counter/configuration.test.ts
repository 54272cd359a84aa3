import { startTestApp, type TestApp } from '../helpers/app';
import { startAppProcess } from '../helpers/app-process';
import { createTestDatabase } from '../helpers/database';
import { browserUserAgent, postView } from '../helpers/http';
import { publish, storedTotal } from '../helpers/view-counter';

const STATEMENT = 'api::statement.statement';

describe('counting statements by configuration alone', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ VIEW_COUNTER_CONTENT_TYPES: 'api::article.article,api::statement.statement' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('records, reports and shows views of statements', async () => {
    const url = await app.url();
    const documentId = await publish(app.strapi, STATEMENT, { title: 'Statement on Sino-American relations', kind: 'press-release' });
    expect((await postView(url, { type: 'statement', documentId }, { 'User-Agent': browserUserAgent('s1') })).status).toBe(202);
    expect(await storedTotal(app.strapi, documentId, STATEMENT)).toBe(1);

    const one = await app.http().get(`/api/statements/${documentId}`);
    expect(one.body.data.views).toBe(1);
    const top = await app.http().get('/api/view-counter/top').query({ type: 'statement', period: 'all' });
    expect(top.body.data).toEqual([
      { documentId, title: 'Statement on Sino-American relations', slug: 'statement-on-sino-american-relations', views: 1 },
    ]);
  });
});

describe('invalid configuration', () => {
  it.each([
    [{ VIEW_COUNTER_FLUSH_MS: 'soon' }, /flushMs must be an integer/],
    [{ VIEW_COUNTER_DEDUPE_MINUTES: '-5' }, /dedupeMinutes must be an integer/],
    [{ VIEW_COUNTER_CONTENT_TYPES: 'articles' }, /not a content type UID/],
    [{ VIEW_COUNTER_CONTENT_TYPES: 'api::recipe.recipe' }, /api::recipe.recipe.*not a content type/],
  ])('%j stops the app with a message naming the setting', async (env, message) => {
    const database = await createTestDatabase();
    try {
      await expect(startAppProcess(database.env, env)).rejects.toThrow(message);
    } finally {
      await database.drop();
    }
  });
});
