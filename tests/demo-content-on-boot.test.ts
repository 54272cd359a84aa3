import { startTestApp, type TestApp } from './helpers/app';
import { ARTICLE, CONTENT_TYPES, countRows } from './helpers/content-types';
import { createTestDatabase, type TestDatabase } from './helpers/database';
import { DEMO_COUNTS, countDocuments } from './helpers/demo-content';
import { dataOf } from './helpers/responses';

/** What `npm run develop` does: demo content on. */
const DEVELOP_ENV = { SEED_DEMO_CONTENT: 'true' };

let database: TestDatabase;
let app: TestApp | undefined;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await app?.stop();
  await database?.drop();
});

it('the first boot on an empty database loads the demo content, published', async () => {
  app = await startTestApp(DEVELOP_ENV, { database });
  for (const { uid, count } of DEMO_COUNTS) {
    expect({ uid, documents: await countDocuments(app.strapi, uid) }).toEqual({ uid, documents: count });
  }
  const articles = dataOf<Array<Record<string, unknown>>>(await app.http().get('/api/articles?filters[slug][$eq]=recent-china-us-talks'));
  expect(articles.map((article) => article.title)).toEqual(['Recent China-US talks']);
});

it('a later boot does not load it again, even after an editor deleted the article', async () => {
  const [article] = await app!.strapi.documents(ARTICLE).findMany({ filters: { slug: 'recent-china-us-talks' } });
  await app!.strapi.documents(ARTICLE).delete({ documentId: article.documentId });
  const rowsBefore = await Promise.all(CONTENT_TYPES.map((type) => countRows(app!.strapi, type.uid)));
  await app!.stop();

  app = await startTestApp(DEVELOP_ENV, { database });
  expect(await countRows(app.strapi, ARTICLE)).toBe(0);
  expect(await Promise.all(CONTENT_TYPES.map((type) => countRows(app!.strapi, type.uid)))).toEqual(rowsBefore);
});
