import { XMLParser } from 'fast-xml-parser';
import { startTestApp, type TestApp } from '../helpers/app';
import { createApiToken } from '../helpers/admin';
import { ARTICLE, createDraft, publish } from '../helpers/view-counter';

const FRONTEND = 'https://www.silkcouncil.example';
const ORGANIZATION = 'api::organization.organization';
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const asList = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ FRONTEND_URL: FRONTEND });
  const council = await publish(app.strapi, ORGANIZATION, { name: 'Silk Council', kind: 'think-tank', website: 'https://silkcouncil.example' });
  await publish(app.strapi, ARTICLE, { title: 'Anchorage talks', excerpt: 'The first meeting & its tone', publisher: council });
  await publish(app.strapi, ARTICLE, { title: 'Zurich talks', excerpt: 'The second meeting', publisher: council });
  await publish(app.strapi, ARTICLE, { title: 'Rome talks', excerpt: 'The third meeting' });
  await createDraft(app.strapi, ARTICLE, { title: 'Unpublished draft', excerpt: 'Secret' });
});
afterAll(async () => {
  await app?.stop();
});

const get = (format: string, headers: Record<string, string> = {}) => app.http().get(`/api/feeds/articles.${format}`).set(headers);

describe('feeds of published articles', () => {
  it('RSS 2.0: title, link, date, summary and author organization; no drafts', async () => {
    const response = await get('rss');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    const channel = xml.parse(response.text).rss.channel;
    const items = asList(channel.item);
    expect(items.map((item: { title: string }) => item.title)).toEqual(['Rome talks', 'Zurich talks', 'Anchorage talks']);
    const anchorage = items[2];
    expect(anchorage.link).toBe(`${FRONTEND}/articles/anchorage-talks`);
    expect(anchorage.description).toBe('The first meeting & its tone');
    expect(anchorage['dc:creator']).toBe('Silk Council');
    expect(Number.isNaN(Date.parse(anchorage.pubDate))).toBe(false);
    expect(response.text).not.toContain('Unpublished draft');
  });

  it('Atom 1.0: entries with author names and updated dates', async () => {
    const response = await get('atom');
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = xml.parse(response.text).feed;
    const entries = asList(feed.entry);
    expect(entries).toHaveLength(3);
    const zurich = entries.find((entry: { title: { '#text': string } | string }) => JSON.stringify(entry.title).includes('Zurich'));
    expect(zurich.author.name).toBe('Silk Council');
    expect(zurich.link['@href']).toBe(`${FRONTEND}/articles/zurich-talks`);
    expect(Number.isNaN(Date.parse(zurich.updated))).toBe(false);
  });

  it('JSON Feed 1.1', async () => {
    const response = await get('json');
    expect(response.headers['content-type']).toBe('application/feed+json; charset=utf-8');
    const feed = JSON.parse(response.text);
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items).toHaveLength(3);
    expect(feed.items[1]).toMatchObject({
      title: 'Zurich talks',
      url: `${FRONTEND}/articles/zurich-talks`,
      summary: 'The second meeting',
      content_text: 'The second meeting',
      authors: [{ name: 'Silk Council', url: 'https://silkcouncil.example' }],
      date_published: expect.any(String),
    });
    expect(feed.feed_url).toMatch(/\/api\/feeds\/articles\.json$/);
  });
});

describe('caching', () => {
  it('answers 304 to a matching If-None-Match or If-Modified-Since, and changes its ETag when an article is published', async () => {
    const first = await get('rss');
    const etag = first.headers.etag;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(first.headers['last-modified']).toBeDefined();

    const cached = await get('rss', { 'If-None-Match': etag });
    expect(cached.status).toBe(304);
    expect(cached.text ?? '').toBe('');
    expect((await get('rss', { 'If-None-Match': `W/${etag}` })).status).toBe(304);
    expect((await get('rss', { 'If-Modified-Since': first.headers['last-modified'] })).status).toBe(304);
    expect((await get('atom', { 'If-None-Match': etag })).status).toBe(200); // another representation

    await publish(app.strapi, ARTICLE, { title: 'Biden–Xi call' });
    const changed = await get('rss', { 'If-None-Match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.text).toContain('Biden–Xi call');
  });
});

describe('access and input', () => {
  it('is public and readable with a read-only token', async () => {
    expect((await get('json')).status).toBe(200);
    expect((await get('json', await createApiToken(app.strapi, 'read-only'))).status).toBe(200);
  });

  it('answers 404 for an unknown format and 400 for query parameters', async () => {
    expect((await get('xml')).status).toBe(404);
    const withQuery = await app.http().get('/api/feeds/articles.rss?limit=1000');
    expect(withQuery.status).toBe(400);
    expect(withQuery.body.error.message).toContain('limit');
  });
});
