import type { Response } from 'supertest';
import { createApiToken } from './helpers/admin';
import { startTestApp, type TestApp } from './helpers/app';
import {
  ARTICLE,
  CONTENT_TYPES,
  DRAFT_AND_PUBLISH_TYPES,
  MEETING,
  OFFICIAL,
  ORGANIZATION,
  STATEMENT,
  countRows,
  minimalData,
  type AppUid,
  type ContentTypeInfo,
} from './helpers/content-types';
import { dataOf } from './helpers/responses';
import { restApi, type RestApi } from './helpers/rest';

type Doc = Record<string, any>;

/** Every draft-only document's title starts with this, so a leak shows up anywhere in a body. */
const SECRET = 'Secret draft';

let app: TestApp;
let anonymous: RestApi;
let readOnly: RestApi;
let fullAccess: RestApi;

/** documentId of one published document per type. */
const published: Partial<Record<AppUid, string>> = {};
/** documentId of one never-published document per draft & publish type. */
const draftOnly: Partial<Record<AppUid, string>> = {};
let rewrittenArticle: string;

const create = async (uid: AppUid, data: Doc, status?: 'published') =>
  (await app.strapi.documents(uid).create({ data: data as never, ...(status ? { status } : {}) })).documentId;

beforeAll(async () => {
  app = await startTestApp();
  anonymous = restApi(app);
  readOnly = restApi(app, await createApiToken(app.strapi, 'read-only'));
  fullAccess = restApi(app, await createApiToken(app.strapi, 'full-access'));

  published[ORGANIZATION] = await create(ORGANIZATION, { name: 'Press Office', kind: 'press-office', country: 'CN' });
  published[OFFICIAL] = await create(OFFICIAL, { fullName: 'Yang Jiechi', country: 'CN', organization: published[ORGANIZATION] });

  draftOnly[MEETING] = await create(MEETING, { title: `${SECRET} meeting`, date: '2022-04-01', participants: [published[OFFICIAL]] });
  draftOnly[STATEMENT] = await create(STATEMENT, {
    title: `${SECRET} statement`,
    issuer: published[ORGANIZATION],
    speakers: [published[OFFICIAL]],
    meeting: draftOnly[MEETING],
  });
  draftOnly[ARTICLE] = await create(ARTICLE, { title: `${SECRET} article`, officials: [published[OFFICIAL]] });

  published[MEETING] = await create(MEETING, { title: 'Rome talks', date: '2022-03-14', participants: [published[OFFICIAL]] }, 'published');
  published[STATEMENT] = await create(
    STATEMENT,
    { title: 'Statement on Sino-American relations', issuer: published[ORGANIZATION], meeting: published[MEETING] },
    'published',
  );
  published[ARTICLE] = await create(
    ARTICLE,
    {
      title: 'Recent China-US talks',
      officials: [published[OFFICIAL]],
      statements: [published[STATEMENT], draftOnly[STATEMENT]],
      meetings: [published[MEETING], draftOnly[MEETING]],
    },
    'published',
  );
  // The article's draft links the draft-only documents too, as an editor mid-work would.
  await app.strapi.documents(ARTICLE).update({
    documentId: published[ARTICLE],
    data: { statements: [published[STATEMENT], draftOnly[STATEMENT]], meetings: [published[MEETING], draftOnly[MEETING]] } as never,
  });

  rewrittenArticle = await create(ARTICLE, { title: 'Original headline', excerpt: 'As published.' }, 'published');
  await app.strapi.documents(ARTICLE).update({
    documentId: rewrittenArticle,
    data: { title: `${SECRET}: unpublished rewrite`, excerpt: `${SECRET} excerpt.` } as never,
  });
});

afterAll(async () => {
  await app?.stop();
});

const byType = (types: readonly ContentTypeInfo[]) => types.map((type) => [type.path, type] as const);

/** Not a server error, and nothing of any draft-only document or unpublished edit in the body. */
const expectNoDrafts = (response: Response) => {
  expect(response.status).toBeLessThan(500);
  expect(JSON.stringify(response.body)).not.toContain(SECRET);
};

describe('Public reads published documents of every type', () => {
  it.each(byType(CONTENT_TYPES))('GET /api/%s lists them and GET /api/%s/:documentId returns one', async (path, type) => {
    const list = await anonymous.get(`/${path}`);
    expect(list.status).toBe(200);
    expect(dataOf<Doc[]>(list).map((doc) => doc.documentId)).toContain(published[type.uid]);

    const one = await anonymous.get(`/${path}/${published[type.uid]}`);
    expect(one.status).toBe(200);
    expect(dataOf(one).documentId).toBe(published[type.uid]);
  });
});

describe('Public cannot write', () => {
  it.each(byType(CONTENT_TYPES))('POST, PUT and DELETE on /api/%s are 403 and change nothing', async (path, type) => {
    const before = await countRows(app.strapi, type.uid);
    const documentId = published[type.uid]!;
    const original = await app.strapi.documents(type.uid).findOne({ documentId, status: 'published' });

    expect((await anonymous.create(path, minimalData(type, 'Written by a stranger'))).status).toBe(403);
    expect((await anonymous.update(path, documentId, { [type.titleField]: 'Defaced' })).status).toBe(403);
    expect((await anonymous.remove(path, documentId)).status).toBe(403);

    expect(await countRows(app.strapi, type.uid)).toBe(before);
    expect(await app.strapi.documents(type.uid).findOne({ documentId, status: 'published' })).toEqual(original);
  });

  it.each(byType(DRAFT_AND_PUBLISH_TYPES))('nor publish or delete a draft through /api/%s', async (path, type) => {
    const documentId = draftOnly[type.uid]!;
    expect((await anonymous.update(path, documentId, { [type.titleField]: 'Published by a stranger' })).status).toBe(403);
    expect((await anonymous.remove(path, documentId)).status).toBe(403);
    expect(await app.strapi.documents(type.uid).findOne({ documentId, status: 'published' })).toBeNull();
    expect(await app.strapi.documents(type.uid).findOne({ documentId, status: 'draft' })).not.toBeNull();
  });

  it('nor read the user accounts', async () => {
    expect((await anonymous.get('/users')).status).toBe(403);
  });
});

describe('drafts never reach Public', () => {
  it.each(byType(DRAFT_AND_PUBLISH_TYPES))('%s: not in the list, and findOne is a 404', async (path, type) => {
    const list = await anonymous.get(`/${path}?pagination[pageSize]=100`);
    expect(list.status).toBe(200);
    expectNoDrafts(list);
    expect((await anonymous.get(`/${path}/${draftOnly[type.uid]}`)).status).toBe(404);
  });

  it.each(byType(DRAFT_AND_PUBLISH_TYPES))('%s: asking for ?status=draft (or any other status) reveals nothing', async (path, type) => {
    for (const status of ['draft', 'DRAFT', 'preview', 'anything']) {
      expectNoDrafts(await anonymous.get(`/${path}?status=${status}`));
      const one = await anonymous.get(`/${path}/${draftOnly[type.uid]}?status=${status}`);
      expect({ status, code: one.status }).toEqual({ status, code: 404 });
    }
  });

  it.each(byType(DRAFT_AND_PUBLISH_TYPES))('%s: filtering on a draft title finds nothing', async (path) => {
    for (const filter of [`filters[title][$eq]=${encodeURIComponent(`${SECRET} ${path.slice(0, -1)}`)}`, 'filters[title][$containsi]=secret']) {
      const response = await anonymous.get(`/${path}?${filter}`);
      expect(dataOf<Doc[]>(response)).toEqual([]);
      expectNoDrafts(await anonymous.get(`/${path}?${filter}&status=draft`));
    }
  });

  it('filtering published documents through a relation to a draft finds nothing', async () => {
    for (const query of [
      `/articles?filters[statements][title][$eq]=${encodeURIComponent(`${SECRET} statement`)}`,
      `/officials?filters[meetings][title][$containsi]=secret`,
      `/organizations?filters[issuedStatements][title][$containsi]=secret`,
      `/articles?filters[officials][meetings][title][$containsi]=secret`,
      `/officials?filters[$or][0][statements][title][$containsi]=secret&filters[$or][1][fullName][$eq]=nobody`,
    ]) {
      const response = await anonymous.get(query);
      expect({ query, data: dataOf<Doc[]>(response) }).toEqual({ query, data: [] });
    }
  });

  it('filters inside a populate cannot probe drafts either', async () => {
    const article = dataOf(
      await anonymous.get(`/articles/${published[ARTICLE]}?populate[officials][filters][meetings][title][$containsi]=secret`),
    );
    expect(article.officials).toEqual([]);
    // The same populate without the probe does list the official: the filter, not the populate, emptied it.
    const unfiltered = dataOf(await anonymous.get(`/articles/${published[ARTICLE]}?populate[officials][filters][fullName][$eq]=Yang%20Jiechi`));
    expect(unfiltered.officials.map((official: Doc) => official.fullName)).toEqual(['Yang Jiechi']);
  });

  it('populating relations of published documents leaves the drafts out', async () => {
    const queries = [
      `/articles/${published[ARTICLE]}?populate[statements]=true&populate[meetings]=true`,
      `/articles/${published[ARTICLE]}?populate=*`,
      `/officials/${published[OFFICIAL]}?populate[meetings]=true&populate[statements]=true&populate[articles]=true`,
      `/organizations/${published[ORGANIZATION]}?populate[issuedStatements]=true`,
      `/meetings/${published[MEETING]}?populate[statements]=true&populate[participants][populate]=*`,
    ];
    for (const query of queries) {
      for (const suffix of ['', '&status=draft']) {
        const response = await anonymous.get(`${query}${suffix}`);
        expect(response.status).toBe(200);
        expectNoDrafts(response);
      }
    }
    const article = dataOf(await anonymous.get(queries[0]));
    expect(article.statements.map((statement: Doc) => statement.title)).toEqual(['Statement on Sino-American relations']);
    expect(article.meetings.map((meeting: Doc) => meeting.title)).toEqual(['Rome talks']);
  });

  it('a published article with a newer, unpublished draft shows Public the published version', async () => {
    const one = dataOf(await anonymous.get(`/articles/${rewrittenArticle}`));
    expect(one).toMatchObject({ title: 'Original headline', excerpt: 'As published.' });

    for (const query of ['/articles', '/articles?status=draft', `/articles/${rewrittenArticle}?status=draft`, '/articles?filters[slug][$eq]=original-headline']) {
      const response = await anonymous.get(query);
      expectNoDrafts(response);
      expect(JSON.stringify(response.body)).toContain('Original headline');
    }
  });
});

describe('API tokens', () => {
  it.each(byType(CONTENT_TYPES))('a read-only token reads /api/%s but cannot write it', async (path, type) => {
    expect((await readOnly.get(`/${path}`)).status).toBe(200);
    expect(dataOf(await readOnly.get(`/${path}/${published[type.uid]}`)).documentId).toBe(published[type.uid]);

    const before = await countRows(app.strapi, type.uid);
    expect((await readOnly.create(path, minimalData(type, 'Written with a read-only token'))).status).toBe(403);
    expect((await readOnly.update(path, published[type.uid]!, { [type.titleField]: 'Defaced' })).status).toBe(403);
    expect((await readOnly.remove(path, published[type.uid]!)).status).toBe(403);
    expect(await countRows(app.strapi, type.uid)).toBe(before);
  });

  it('a server-side frontend with a token may still preview drafts with ?status=draft', async () => {
    const preview = await fullAccess.get(`/articles/${rewrittenArticle}?status=draft`);
    expect(dataOf(preview).title).toBe(`${SECRET}: unpublished rewrite`);
    expect(dataOf(await readOnly.get(`/statements/${draftOnly[STATEMENT]}?status=draft`)).title).toBe(`${SECRET} statement`);
  });
});
