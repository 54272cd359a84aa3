import { startTestApp, type TestApp } from '../helpers/app';
import { createAdmin } from '../helpers/admin';
import { contentManager, type ContentManager } from '../helpers/content-manager';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { expectValidationError } from '../helpers/responses';
import { attemptRows, deliveryRows, SUBSCRIBER, waitUntil } from '../helpers/syndication';
import { ARTICLE, publish } from '../helpers/view-counter';

/** The default: subscriber URLs may not reach this machine or its private networks. */
let app: TestApp;
let cm: ContentManager;
let receiver: Receiver;

beforeAll(async () => {
  app = await startTestApp({ SYNDICATION_ALLOW_PRIVATE_TARGETS: 'false', SYNDICATION_POLL_MS: '200' });
  cm = contentManager(app, await createAdmin(app));
  receiver = await startReceiver();
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});

it.each([
  ['loopback', 'http://127.0.0.1:8080/hook'],
  ['localhost by name', 'http://localhost/hook'],
  ['IPv6 loopback', 'http://[::1]:8080/hook'],
  ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]/hook'],
  ['a decimal IP for 127.0.0.1', 'http://2130706433/hook'],
  ['the cloud metadata service', 'http://169.254.169.254/latest/meta-data/'],
  ['a private network', 'https://10.1.2.3/hook'],
  ['another private network', 'http://192.168.1.10/hook'],
  ['the unspecified address', 'http://0.0.0.0/hook'],
])('refuses %s when an admin saves the subscriber', async (_what, url) => {
  const before = await app.strapi.db.query(SUBSCRIBER).count();
  expectValidationError(await cm.create(SUBSCRIBER, { name: 'Internal', url }), 'url');
  expect(await app.strapi.db.query(SUBSCRIBER).count()).toBe(before);
});

it('refuses at send time a private target that reached the database some other way', async () => {
  // Written around the Document Service (as an import or an old row would be).
  await app.strapi.db.query(SUBSCRIBER).create({
    data: { documentId: 'legacyprivatetarget0000', name: 'Legacy', url: receiver.url, secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`, enabled: true },
  });
  await app.strapi.db.query(SUBSCRIBER).create({
    data: { documentId: 'legacylocalhostname0000', name: 'Legacy by name', url: receiver.url.replace('127.0.0.1', 'localhost'), secret: `whsec_${Buffer.alloc(32, 2).toString('base64')}`, enabled: true },
  });
  await publish(app.strapi, ARTICLE, { title: 'Not for internal targets' });
  await waitUntil(async () => (await deliveryRows(app.strapi)).filter((row) => row.status === 'failed').length === 2, 10_000, 'refusals');
  const attempts = await attemptRows(app.strapi);
  expect(attempts.map((row) => row.error)).toEqual([expect.stringMatching(/private|loopback/), expect.stringMatching(/private|loopback/)]);
  expect(receiver.requests).toHaveLength(0);
});
