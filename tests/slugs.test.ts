import { loadDemoContent } from '../src/demo-content/load-demo-content';
import { createAdmin, createApiToken } from './helpers/admin';
import { startTestApp, type TestApp } from './helpers/app';
import { contentManager, type ContentManager } from './helpers/content-manager';
import { ARTICLE, CONTENT_TYPES, MEETING, OFFICIAL, ORGANIZATION, minimalData } from './helpers/content-types';
import { dataOf, expectValidationError } from './helpers/responses';
import { restApi, type RestApi } from './helpers/rest';

type Doc = Record<string, any>;

const SLUG_FORMAT = /^[a-z0-9]+(-[a-z0-9]+)*$/;

let app: TestApp;
let cm: ContentManager;
let withToken: RestApi;
let anonymous: RestApi;

beforeAll(async () => {
  app = await startTestApp();
  cm = contentManager(app, await createAdmin(app));
  withToken = restApi(app, await createApiToken(app.strapi, 'full-access'));
  anonymous = restApi(app);
});

afterAll(async () => {
  await app?.stop();
});

/** What Public gets for a slug: the list filtered by it. */
const publicBySlug = async (path: string, slug: string) =>
  dataOf<Doc[]>(await anonymous.get(`/${path}?filters[slug][$eq]=${encodeURIComponent(slug)}`));

const draftSlugOf = async (documentId: string) =>
  ((await app.strapi.documents(ARTICLE).findOne({ documentId, status: 'draft' })) as Doc | null)?.slug;

describe('slugs are derived from the title or name', () => {
  it.each(CONTENT_TYPES.map((type) => [type.path, type] as const))('%s: created in the admin', async (_path, type) => {
    const created = dataOf(await cm.create(type.uid, minimalData(type, `Talks in Rome, Italy (${type.path})`)));
    expect(created.slug).toBe(`talks-in-rome-italy-${type.path}`);
  });

  it.each(CONTENT_TYPES.map((type) => [type.path, type] as const))('%s: created through REST with a token', async (_path, type) => {
    const created = dataOf(await withToken.create(type.path, minimalData(type, `Zurich: the second meeting (${type.path})`)));
    expect(created.slug).toBe(`zurich-the-second-meeting-${type.path}`);
  });

  it('the demo loader stores the slugs the frontend links to', async () => {
    await loadDemoContent(app.strapi);
    expect(await publicBySlug('articles', 'recent-china-us-talks')).toEqual([expect.objectContaining({ title: 'Recent China-US talks' })]);
    expect(await publicBySlug('officials', 'yang-jiechi')).toEqual([expect.objectContaining({ fullName: 'Yang Jiechi' })]);
    expect(await publicBySlug('meetings', 'rome-talks')).toEqual([expect.objectContaining({ title: 'Rome talks' })]);
  });

  it('a second and third "Recent China-US talks" get their own slugs, in the admin and through REST', async () => {
    const second = dataOf(await cm.createPublished(ARTICLE, { title: 'Recent China-US talks' }));
    expect(second.slug).toBe('recent-china-us-talks-2');

    const third = dataOf(await withToken.create('articles', { title: 'Recent China-US talks' }));
    expect(third.slug).toBe('recent-china-us-talks-3');

    for (const [slug, documentId] of [['recent-china-us-talks-2', second.documentId], ['recent-china-us-talks-3', third.documentId]]) {
      expect((await publicBySlug('articles', slug)).map((article) => article.documentId)).toEqual([documentId]);
    }
  });

  it('the admin pre-fills the slug from the title: a duplicate pre-filled slug is made unique, not refused', async () => {
    const created = dataOf(await cm.create(ARTICLE, { title: 'Recent China-US talks', slug: 'recent-china-us-talks' }));
    expect(created.slug).toBe('recent-china-us-talks-4');
  });

  it('a title of only Chinese characters still gets a usable slug', async () => {
    const first = dataOf(await cm.createPublished(ARTICLE, { title: '杨洁篪会见沙利文' }));
    const second = dataOf(await withToken.create('articles', { title: '杨洁篪会见沙利文' }));
    const other = dataOf(await withToken.create('articles', { title: '中美关系' }));

    for (const article of [first, second, other]) {
      expect(article.slug).toMatch(SLUG_FORMAT);
      expect(article.slug).toMatch(/^article-/);
    }
    expect(new Set([first.slug, second.slug, other.slug]).size).toBe(3);
    expect((await publicBySlug('articles', first.slug)).map((article) => article.title)).toEqual(['杨洁篪会见沙利文']);
  });

  it('an official with a Chinese-only name gets a slug too', async () => {
    const official = dataOf(await withToken.create('officials', { fullName: '王毅' }));
    expect(official.slug).toMatch(SLUG_FORMAT);
    expect(official.slug).toMatch(/^official-/);
  });

  it('slugs are unique per type: an official and an organization may share one', async () => {
    const official = dataOf(await withToken.create('officials', { fullName: 'Lin Jian' }));
    const organization = dataOf(await withToken.create('organizations', { name: 'Lin Jian' }));
    expect([official.slug, organization.slug]).toEqual(['lin-jian', 'lin-jian']);
    expect(await app.strapi.db.query(OFFICIAL).count({ where: { slug: 'lin-jian' } })).toBe(1);
    expect(await app.strapi.db.query(ORGANIZATION).count({ where: { slug: 'lin-jian' } })).toBe(1);
  });
});

describe('the slug follows the title until the first publication', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = dataOf(await cm.create(ARTICLE, { title: 'Working title' })).documentId;
  });

  it('renaming a draft renames its slug, also when the admin sends the old slug back', async () => {
    expect(dataOf(await cm.update(ARTICLE, documentId, { title: 'Better title' })).slug).toBe('better-title');
    expect(dataOf(await cm.update(ARTICLE, documentId, { title: 'Final title', slug: 'better-title' })).slug).toBe('final-title');
  });

  it('once published, a new title leaves the slug alone and Public still finds it there', async () => {
    expect(dataOf(await cm.publish(ARTICLE, documentId)).slug).toBe('final-title');

    expect(dataOf(await cm.update(ARTICLE, documentId, { title: 'Final title, revised', slug: 'final-title' })).slug).toBe('final-title');
    expect(dataOf(await cm.publish(ARTICLE, documentId)).slug).toBe('final-title');
    expect((await publicBySlug('articles', 'final-title')).map((article) => article.title)).toEqual(['Final title, revised']);
    expect(await publicBySlug('articles', 'final-title-revised')).toEqual([]);
  });

  it('stays after an unpublish too: it was out in the world', async () => {
    expect((await cm.unpublish(ARTICLE, documentId)).status).toBe(200);
    expect(dataOf(await cm.update(ARTICLE, documentId, { title: 'Withdrawn piece' })).slug).toBe('final-title');
  });

  it('a REST update of a published title keeps the slug', async () => {
    const created = dataOf(await withToken.create('meetings', { title: 'Follow-up call', date: '2022-04-01' }));
    expect(created.slug).toBe('follow-up-call');
    const updated = dataOf(await withToken.update('meetings', created.documentId, { title: 'Follow-up video call' }));
    expect(updated).toMatchObject({ title: 'Follow-up video call', slug: 'follow-up-call' });
    expect((await publicBySlug('meetings', 'follow-up-call')).map((meeting) => meeting.title)).toEqual(['Follow-up video call']);
  });

  it('organizations and officials have no drafts: their slug is fixed from creation', async () => {
    const organization = dataOf(await cm.create(ORGANIZATION, { name: 'Foreign Affairs Office' }));
    const renamed = dataOf(await cm.update(ORGANIZATION, organization.documentId, { name: 'Central Foreign Affairs Office' }));
    expect(renamed).toMatchObject({ name: 'Central Foreign Affairs Office', slug: 'foreign-affairs-office' });
  });
});

describe('editors can set the slug', () => {
  let documentId: string;

  beforeAll(async () => {
    documentId = dataOf(await cm.create(ARTICLE, { title: 'Rome, March 14' })).documentId;
  });

  it('a custom slug is normalized', async () => {
    expect(dataOf(await cm.update(ARTICLE, documentId, { slug: 'My Custom Slug!' })).slug).toBe('my-custom-slug');
  });

  it('a customised slug no longer follows the title of a draft', async () => {
    expect(dataOf(await cm.update(ARTICLE, documentId, { title: 'Rome, March 14, 2022', slug: 'my-custom-slug' })).slug).toBe('my-custom-slug');
  });

  it('clearing the slug regenerates it from the title', async () => {
    expect(dataOf(await cm.update(ARTICLE, documentId, { slug: '' })).slug).toBe('rome-march-14-2022');
    expect(dataOf(await cm.update(ARTICLE, documentId, { slug: 'my-custom-slug' })).slug).toBe('my-custom-slug');
    expect(dataOf(await cm.update(ARTICLE, documentId, { slug: null })).slug).toBe('rome-march-14-2022');
  });

  it('a published slug can be changed on purpose', async () => {
    expect((await cm.publish(ARTICLE, documentId)).status).toBe(200);
    expect(dataOf(await cm.update(ARTICLE, documentId, { slug: 'rome-2022' })).slug).toBe('rome-2022');
    expect(dataOf(await cm.publish(ARTICLE, documentId)).slug).toBe('rome-2022');
    expect((await publicBySlug('articles', 'rome-2022')).map((article) => article.documentId)).toEqual([documentId]);
  });

  it('a slug another document has is a 400 naming slug, and nothing changes (admin)', async () => {
    const response = await cm.update(ARTICLE, documentId, { slug: 'recent-china-us-talks' });
    expectValidationError(response, 'slug');
    expect(await draftSlugOf(documentId)).toBe('rome-2022');
  });

  it('the same through REST, on update and on create', async () => {
    const taken = await withToken.update('articles', documentId, { slug: 'Recent China-US Talks' });
    expectValidationError(taken, 'slug');
    expect(await draftSlugOf(documentId)).toBe('rome-2022');

    const before = await app.strapi.db.query(MEETING).count();
    expectValidationError(await withToken.create('meetings', { title: 'Another meeting', date: '2022-01-01', slug: 'rome-talks' }), 'slug');
    expect(await app.strapi.db.query(MEETING).count()).toBe(before);
  });

  it('a slug with no letters or digits is refused', async () => {
    expectValidationError(await cm.update(ARTICLE, documentId, { slug: '!!!' }), 'slug');
  });
});
