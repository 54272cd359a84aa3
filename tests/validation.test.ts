import type { Response } from 'supertest';
import { createAdmin, createApiToken } from './helpers/admin';
import { startTestApp, type TestApp } from './helpers/app';
import { contentManager, type ContentManager } from './helpers/content-manager';
import { ARTICLE, CONTENT_TYPES, MEETING, OFFICIAL, ORGANIZATION, STATEMENT, countRows, type AppUid } from './helpers/content-types';
import { dataOf, expectValidationError } from './helpers/responses';
import { restApi, type RestApi } from './helpers/rest';

type Data = Record<string, unknown>;

interface BadInput {
  what: string;
  uid: AppUid;
  data: Data;
  /** The field the 400 must name, as a dotted path. */
  field: string;
}

const pathOf = (uid: AppUid) => CONTENT_TYPES.find((type) => type.uid === uid)!.path;

/** Bad values on top of otherwise valid data: each must be refused whether it is a draft or not. */
const BAD_FORMATS: BadInput[] = [
  { what: 'an unknown organization kind', uid: ORGANIZATION, data: { name: 'A blog', kind: 'blog' }, field: 'kind' },
  { what: 'an unknown statement kind', uid: STATEMENT, data: { title: 'A post', kind: 'blog' }, field: 'kind' },
  { what: 'an unknown meeting format', uid: MEETING, data: { title: 'Talks', date: '2022-03-14', format: 'teleport' }, field: 'format' },
  { what: 'a website that is not a URL', uid: ORGANIZATION, data: { name: 'Press Office', website: 'not a url' }, field: 'website' },
  { what: 'a statement source that is not a URL', uid: STATEMENT, data: { title: 'Readout', sourceUrl: 'press office' }, field: 'sourceUrl' },
  {
    what: "a source's URL that is not a URL",
    uid: ARTICLE,
    data: { title: 'Analysis', sources: [{ label: 'Press Office', url: 'https://press.example.org' }, { label: 'Blog', url: 'javascript:alert(1)' }] },
    field: 'sources.1.url',
  },
  { what: 'a canonical URL that is not a URL', uid: ARTICLE, data: { title: 'Analysis', seo: { canonicalUrl: 'silkcouncil/page' } }, field: 'seo.canonicalUrl' },
  { what: 'an unassigned country code', uid: ORGANIZATION, data: { name: 'Nowhere office', country: 'ZZ' }, field: 'country' },
  { what: 'a three-letter country code', uid: OFFICIAL, data: { fullName: 'Jake Sullivan', country: 'USA' }, field: 'country' },
  { what: 'a country name', uid: MEETING, data: { title: 'Rome talks', date: '2022-03-14', country: 'Italy' }, field: 'country' },
  { what: 'topics that are not a list', uid: ARTICLE, data: { title: 'Analysis', topics: 'Taiwan, Tibet' }, field: 'topics' },
  { what: 'topics that are not texts', uid: ARTICLE, data: { title: 'Analysis', topics: ['Taiwan', 42] }, field: 'topics' },
  { what: 'an empty topic', uid: ARTICLE, data: { title: 'Analysis', topics: ['Taiwan', ''] }, field: 'topics' },
  { what: 'a language that is not a language tag', uid: STATEMENT, data: { title: 'Readout', language: 'English' }, field: 'language' },
  { what: 'a title that is a number', uid: ARTICLE, data: { title: 123 }, field: 'title' },
  { what: 'a title that is an object', uid: STATEMENT, data: { title: { en: 'Readout' } }, field: 'title' },
  { what: 'a name that is a list', uid: ORGANIZATION, data: { name: ['Press', 'Office'] }, field: 'name' },
  { what: 'an excerpt over its maximum length', uid: ARTICLE, data: { title: 'Analysis', excerpt: 'x'.repeat(601) }, field: 'excerpt' },
  { what: 'a date that is not a date', uid: MEETING, data: { title: 'Talks', date: 'next week' }, field: 'date' },
  { what: 'a day that is not in the calendar', uid: STATEMENT, data: { title: 'Readout', issuedOn: '2022-02-30' }, field: 'issuedOn' },
];

/** Required fields: a draft may lack them, a published document may not. */
const MISSING_REQUIRED: BadInput[] = [
  { what: 'an article without a title', uid: ARTICLE, data: { excerpt: 'No title yet' }, field: 'title' },
  { what: 'a meeting without a date', uid: MEETING, data: { title: 'Talks' }, field: 'date' },
  { what: 'an organization without a name', uid: ORGANIZATION, data: { kind: 'ministry' }, field: 'name' },
  { what: 'an official without a name', uid: OFFICIAL, data: { position: 'Foreign Minister' }, field: 'fullName' },
];

const UNKNOWN_FIELD: BadInput = { what: 'an unknown field', uid: ARTICLE, data: { title: 'Analysis', author: 'Jane' }, field: 'author' };

const cases = (inputs: BadInput[]) => inputs.map((input) => [input.what, input] as const);

let app: TestApp;
let cm: ContentManager;
let tokenAuth: Record<string, string>;
let withToken: RestApi;

beforeAll(async () => {
  app = await startTestApp();
  cm = contentManager(app, await createAdmin(app));
  tokenAuth = await createApiToken(app.strapi, 'full-access');
  withToken = restApi(app, tokenAuth);
});

afterAll(async () => {
  await app?.stop();
});

/** Runs a write that must be refused, and checks it is a 400 naming the field that left no row behind. */
const expectRefused = async (input: BadInput, write: () => Promise<Response>) => {
  const before = await countRows(app.strapi, input.uid);
  expectValidationError(await write(), input.field);
  expect(await countRows(app.strapi, input.uid)).toBe(before);
};

describe('REST with a full-access token: a 400 naming the field, nothing written', () => {
  it.each(cases([...BAD_FORMATS, ...MISSING_REQUIRED, UNKNOWN_FIELD]))('create with %s', async (_what, input) => {
    await expectRefused(input, () => withToken.create(pathOf(input.uid), input.data));
  });

  it.each(cases(BAD_FORMATS))('create as a draft (?status=draft) with %s', async (_what, input) => {
    await expectRefused(input, () => withToken.create(pathOf(input.uid), input.data, '?status=draft'));
  });

  it('a body without "data" or with "data" that is not an object', async () => {
    const before = await countRows(app.strapi, ARTICLE);
    for (const body of [{}, { data: 'Recent China-US talks' }, { data: ['Recent China-US talks'] }, { data: null }]) {
      const response = await app.http().post('/api/articles').set(tokenAuth).send(body);
      expect({ body, status: response.status, name: response.body?.error?.name }).toEqual({ body, status: 400, name: 'ValidationError' });
    }
    expect(await countRows(app.strapi, ARTICLE)).toBe(before);
  });

  it('an update with a bad value leaves the published document as it was', async () => {
    const organization = dataOf(await withToken.create('organizations', { name: 'Chinese government', country: 'CN', website: 'https://gov.example.org' }));
    expectValidationError(await withToken.update('organizations', organization.documentId, { website: 'gov.example.org', country: 'China' }), 'website');
    const stored = await app.strapi.documents(ORGANIZATION).findOne({ documentId: organization.documentId });
    expect(stored).toMatchObject({ country: 'CN', website: 'https://gov.example.org' });
  });

  it('an update with every error names each field', async () => {
    const article = dataOf(await withToken.create('articles', { title: 'Analysis with errors' }));
    const response = await withToken.update('articles', article.documentId, { topics: 'x', seo: { canonicalUrl: 'nope' } });
    expectValidationError(response, 'topics');
    expectValidationError(response, 'seo.canonicalUrl');
  });
});

describe('admin Content Manager: a 400 naming the field, nothing written', () => {
  it.each(cases(BAD_FORMATS))('saving a draft with %s', async (_what, input) => {
    await expectRefused(input, () => cm.create(input.uid, input.data));
  });

  it.each(cases(BAD_FORMATS))('publishing a new document with %s', async (_what, input) => {
    await expectRefused(input, () => cm.createPublished(input.uid, input.data));
  });

  it.each(cases(MISSING_REQUIRED))('publishing %s', async (_what, input) => {
    await expectRefused(input, () => cm.createPublished(input.uid, input.data));
  });

  it('a draft may lack its title until it is published', async () => {
    const draft = dataOf(await cm.create(ARTICLE, { excerpt: 'Notes for later' }));
    expect(draft.publishedAt).toBeNull();
    expectValidationError(await cm.publish(ARTICLE, draft.documentId, { excerpt: 'Notes for later' }), 'title');
    expect(await app.strapi.documents(ARTICLE).findOne({ documentId: draft.documentId, status: 'published' })).toBeNull();
  });

  it('saving a bad value over a draft leaves the draft as it was', async () => {
    const draft = dataOf(await cm.create(MEETING, { title: 'Rome talks', date: '2022-03-14', country: 'IT' }));
    expectValidationError(await cm.update(MEETING, draft.documentId, { country: 'ROM' }), 'country');
    expectValidationError(await cm.update(MEETING, draft.documentId, { format: 'carrier pigeon' }), 'format');
    const stored = await app.strapi.documents(MEETING).findOne({ documentId: draft.documentId, status: 'draft' });
    expect(stored).toMatchObject({ country: 'IT', format: 'in-person' });
  });

  it('an unknown field is a 400 naming it, and nothing is written', async () => {
    const before = await app.strapi.documents(ARTICLE).count({ status: 'draft' } as never);
    expectValidationError(await cm.create(ARTICLE, { title: 'Misspelt field', author: 'Jane' }), 'author');
    expect(await app.strapi.documents(ARTICLE).count({ status: 'draft' } as never)).toBe(before);
    const draft = dataOf(await cm.create(ARTICLE, { title: 'Kept as it was' }));
    expectValidationError(await cm.update(ARTICLE, draft.documentId, { titel: 'Typo' }), 'titel');
  });
});

describe('country codes are stored upper case', () => {
  it('"us" through REST is stored and served as "US"', async () => {
    const official = dataOf(await withToken.create('officials', { fullName: 'Joe Biden', country: 'us' }));
    expect(official.country).toBe('US');
    expect(dataOf(await app.http().get(`/api/officials/${official.documentId}`)).country).toBe('US');
  });

  it('" cn " in the admin is stored as "CN"', async () => {
    const organization = dataOf(await cm.create(ORGANIZATION, { name: 'Ministry of Foreign Affairs', kind: 'ministry', country: ' cn ' }));
    expect(organization.country).toBe('CN');
    const stored = await app.strapi.documents(ORGANIZATION).findOne({ documentId: organization.documentId });
    expect(stored?.country).toBe('CN');
  });
});

describe('topics are stored as a clean list', () => {
  it('trims and removes duplicates', async () => {
    const article = dataOf(await withToken.create('articles', { title: 'Topics', topics: [' Taiwan', 'Taiwan ', 'Tibet'] }));
    expect(article.topics).toEqual(['Taiwan', 'Tibet']);
  });
});
