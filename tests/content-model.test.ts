import { createAdmin, createApiToken } from './helpers/admin';
import { startTestApp, type TestApp } from './helpers/app';
import { contentManager, type ContentManager } from './helpers/content-manager';
import { MEETING, OFFICIAL, ORGANIZATION, STATEMENT } from './helpers/content-types';
import { dataOf } from './helpers/responses';
import { restApi, type RestApi } from './helpers/rest';

type Doc = Record<string, any>;

let app: TestApp;
let cm: ContentManager;
let withToken: RestApi;
let anonymous: RestApi;

/** documentIds of what the tests below create, by a readable key. */
const ids: Record<string, string> = {};

const titlesOf = (docs: Doc[], field = 'title') => docs.map((doc) => doc[field]).sort();

beforeAll(async () => {
  app = await startTestApp();
  cm = contentManager(app, await createAdmin(app));
  withToken = restApi(app, await createApiToken(app.strapi, 'full-access'));
  anonymous = restApi(app);
});

afterAll(async () => {
  await app?.stop();
});

describe('an editor and a server-side client create each type with its fields and relations', () => {
  it('creates organizations in the admin, one inside another', async () => {
    const government = dataOf(
      await cm.create(ORGANIZATION, {
        name: 'Chinese government',
        kind: 'government-body',
        country: 'CN',
        website: 'https://gov.example.org',
        description: "The government of the People's Republic of China.",
      }),
    );
    expect(government).toMatchObject({ name: 'Chinese government', kind: 'government-body', country: 'CN', slug: 'chinese-government' });
    ids.government = government.documentId;

    const pressOffice = dataOf(
      await cm.create(ORGANIZATION, { name: 'Press Office', kind: 'press-office', country: 'CN', parent: ids.government }),
    );
    expect(pressOffice.parent).toEqual({ count: 1 });
    ids.pressOffice = pressOffice.documentId;
  });

  it('creates an organization through REST with a full-access token', async () => {
    const silkCouncil = dataOf(
      await withToken.create('organizations', { name: 'Silk Council', kind: 'think-tank', website: 'https://silkcouncil.example.org' }),
    );
    expect(silkCouncil).toMatchObject({ name: 'Silk Council', slug: 'silk-council', kind: 'think-tank' });
    ids.silkCouncil = silkCouncil.documentId;
  });

  it('creates officials in the admin and through REST', async () => {
    const yang = dataOf(
      await cm.create(OFFICIAL, {
        fullName: 'Yang Jiechi',
        nativeName: '杨洁篪',
        position: 'Director of the Central Committee on Foreign Affairs Office',
        country: 'CN',
        organization: ids.government,
      }),
    );
    expect(yang).toMatchObject({ fullName: 'Yang Jiechi', nativeName: '杨洁篪', slug: 'yang-jiechi', organization: { count: 1 } });
    ids.yang = yang.documentId;

    const sullivan = dataOf(
      await withToken.create('officials', { fullName: 'Jake Sullivan', position: 'US National Security Advisor', country: 'US' }),
    );
    expect(sullivan).toMatchObject({ fullName: 'Jake Sullivan', slug: 'jake-sullivan', country: 'US' });
    ids.sullivan = sullivan.documentId;
  });

  it('creates and publishes a meeting with its participants in the admin', async () => {
    const rome = dataOf(
      await cm.createPublished(MEETING, {
        title: 'Rome talks',
        date: '2022-03-14',
        city: 'Rome',
        country: 'IT',
        format: 'in-person',
        participants: [ids.yang, ids.sullivan],
      }),
    );
    expect(rome).toMatchObject({ title: 'Rome talks', slug: 'rome-talks', date: '2022-03-14', datePrecision: 'day', status: 'published' });
    expect(rome.participants).toEqual({ count: 2 });
    ids.rome = rome.documentId;
  });

  it('creates a statement through REST, published at once', async () => {
    const statement = dataOf(
      await withToken.create('statements', {
        title: 'Statement on Sino-American relations',
        issuedOn: '2022-03-14',
        kind: 'press-release',
        issuer: ids.pressOffice,
        speakers: [ids.yang],
        meeting: ids.rome,
        sourceUrl: 'https://press.example.org/sino-american-relations',
        language: 'en',
        summary: 'Published by China after the Rome meeting.',
      }),
    );
    expect(statement).toMatchObject({ slug: 'statement-on-sino-american-relations', kind: 'press-release', language: 'en' });
    // Strapi 5 REST creates of draft & publish types are published unless ?status=draft.
    expect(statement.publishedAt).toEqual(expect.any(String));
    ids.statement = statement.documentId;
  });

  it('creates an article through REST with every field and relation', async () => {
    const article = dataOf(
      await withToken.create('articles', {
        title: 'Recent China-US talks',
        excerpt: 'Yang Jiechi met Jake Sullivan in Rome.',
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'On March 14, 2022, Yang Jiechi met Jake Sullivan in Rome.' }] }],
        publisher: ids.silkCouncil,
        officials: [ids.yang, ids.sullivan],
        organizations: [ids.government, ids.pressOffice],
        statements: [ids.statement],
        meetings: [ids.rome],
        topics: ['China-US relations', 'Taiwan'],
        sources: [{ label: 'Press Office', url: 'https://press.example.org/releases', publisher: ids.pressOffice }],
        seo: { metaTitle: 'Recent China-US talks', metaDescription: 'The Rome meeting.', canonicalUrl: 'https://silkcouncil.example.org/recent-china-us-talks' },
      }),
    );
    expect(article).toMatchObject({ title: 'Recent China-US talks', slug: 'recent-china-us-talks', topics: ['China-US relations', 'Taiwan'] });
    expect(article.publishedAt).toEqual(expect.any(String));
    ids.article = article.documentId;
  });

  it('creates a draft through REST with ?status=draft, which Public cannot see', async () => {
    const draft = dataOf(await withToken.create('articles', { title: 'Notes for a later piece' }, '?status=draft'));
    expect(draft.publishedAt).toBeNull();
    expect((await anonymous.get(`/articles/${draft.documentId}`)).status).toBe(404);
  });
});

describe('Public reads each type back with its relations, in both directions', () => {
  it('an official with their organization, meetings, statements and articles', async () => {
    const yang = dataOf(
      await anonymous.get(
        `/officials/${ids.yang}?populate[organization]=true&populate[meetings]=true&populate[statements]=true&populate[articles]=true`,
      ),
    );
    expect(yang).toMatchObject({ fullName: 'Yang Jiechi', nativeName: '杨洁篪', country: 'CN' });
    expect(yang.organization.name).toBe('Chinese government');
    expect(titlesOf(yang.meetings)).toEqual(['Rome talks']);
    expect(titlesOf(yang.statements)).toEqual(['Statement on Sino-American relations']);
    expect(titlesOf(yang.articles)).toEqual(['Recent China-US talks']);
  });

  it('an organization with its officials, parent, children and issued statements', async () => {
    const government = dataOf(await anonymous.get(`/organizations/${ids.government}?populate[officials]=true&populate[children]=true`));
    expect(titlesOf(government.officials, 'fullName')).toEqual(['Yang Jiechi']);
    expect(titlesOf(government.children, 'name')).toEqual(['Press Office']);

    const pressOffice = dataOf(await anonymous.get(`/organizations/${ids.pressOffice}?populate[parent]=true&populate[issuedStatements]=true`));
    expect(pressOffice.parent.name).toBe('Chinese government');
    expect(titlesOf(pressOffice.issuedStatements)).toEqual(['Statement on Sino-American relations']);

    const silkCouncil = dataOf(await anonymous.get(`/organizations/${ids.silkCouncil}?populate[publishedArticles]=true`));
    expect(titlesOf(silkCouncil.publishedArticles)).toEqual(['Recent China-US talks']);
  });

  it('a meeting with its participants, statements and articles', async () => {
    const rome = dataOf(await anonymous.get(`/meetings/${ids.rome}?populate[participants]=true&populate[statements]=true&populate[articles]=true`));
    expect(rome).toMatchObject({ title: 'Rome talks', date: '2022-03-14', city: 'Rome', country: 'IT', format: 'in-person' });
    expect(titlesOf(rome.participants, 'fullName')).toEqual(['Jake Sullivan', 'Yang Jiechi']);
    expect(titlesOf(rome.statements)).toEqual(['Statement on Sino-American relations']);
    expect(titlesOf(rome.articles)).toEqual(['Recent China-US talks']);
  });

  it('a statement with its issuer, speakers and meeting', async () => {
    const statement = dataOf(await anonymous.get(`/statements/${ids.statement}?populate[issuer]=true&populate[speakers]=true&populate[meeting]=true`));
    expect(statement).toMatchObject({ issuedOn: '2022-03-14', sourceUrl: 'https://press.example.org/sino-american-relations' });
    expect(statement.issuer.name).toBe('Press Office');
    expect(titlesOf(statement.speakers, 'fullName')).toEqual(['Yang Jiechi']);
    expect(statement.meeting.title).toBe('Rome talks');
  });

  it('an article by slug with publisher, officials, organizations, statements, meetings, sources and seo in one request', async () => {
    const query = [
      'filters[slug][$eq]=recent-china-us-talks',
      'populate[publisher]=true',
      'populate[officials]=true',
      'populate[organizations]=true',
      'populate[statements]=true',
      'populate[meetings]=true',
      'populate[sources][populate]=publisher',
      'populate[seo]=true',
    ].join('&');
    const response = await anonymous.get(`/articles?${query}`);
    const [article, ...others] = dataOf<Doc[]>(response);

    expect(others).toEqual([]);
    expect(article).toMatchObject({
      documentId: ids.article,
      title: 'Recent China-US talks',
      excerpt: 'Yang Jiechi met Jake Sullivan in Rome.',
      topics: ['China-US relations', 'Taiwan'],
      body: [{ type: 'paragraph', children: [{ type: 'text', text: 'On March 14, 2022, Yang Jiechi met Jake Sullivan in Rome.' }] }],
      seo: { metaTitle: 'Recent China-US talks', metaDescription: 'The Rome meeting.', canonicalUrl: 'https://silkcouncil.example.org/recent-china-us-talks' },
    });
    expect(article.publisher.name).toBe('Silk Council');
    expect(titlesOf(article.officials, 'fullName')).toEqual(['Jake Sullivan', 'Yang Jiechi']);
    expect(titlesOf(article.organizations, 'name')).toEqual(['Chinese government', 'Press Office']);
    expect(titlesOf(article.statements)).toEqual(['Statement on Sino-American relations']);
    expect(titlesOf(article.meetings)).toEqual(['Rome talks']);
    expect(article.sources).toHaveLength(1);
    expect(article.sources[0]).toMatchObject({ label: 'Press Office', url: 'https://press.example.org/releases' });
    expect(article.sources[0].publisher).toMatchObject({ name: 'Press Office', slug: 'press-office' });
  });

  it('never shows who created or edited a document, even with populate=*', async () => {
    const article = dataOf(await anonymous.get(`/articles/${ids.article}?populate=*`));
    expect(article.title).toBe('Recent China-US talks');
    expect(article).not.toHaveProperty('createdBy');
    expect(article).not.toHaveProperty('updatedBy');
  });
});

describe('lists sorted by date, with pagination', () => {
  beforeAll(async () => {
    const meetings = [
      { title: 'Anchorage talks', date: '2021-03-01', datePrecision: 'month', city: 'Anchorage', country: 'US' },
      { title: 'Biden–Xi call', date: '2022-03-18', format: 'phone' },
      { title: 'Zurich talks', date: '2021-10-01', datePrecision: 'month', city: 'Zurich', country: 'CH' },
    ];
    for (const meeting of meetings) dataOf(await withToken.create('meetings', meeting));
  });

  it('pages through meetings, most recent first, with meta.pagination', async () => {
    const first = await anonymous.get('/meetings?sort=date:desc&pagination[page]=1&pagination[pageSize]=3');
    expect(dataOf<Doc[]>(first).map((meeting) => [meeting.title, meeting.date])).toEqual([
      ['Biden–Xi call', '2022-03-18'],
      ['Rome talks', '2022-03-14'],
      ['Zurich talks', '2021-10-01'],
    ]);
    expect(first.body.meta.pagination).toEqual({ page: 1, pageSize: 3, pageCount: 2, total: 4 });

    const second = await anonymous.get('/meetings?sort=date:desc&pagination[page]=2&pagination[pageSize]=3');
    expect(titlesOf(dataOf<Doc[]>(second))).toEqual(['Anchorage talks']);
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 3, pageCount: 2, total: 4 });
  });

  it('sorts oldest first with sort=date:asc', async () => {
    const response = await anonymous.get('/meetings?sort=date:asc&pagination[pageSize]=2');
    expect(dataOf<Doc[]>(response).map((meeting) => meeting.title)).toEqual(['Anchorage talks', 'Zurich talks']);
  });

  it('lists articles newest first by publication date', async () => {
    dataOf(await withToken.create('articles', { title: 'A later analysis' }));
    const response = await anonymous.get('/articles?sort=publishedAt:desc&pagination[pageSize]=1');
    expect(dataOf<Doc[]>(response).map((article) => article.title)).toEqual(['A later analysis']);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 1, pageCount: 2, total: 2 });
  });

  it('lists statements by issue date', async () => {
    dataOf(await withToken.create('statements', { title: "China's position on the Russian-Ukrainian conflict", issuedOn: '2022-03-15' }));
    const response = await anonymous.get('/statements?sort=issuedOn:desc');
    expect(dataOf<Doc[]>(response).map((statement) => statement.issuedOn)).toEqual(['2022-03-15', '2022-03-14']);
  });
});

describe('editing a published document', () => {
  it('an admin edit and publish shows the new version to Public; an unpublish hides it', async () => {
    expect((await cm.update(MEETING, ids.rome, { city: 'Rome, Italy' })).status).toBe(200);
    expect(dataOf(await anonymous.get(`/meetings/${ids.rome}`)).city).toBe('Rome');

    expect((await cm.publish(MEETING, ids.rome)).status).toBe(200);
    expect(dataOf(await anonymous.get(`/meetings/${ids.rome}`)).city).toBe('Rome, Italy');

    expect((await cm.unpublish(MEETING, ids.rome)).status).toBe(200);
    expect((await anonymous.get(`/meetings/${ids.rome}`)).status).toBe(404);
  });

  it('a REST update with a token changes the published article', async () => {
    const response = await withToken.update('articles', ids.article, { excerpt: 'Updated excerpt.' });
    expect(dataOf(response).excerpt).toBe('Updated excerpt.');
    expect(dataOf(await anonymous.get(`/articles/${ids.article}`)).excerpt).toBe('Updated excerpt.');
  });

  it('deleting in the admin removes the document from Public', async () => {
    const statement = dataOf(await withToken.create('statements', { title: 'A statement to withdraw' }));
    expect((await cm.remove(STATEMENT, statement.documentId)).status).toBe(200);
    expect((await anonymous.get(`/statements/${statement.documentId}`)).status).toBe(404);
    expect(await app.strapi.documents(STATEMENT).findOne({ documentId: statement.documentId })).toBeNull();
  });
});

