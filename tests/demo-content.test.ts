import { loadDemoContent, loadDemoContentOnce, type DemoContentReport } from '../src/demo-content/load-demo-content';
import { startTestApp, type TestApp } from './helpers/app';
import { ARTICLE, CONTENT_TYPES, MEETING, countRows } from './helpers/content-types';
import { DEMO_COUNTS, countDocuments } from './helpers/demo-content';
import { dataOf } from './helpers/responses';
import { restApi, type RestApi } from './helpers/rest';

type Doc = Record<string, any>;

let app: TestApp;
let anonymous: RestApi;

beforeAll(async () => {
  app = await startTestApp();
  anonymous = restApi(app);
});

afterAll(async () => {
  await app?.stop();
});

const names = (docs: Doc[], field: string) => docs.map((doc) => doc[field]).sort();

/** One document by slug through public REST, with the given populate query. */
const publicBySlug = async (path: string, slug: string, populate = '') => {
  const [doc, ...others] = dataOf<Doc[]>(await anonymous.get(`/${path}?filters[slug][$eq]=${slug}${populate ? `&${populate}` : ''}`));
  expect(others).toEqual([]);
  if (!doc) throw new Error(`No published ${path} with slug "${slug}"`);
  return doc;
};

/** Every row of the five types with its updatedAt, keyed by type and row id. */
const updatedAtOfEveryRow = async () => {
  const snapshot: Record<string, string> = {};
  for (const type of CONTENT_TYPES) {
    const rows = (await app.strapi.db.query(type.uid).findMany({ select: ['id', 'updatedAt'] })) as Array<{ id: number; updatedAt: unknown }>;
    for (const row of rows) snapshot[`${type.uid}#${row.id}`] = new Date(row.updatedAt as string).toISOString();
  }
  return snapshot;
};

describe('before any demo content', () => {
  it('a test app with SEED_DEMO_CONTENT=false boots empty', async () => {
    for (const type of CONTENT_TYPES) expect(await countRows(app.strapi, type.uid)).toBe(0);
  });

  it('loadDemoContentOnce does nothing when the database already has articles', async () => {
    const own = await app.strapi.documents(ARTICLE).create({ data: { title: "An editor's own article" } as never });
    expect(await loadDemoContentOnce(app.strapi)).toBeNull();
    for (const type of CONTENT_TYPES.filter((contentType) => contentType.uid !== ARTICLE)) {
      expect(await countRows(app.strapi, type.uid)).toBe(0);
    }
    await app.strapi.documents(ARTICLE).delete({ documentId: own.documentId });
  });
});

describe('loadDemoContent', () => {
  let firstRun: DemoContentReport;

  beforeAll(async () => {
    firstRun = await loadDemoContent(app.strapi);
  });

  it('creates exactly the documents the seed article gives', async () => {
    expect(firstRun.created).toEqual(Object.fromEntries(DEMO_COUNTS.map(({ key, count }) => [key, count])));
    for (const { uid, count } of DEMO_COUNTS) {
      expect({ uid, documents: await countDocuments(app.strapi, uid) }).toEqual({ uid, documents: count });
    }
  });

  it('publishes all of it: Public sees every document', async () => {
    for (const { path, count } of DEMO_COUNTS) {
      const response = await anonymous.get(`/${path}`);
      expect({ path, total: response.body.meta.pagination.total }).toEqual({ path, total: count });
    }
  });

  it('the article is reachable by slug with publisher, officials, organizations, meetings, statements, sources and seo', async () => {
    const article = await publicBySlug(
      'articles',
      'recent-china-us-talks',
      'populate[publisher]=true&populate[officials]=true&populate[organizations]=true&populate[meetings]=true&populate[statements]=true&populate[sources][populate]=publisher&populate[seo]=true',
    );
    expect(article.title).toBe('Recent China-US talks');
    expect(article.publisher.name).toBe('Silk Council');
    expect(names(article.officials, 'fullName')).toEqual(['Jake Sullivan', 'Joe Biden', 'Wang Yi', 'Xi Jinping', 'Yang Jiechi']);
    expect(names(article.meetings, 'title')).toEqual(['Anchorage talks', 'Biden–Xi call', 'Rome talks', 'Xi–Biden virtual meeting', 'Zurich talks']);
    expect(names(article.statements, 'title')).toEqual([
      "China's position on the Russian-Ukrainian conflict",
      'Statement on Sino-American relations',
    ]);
    expect(names(article.organizations, 'name')).toEqual(expect.arrayContaining(['Press Office', 'Chinese government']));
    expect(article.sources).toEqual([expect.objectContaining({ label: 'Press Office', publisher: expect.objectContaining({ name: 'Press Office' }) })]);
    expect(article.seo.metaTitle).toBe('Recent China-US talks');
  });

  it("the article's body is the seed text as paragraph blocks", async () => {
    const article = await publicBySlug('articles', 'recent-china-us-talks');
    const paragraphs = (article.body as Doc[]).map((block) => {
      expect(block.type).toBe('paragraph');
      return (block.children as Doc[]).map((child) => child.text).join('');
    });
    expect(paragraphs).toHaveLength(5);
    expect(paragraphs[0]).toMatch(/^On March 14, 2022, Yang Jiechi, a member of the Political Bureau of the CCP Central Committee/);
    expect(paragraphs[0]).toContain('met with US National Security Advisor Jake Sullivan in Rome, Italy.');
    expect(paragraphs[1]).toContain('the first was held in Anchorage (Alaska) in March 2021 and the second in Zurich (Switzerland) in October 2021');
    expect(paragraphs[2]).toContain("China published two official statements: one on Sino-American relations and one on China's position in the Russian-Ukrainian conflict");
    expect(paragraphs[3]).toContain('on March 18, 2022, preceded by an interview by Chinese Foreign Minister Wang Yi to international media');
    expect(paragraphs[3]).toContain('get out of the cold war mentality');
    expect(paragraphs[4]).toBe('For further information, see the following official press releases from the Chinese government:');
  });

  it('the Rome meeting: 2022-03-14 in Rome, Italy, Yang Jiechi and Jake Sullivan, followed by both statements', async () => {
    const rome = await publicBySlug('meetings', 'rome-talks', 'populate[participants]=true&populate[statements]=true');
    expect(rome).toMatchObject({ date: '2022-03-14', datePrecision: 'day', city: 'Rome', country: 'IT', format: 'in-person' });
    expect(names(rome.participants, 'fullName')).toEqual(['Jake Sullivan', 'Yang Jiechi']);
    expect(rome.statements).toHaveLength(2);
  });

  it('the other meetings, with the precision the text gives', async () => {
    const meetings = dataOf<Doc[]>(await anonymous.get('/meetings?sort=date:asc&populate[participants]=true'));
    expect(
      meetings.map(({ title, date, datePrecision, city, country, format, participants }) => ({
        title,
        date,
        datePrecision,
        city,
        country,
        format,
        participants: names(participants, 'fullName'),
      })),
    ).toEqual([
      { title: 'Anchorage talks', date: '2021-03-01', datePrecision: 'month', city: 'Anchorage', country: 'US', format: 'in-person', participants: ['Jake Sullivan', 'Yang Jiechi'] },
      { title: 'Zurich talks', date: '2021-10-01', datePrecision: 'month', city: 'Zurich', country: 'CH', format: 'in-person', participants: ['Jake Sullivan', 'Yang Jiechi'] },
      { title: 'Xi–Biden virtual meeting', date: '2021-11-01', datePrecision: 'month', city: null, country: null, format: 'virtual', participants: ['Joe Biden', 'Xi Jinping'] },
      { title: 'Rome talks', date: '2022-03-14', datePrecision: 'day', city: 'Rome', country: 'IT', format: 'in-person', participants: ['Jake Sullivan', 'Yang Jiechi'] },
      { title: 'Biden–Xi call', date: '2022-03-18', datePrecision: 'day', city: null, country: null, format: 'phone', participants: ['Joe Biden', 'Xi Jinping'] },
    ]);
  });

  it('the officials with their positions; Yang Jiechi with his native name and his meetings', async () => {
    const officials = dataOf<Doc[]>(await anonymous.get('/officials?sort=fullName:asc'));
    expect(officials.map(({ fullName, position, country }) => ({ fullName, position, country }))).toEqual([
      { fullName: 'Jake Sullivan', position: 'US National Security Advisor', country: 'US' },
      { fullName: 'Joe Biden', position: 'President of the United States', country: 'US' },
      { fullName: 'Wang Yi', position: 'Chinese Foreign Minister', country: 'CN' },
      { fullName: 'Xi Jinping', position: 'President of China', country: 'CN' },
      {
        fullName: 'Yang Jiechi',
        position: 'Member of the Political Bureau of the CCP Central Committee and Director of the Central Committee on Foreign Affairs Office',
        country: 'CN',
      },
    ]);

    const yang = await publicBySlug('officials', 'yang-jiechi', 'populate[meetings]=true&populate[statements]=true&populate[organization]=true');
    expect(yang.nativeName).toBe('杨洁篪');
    expect(yang.organization.name).toBe('Central Committee on Foreign Affairs Office');
    expect(names(yang.meetings, 'title')).toEqual(['Anchorage talks', 'Rome talks', 'Zurich talks']);
    expect(names(yang.statements, 'title')).toEqual(['Statement on Sino-American relations']);
  });

  it('the two statements were issued by the Press Office after the Rome meeting', async () => {
    const statements = dataOf<Doc[]>(await anonymous.get('/statements?populate[issuer]=true&populate[meeting]=true&sort=title:asc'));
    expect(
      statements.map(({ title, kind, issuer, meeting }) => ({ title, kind, issuer: issuer.name, meeting: meeting.title })),
    ).toEqual([
      { title: "China's position on the Russian-Ukrainian conflict", kind: 'press-release', issuer: 'Press Office', meeting: 'Rome talks' },
      { title: 'Statement on Sino-American relations', kind: 'press-release', issuer: 'Press Office', meeting: 'Rome talks' },
    ]);
  });

  it('the organizations the text names, with their kinds', async () => {
    const organizations = dataOf<Doc[]>(await anonymous.get('/organizations?sort=name:asc&populate[parent]=true'));
    expect(organizations.map(({ name, kind, parent }) => ({ name, kind, parent: parent?.name ?? null }))).toEqual([
      { name: 'CCP Central Committee', kind: 'party-body', parent: null },
      { name: 'Central Committee on Foreign Affairs Office', kind: 'party-body', parent: 'CCP Central Committee' },
      { name: 'Chinese government', kind: 'government-body', parent: null },
      { name: 'Political Bureau of the CCP Central Committee', kind: 'party-body', parent: 'CCP Central Committee' },
      { name: 'Press Office', kind: 'press-office', parent: 'Chinese government' },
      { name: 'Silk Council', kind: 'think-tank', parent: null },
    ]);
  });

  it('running it again creates nothing and touches no row', async () => {
    const before = await updatedAtOfEveryRow();
    const secondRun = await loadDemoContent(app.strapi);

    expect(Object.values(secondRun.created).every((count) => count === 0)).toBe(true);
    expect(secondRun.existing).toEqual(firstRun.created);
    expect(await updatedAtOfEveryRow()).toEqual(before);
  });

  it("running it again keeps an editor's changes", async () => {
    const rome = await publicBySlug('meetings', 'rome-talks');
    await app.strapi.documents(MEETING).update({ documentId: rome.documentId, data: { city: 'Roma' } as never, status: 'published' });
    await loadDemoContent(app.strapi);
    expect((await publicBySlug('meetings', 'rome-talks')).city).toBe('Roma');
    expect(await countDocuments(app.strapi, MEETING)).toBe(5);
  });
});
