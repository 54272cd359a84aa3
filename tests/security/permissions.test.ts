/**
 * Permission matrix (issue 5, item 2): every route of the app × every kind of caller, with
 * the status each must get. The tables below are the documentation: read a row to know who
 * may call a route, a column to know what a caller may do.
 *
 * Callers: Public (no credentials), a read-only and a full-access API token, a super admin,
 * an admin whose role holds only `plugin::view-counter.read`, one holding only
 * `plugin::syndication.read`, and an editor (Content Manager rights on articles, none of
 * the plugins'). Admin tokens are no content-API credentials (401 there), API tokens and
 * Public no admin credentials (401 on admin routes); an admin lacking a permission gets 403.
 * Every content-API answer is also searched for private values (password hashes, tokens,
 * the subscriber's webhook secret) and, for Public, for drafts.
 */
import type { Response } from 'supertest';
import { createAdmin, createRole, type AdminSession } from '../helpers/admin';
import { startTestApp, type TestApp } from '../helpers/app';
import { contentManager } from '../helpers/content-manager';
import { ARTICLE, CONTENT_TYPES, type ContentTypeInfo } from '../helpers/content-types';
import { browserUserAgent } from '../helpers/http';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { deliveryRows, SUBSCRIBER, waitUntil } from '../helpers/syndication';
import { collectPrivateValues, leakedValues, type PrivateValue } from './private-values';
import type { ContentPath } from './hostile-requests';
import { DRAFT_MARKER, seedSite, type SeededSite } from './seed-site';

const ACTORS = [
  'Public',
  'read-only token',
  'full-access token',
  'super admin',
  'admin: view-counter.read only',
  'admin: syndication.read only',
  'editor without plugin permissions',
] as const;
type Actor = (typeof ACTORS)[number];

/**
 * The expected status per actor, in the order of ACTORS; the tables' column heads: Public,
 * RO-tok / FA-tok (read-only / full-access API token), super (super admin), vc.rd / syn.rd
 * (admin with only plugin::view-counter.read / plugin::syndication.read), editor.
 */
type Statuses = readonly [number, number, number, number, number, number, number];

interface Route {
  /** Method and path as documentation, e.g. "GET /api/articles/:documentId". */
  route: string;
  expected: Statuses;
  send: (auth: Record<string, string>, actor: Actor) => Promise<Response>;
  /** Content-API routes: the answer must hold no private value, and no draft unless the actor may preview. */
  contentApi?: boolean;
}

let app: TestApp;
let receiver: Receiver;
let site: SeededSite;
let secrets: PrivateValue[];
const credentials = {} as Record<Actor, Record<string, string>>;
/** Per type: a published document every actor may try to change or delete (only the full-access token may). */
const writable: Record<string, string> = {};
let deliveryId: number;

const http = () => app.http();
const path = (type: ContentTypeInfo) => `/api/${type.path}`;
const titled = (type: ContentTypeInfo, title: string) => ({
  [type.titleField]: title,
  ...(type.path === 'meetings' ? { date: '2022-03-14' } : {}),
});

// prettier-ignore
/** Content API of each of the five content types (drafts exist for articles, statements, meetings). */
const contentTypeRoutes = (type: ContentTypeInfo): Route[] => [
  //                                                               Public RO-tok FA-tok super  vc.rd  syn.rd editor
  { route: `GET ${path(type)}`,                         expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get(path(type)).set(auth) },
  { route: `GET ${path(type)}/:documentId (published)`, expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get(`${path(type)}/${site.published[type.path as ContentPath]}`).set(auth) },
  { route: `POST ${path(type)}`,                        expected: [403,   403,   201,   401,   401,   401,   401], contentApi: true,
    send: (auth, actor) => http().post(path(type)).set(auth).send({ data: titled(type, `Created by ${actor}`) }) },
  { route: `PUT ${path(type)}/:documentId`,             expected: [403,   403,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth, actor) => http().put(`${path(type)}/${writable[type.path]}`).set(auth).send({ data: { [type.titleField]: `Changed by ${actor}` } }) },
  { route: `DELETE ${path(type)}/:documentId`,          expected: [403,   403,   204,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().delete(`${path(type)}/${writable[type.path]}`).set(auth) },
];

// prettier-ignore
/** Drafts: Public never sees one; API tokens see them only when they ask for them (a server-side preview). */
const draftRoutes = (type: ContentTypeInfo & { path: 'articles' | 'statements' | 'meetings' }): Route[] => [
  //                                                                     Public RO-tok FA-tok super  vc.rd  syn.rd editor
  { route: `GET ${path(type)}/:documentId (never published)`, expected: [404,   404,   404,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get(`${path(type)}/${site.drafts[type.path]}`).set(auth) },
  { route: `GET ${path(type)}/:documentId?status=draft`,      expected: [404,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get(`${path(type)}/${site.drafts[type.path]}?status=draft`).set(auth) },
];

// prettier-ignore
const viewCounterRoutes = (): Route[] => [
  //                                                                   Public RO-tok FA-tok super  vc.rd  syn.rd editor
  { route: 'POST /api/view-counter/views (auth: false)',    expected: [202,   202,   202,   202,   202,   202,   202], contentApi: true,
    send: (auth, actor) => http().post('/api/view-counter/views').set(auth).set('User-Agent', browserUserAgent(actor))
      .send({ type: 'article', documentId: site.published.articles }) },
  { route: 'GET /api/view-counter/views/:type/:documentId', expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get(`/api/view-counter/views/article/${site.published.articles}?days=7`).set(auth) },
  { route: 'GET /api/view-counter/top',                     expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/view-counter/top?type=article&period=all&limit=5').set(auth) },
  { route: 'GET /view-counter/content-types',               expected: [401,   401,   401,   200,   200,   403,   403],
    send: (auth) => http().get('/view-counter/content-types').set(auth) },
  { route: 'GET /view-counter/totals',                      expected: [401,   401,   401,   200,   200,   403,   403],
    send: (auth) => http().get(`/view-counter/totals?type=article&documentIds=${site.published.articles}`).set(auth) },
  { route: 'GET /view-counter/views/:type/:documentId',     expected: [401,   401,   401,   200,   200,   403,   403],
    send: (auth) => http().get(`/view-counter/views/article/${site.drafts.articles}`).set(auth) },
  { route: 'GET /view-counter/top',                         expected: [401,   401,   401,   200,   200,   403,   403],
    send: (auth) => http().get('/view-counter/top?period=7d').set(auth) },
  { route: 'GET /view-counter/settings',                    expected: [401,   401,   401,   200,   403,   403,   403],
    send: (auth) => http().get('/view-counter/settings').set(auth) },
  { route: 'PUT /view-counter/settings',                    expected: [401,   401,   401,   200,   403,   403,   403],
    send: (auth) => http().put('/view-counter/settings').set(auth).send({ dedupeMinutes: 30, excludeBots: true, rateLimit: 120 }) },
  { route: 'DELETE /view-counter/views/:type/:documentId',  expected: [401,   401,   401,   200,   403,   403,   403],
    send: (auth) => http().delete(`/view-counter/views/article/${site.drafts.articles}`).set(auth) },
];

// prettier-ignore
const syndicationRoutes = (): Route[] => [
  //                                                                               Public RO-tok FA-tok super  vc.rd  syn.rd editor
  { route: 'GET /api/feeds/articles.rss',                               expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/feeds/articles.rss').set(auth) },
  { route: 'GET /api/feeds/articles.atom',                              expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/feeds/articles.atom').set(auth) },
  { route: 'GET /api/feeds/articles.json',                              expected: [200,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/feeds/articles.json').set(auth) },
  { route: 'GET /syndication/catalog',                                  expected: [401,   401,   401,   200,   403,   200,   403],
    send: (auth) => http().get('/syndication/catalog').set(auth) },
  { route: 'GET /syndication/subscribers/:documentId/deliveries',       expected: [401,   401,   401,   200,   403,   200,   403],
    send: (auth) => http().get(`/syndication/subscribers/${site.subscriber.documentId}/deliveries`).set(auth) },
  { route: 'GET /syndication/deliveries/:id/attempts',                  expected: [401,   401,   401,   200,   403,   200,   403],
    send: (auth) => http().get(`/syndication/deliveries/${deliveryId}/attempts`).set(auth) },
  { route: 'POST /syndication/deliveries/:id/redeliver',                expected: [401,   401,   401,   202,   403,   403,   403],
    send: (auth) => http().post(`/syndication/deliveries/${deliveryId}/redeliver`).set(auth) },
  { route: 'POST /syndication/subscribers/:documentId/test',            expected: [401,   401,   401,   202,   403,   403,   403],
    send: (auth) => http().post(`/syndication/subscribers/${site.subscriber.documentId}/test`).set(auth) },
  // Subscribers (and their secrets) are edited in the Content Manager, and have no content-API route at all.
  { route: 'GET /content-manager/…/syndication.subscriber',             expected: [401,   401,   401,   200,   403,   403,   403],
    send: (auth) => http().get(`/content-manager/collection-types/${SUBSCRIBER}`).set(auth) },
  { route: 'GET /content-manager/…/syndication.subscriber/:documentId', expected: [401,   401,   401,   200,   403,   403,   403],
    send: (auth) => http().get(`/content-manager/collection-types/${SUBSCRIBER}/${site.subscriber.documentId}`).set(auth) },
  { route: 'POST /content-manager/…/syndication.subscriber',            expected: [401,   401,   401,   201,   403,   403,   403],
    send: (auth, actor) => http().post(`/content-manager/collection-types/${SUBSCRIBER}`).set(auth).send({ name: `Added by ${actor}`, url: `${receiver.url}/other` }) },
  // For comparison, the editor's own content type.
  { route: 'GET /content-manager/…/api::article.article',               expected: [401,   401,   401,   200,   403,   403,   200],
    send: (auth) => http().get(`/content-manager/collection-types/${ARTICLE}`).set(auth) },
  { route: 'GET /api/subscribers',                                      expected: [404,   404,   404,   404,   404,   404,   404], contentApi: true,
    send: (auth) => http().get('/api/subscribers').set(auth) },
  { route: 'GET /api/syndication/subscribers',                          expected: [404,   404,   404,   404,   404,   404,   404], contentApi: true,
    send: (auth) => http().get('/api/syndication/subscribers').set(auth) },
];

// prettier-ignore
/** Strapi's own content-API routes: the reader accounts, uploads, locales. */
const pluginRoutes = (): Route[] => [
  //                                                                      Public RO-tok FA-tok super  vc.rd  syn.rd editor
  { route: 'POST /api/auth/local (wrong password)',            expected: [400,   403,   400,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().post('/api/auth/local').set(auth).send({ identifier: site.user.email, password: 'Not-the-Passw0rd' }) },
  { route: 'POST /api/auth/local/register (closed: 400)',      expected: [400,   403,   400,   401,   401,   401,   401], contentApi: true,
    send: (auth, actor) => http().post('/api/auth/local/register').set(auth)
      .send({ username: `mallory${ACTORS.indexOf(actor)}`, email: `mallory${ACTORS.indexOf(actor)}@evil.test`, password: 'Passw0rd!' }) },
  { route: 'GET /api/users/me',                                expected: [403,   403,   401,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/users/me').set(auth) },
  { route: 'GET /api/users',                                   expected: [403,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/users').set(auth) },
  { route: 'GET /api/users/:id',                               expected: [403,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get(`/api/users/${site.user.id}`).set(auth) },
  { route: 'PUT /api/users/:id',                               expected: [403,   403,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().put(`/api/users/${site.user.id}`).set(auth).send({ blocked: false }) },
  { route: 'GET /api/users-permissions/roles',                 expected: [403,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/users-permissions/roles').set(auth) },
  { route: 'GET /api/upload/files',                            expected: [403,   200,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/upload/files').set(auth) },
  { route: 'POST /api/upload (no file: 400 once allowed)',     expected: [403,   403,   400,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().post('/api/upload').set(auth).send({}) },
  { route: 'POST /api/auth/forgot-password (any e-mail: 200)', expected: [200,   403,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().post('/api/auth/forgot-password').set(auth).send({ email: 'nobody@example.org' }) },
  { route: 'POST /api/email (no recipient: 400 once allowed)', expected: [403,   403,   400,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().post('/api/email').set(auth).send({ subject: 'x', text: 'y' }) },
  { route: 'GET /api/content-type-builder/content-types',      expected: [403,   403,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/content-type-builder/content-types').set(auth) },
  { route: 'GET /api/i18n/locales',                            expected: [403,   403,   200,   401,   401,   401,   401], contentApi: true,
    send: (auth) => http().get('/api/i18n/locales').set(auth) },
];

const MATRIX: Array<[string, Route[]]> = [
  ...CONTENT_TYPES.map((type): [string, Route[]] => [
    `${type.path}`,
    [
      ...contentTypeRoutes(type),
      ...(type.draftAndPublish ? draftRoutes(type as ContentTypeInfo & { path: 'articles' | 'statements' | 'meetings' }) : []),
    ],
  ]),
  ['view counter', viewCounterRoutes()],
  ['syndication: feeds, delivery log, subscribers', syndicationRoutes()],
  ["Strapi's plugins", pluginRoutes()],
];

beforeAll(async () => {
  receiver = await startReceiver();
  app = await startTestApp({ SYNDICATION_ALLOW_PRIVATE_TARGETS: 'true', SYNDICATION_POLL_MS: '100' });
  site = await seedSite(app, `${receiver.url}/webhooks`);

  // The delivery log needs one delivered event.
  const cm = contentManager(app, site.admin);
  await cm.createPublished(ARTICLE, { title: 'Delivered to the partner' });
  await waitUntil(
    async () => (await deliveryRows(app.strapi)).some((row) => row.status === 'delivered'),
    15_000,
    'a delivered event',
  );
  deliveryId = (await deliveryRows(app.strapi)).find((row) => row.status === 'delivered')!.id as number;

  for (const type of CONTENT_TYPES) {
    const created = await cm[type.draftAndPublish ? 'createPublished' : 'create'](
      type.uid,
      titled(type, `Writable ${type.path}`),
    );
    writable[type.path] = created.body.data.documentId;
  }

  const viewCounterReaders = await createRole(app.strapi, 'View readers', [{ action: 'plugin::view-counter.read' }]);
  const syndicationReaders = await createRole(app.strapi, 'Delivery log readers', [{ action: 'plugin::syndication.read' }]);
  const editors = await createRole(
    app.strapi,
    'Article editors',
    ['read', 'create', 'update', 'publish'].map((verb) => ({
      action: `plugin::content-manager.explorer.${verb}`,
      subject: ARTICLE,
    })),
  );
  const adminAuth = (session: AdminSession) => session.auth;
  Object.assign(credentials, {
    Public: {},
    'read-only token': site.credentials['read-only token'],
    'full-access token': site.credentials['full-access token'],
    'super admin': adminAuth(site.admin),
    'admin: view-counter.read only': adminAuth(await createAdmin(app, [viewCounterReaders])),
    'admin: syndication.read only': adminAuth(await createAdmin(app, [syndicationReaders])),
    'editor without plugin permissions': adminAuth(await createAdmin(app, [editors])),
  });
  secrets = await collectPrivateValues(app.strapi);
});

afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

describe.each(MATRIX)('%s', (_group, routes) => {
  const cells = routes.flatMap((route) =>
    ACTORS.map((actor, index) => [route.route, actor, route.expected[index], route] as const),
  );

  it.each(cells)('%s as %s → %i', async (_route, actor, expected, route) => {
    const response = await route.send(credentials[actor], actor);
    const mayPreviewDrafts = actor === 'read-only token' || actor === 'full-access token';
    expect({
      status: response.status,
      leaks: route.contentApi ? leakedValues(response, secrets) : [],
      showsDrafts: Boolean(route.contentApi) && !mayPreviewDrafts && response.text.includes(DRAFT_MARKER),
      body: response.text.slice(0, 300),
    }).toEqual({ status: expected, leaks: [], showsDrafts: false, body: response.text.slice(0, 300) });
  });
});

describe('what the matrix does not show', () => {
  it('admins see a subscriber secret in the Content Manager; no content-API answer above contained it', async () => {
    const subscriber = await http()
      .get(`/content-manager/collection-types/${SUBSCRIBER}/${site.subscriber.documentId}`)
      .set(credentials['super admin']);
    expect(subscriber.body.data.secret).toBe(site.subscriber.secret);
  });

  it("the full-access token's writes happened, the others' did not", async () => {
    for (const type of CONTENT_TYPES) {
      const titles = (
        (await app.strapi.db.query(type.uid).findMany({ select: [type.titleField] })) as Array<Record<string, string>>
      ).map((row) => row[type.titleField]);
      expect(titles.filter((title) => title.startsWith('Created by'))).toEqual(
        expect.arrayContaining(['Created by full-access token']),
      );
      expect(new Set(titles.filter((title) => title.startsWith('Created by')))).toEqual(
        new Set(['Created by full-access token']),
      );
      expect(titles.filter((title) => title.startsWith('Changed by'))).toEqual([]); // the changed document was then deleted
      expect(await app.strapi.documents(type.uid).findOne({ documentId: writable[type.path] })).toBeNull();
    }
  });

  it('only the super admin added a subscriber', async () => {
    const names = ((await app.strapi.db.query(SUBSCRIBER).findMany({ select: ['name'] })) as Array<{ name: string }>).map(
      (row) => row.name,
    );
    expect(names.filter((name) => name.startsWith('Added by'))).toEqual(['Added by super admin']);
  });
});
