import { startTestApp, type TestApp } from '../helpers/app';
import { createAdmin, createApiToken, type AdminSession } from '../helpers/admin';
import { contentManager, type ContentManager } from '../helpers/content-manager';
import { browserUserAgent, postView } from '../helpers/http';
import { startReceiver, type Receiver } from '../helpers/receiver';
import { expectValidationError, dataOf } from '../helpers/responses';
import { attemptRows, createSubscriber, deliveryRows, SUBSCRIBER, verify, waitUntil } from '../helpers/syndication';
import { ARTICLE, flushViews } from '../helpers/view-counter';

const FRONTEND = 'https://www.silkcouncil.example';

let app: TestApp;
let admin: AdminSession;
let cm: ContentManager;
let receiver: Receiver;
let secret: string;
let publisherId: string;

beforeAll(async () => {
  app = await startTestApp({
    FRONTEND_URL: FRONTEND,
    SYNDICATION_ALLOW_PRIVATE_TARGETS: 'true',
    SYNDICATION_RETRY_SCHEDULE: '1s,1s,1s',
    SYNDICATION_TIMEOUT_MS: '700',
    SYNDICATION_POLL_MS: '200',
  });
  admin = await createAdmin(app);
  cm = contentManager(app, admin);
  receiver = await startReceiver();
  ({ secret } = await createSubscriber(app.strapi, { name: 'Wire service', url: receiver.url }));
  publisherId = dataOf(await cm.create('api::organization.organization', { name: 'Silk Council', kind: 'think-tank' })).documentId;
});
afterAll(async () => {
  await app?.stop();
  await receiver?.close();
});
beforeEach(() => {
  receiver.respondWith(200);
  receiver.delayBy(0);
  receiver.requests.length = 0;
});

/** Waits for `count` webhooks, verifies each signature, and returns the events. */
const received = async (count: number) => (await receiver.waitFor(count)).slice(0, count).map((request) => verify(secret, request));
/** Proves nothing else arrives in the next moment. */
const nothingMore = async (expected: number) => {
  await new Promise((resolve) => setTimeout(resolve, 1200));
  expect(receiver.requests).toHaveLength(expected);
};

describe('events', () => {
  it('publish, update, unpublish and delete each arrive once, signed, with the document as REST returns it', async () => {
    const draft = dataOf(await cm.create(ARTICLE, { title: 'Rome talks analysis', excerpt: 'First take', publisher: { connect: [publisherId] } }));
    await nothingMore(0); // a draft save is not an event

    await cm.publish(ARTICLE, draft.documentId, {});
    const [published] = await received(1);
    expect(published).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      type: 'article.published',
      canonicalUrl: `${FRONTEND}/articles/rome-talks-analysis`,
      data: { documentId: draft.documentId, title: 'Rome talks analysis', excerpt: 'First take', publisher: { name: 'Silk Council' } },
    });
    expect(new Date(published.occurredAt).toISOString()).toBe(published.occurredAt);
    expect(receiver.requests[0].headers['webhook-id']).toBe(published.id);
    expect(published.data).not.toHaveProperty('createdBy');
    const rest = (await app.http().get(`/api/articles/${draft.documentId}`).query({ 'populate[publisher]': true })).body.data;
    expect(published.data.publisher).toEqual(rest.publisher);

    receiver.requests.length = 0;
    await cm.update(ARTICLE, draft.documentId, { excerpt: 'Revised take' });
    await nothingMore(0); // saving the draft of a published article is not an event either
    await cm.publish(ARTICLE, draft.documentId, {});
    const [updated] = await received(1);
    expect(updated).toMatchObject({ type: 'article.updated', data: { excerpt: 'Revised take' } });
    expect(updated.id).not.toBe(published.id);

    receiver.requests.length = 0;
    await cm.unpublish(ARTICLE, draft.documentId);
    const [unpublished] = await received(1);
    expect(unpublished).toMatchObject({ type: 'article.unpublished', data: { documentId: draft.documentId, excerpt: 'Revised take' } });

    receiver.requests.length = 0;
    await cm.publish(ARTICLE, draft.documentId, {});
    expect((await received(1))[0].type).toBe('article.published');
    receiver.requests.length = 0;
    await cm.remove(ARTICLE, draft.documentId);
    const [deleted] = await received(1);
    expect(deleted).toMatchObject({ type: 'article.deleted', data: { documentId: draft.documentId, title: 'Rome talks analysis' } });
    await nothingMore(1);
  });

  it('covers statements and meetings, and a REST create-and-publish with a token', async () => {
    await cm.createPublished('api::meeting.meeting', { title: 'Biden–Xi call', date: '2022-03-18', format: 'phone' });
    const token = await createApiToken(app.strapi, 'full-access');
    const rest = await app.http().post('/api/statements').set(token).send({ data: { title: "China's position", kind: 'press-release' } });
    expect(rest.status).toBe(201);
    const events = await received(2);
    expect(events.map((event) => event.type).sort()).toEqual(['meeting.published', 'statement.published']);
    expect(events.find((event) => event.type === 'meeting.published')?.canonicalUrl).toBe(`${FRONTEND}/meetings/biden-xi-call`);
  });

  it('sends nothing for a view count', async () => {
    const article = dataOf(await cm.createPublished(ARTICLE, { title: 'Viewed, not changed' }));
    await received(1);
    receiver.requests.length = 0;
    const url = await app.url();
    for (let i = 0; i < 5; i += 1) await postView(url, { type: 'article', documentId: article.documentId }, { 'User-Agent': browserUserAgent(`syn-${i}`) });
    await flushViews(app.strapi);
    await nothingMore(0);
  });

  it('respects what a subscriber asked for', async () => {
    const onlyMeetings = await startReceiver();
    try {
      const picky = await createSubscriber(app.strapi, { name: 'Meetings desk', url: onlyMeetings.url, contentTypes: ['meeting'], events: ['meeting.published'] });
      await cm.createPublished(ARTICLE, { title: 'Not for the meetings desk' });
      await cm.createPublished('api::meeting.meeting', { title: 'Zurich talks', date: '2021-10-01', format: 'in-person' });
      const [event] = await onlyMeetings.waitFor(1);
      expect(verify(picky.secret, event).type).toBe('meeting.published');
      await received(2); // the catch-all subscriber got both
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(onlyMeetings.requests).toHaveLength(1);
      await app.strapi.documents(SUBSCRIBER).delete({ documentId: picky.documentId });
    } finally {
      await onlyMeetings.close();
    }
  });
});

describe('retries', () => {
  it('a partner answering 503 gets the event after it recovers, and the log shows every attempt', async () => {
    receiver.respondWith(503);
    const article = dataOf(await cm.createPublished(ARTICLE, { title: 'Sent during an outage' }));
    await receiver.waitFor(2); // the first try and one retry, both refused
    receiver.respondWith(200);
    await waitUntil(async () => (await deliveryRows(app.strapi)).some((row) => row.status === 'delivered' && row.last_status_code === 200 && row.attempts >= 3), 10_000, 'delivery');
    const events = receiver.requests.map((request) => verify(secret, request));
    expect(new Set(events.map((event) => event.id)).size).toBe(1); // the same event id every time
    expect(events[0].data.documentId).toBe(article.documentId);
    const attempts = (await attemptRows(app.strapi)).filter((row) => row.event_id === events[0].id);
    expect(attempts.map((row) => [row.status_code, row.outcome])).toEqual([
      ...attempts.slice(0, -1).map(() => [503, 'retry']),
      [200, 'delivered'],
    ]);
    expect(attempts[0].next_attempt_at).not.toBeNull();
  });

  it('a partner that refuses connections, then comes back, gets the event', async () => {
    await receiver.down();
    await cm.createPublished(ARTICLE, { title: 'Sent while the partner was offline' });
    await waitUntil(async () => (await attemptRows(app.strapi)).some((row) => /ECONNREFUSED/.test(row.error ?? '')), 10_000, 'a refused attempt');
    await receiver.reopen();
    const [event] = await received(1);
    expect(event.data.title).toBe('Sent while the partner was offline');
  });

  it('a partner that times out is retried', async () => {
    receiver.delayBy(1500);
    await cm.createPublished(ARTICLE, { title: 'Slow partner' });
    await waitUntil(async () => (await attemptRows(app.strapi)).some((row) => /timed out/.test(row.error ?? '')), 10_000, 'a timeout');
    receiver.delayBy(0);
    await waitUntil(async () => receiver.requests.some((request) => request.body.includes('Slow partner')) && (await deliveryRows(app.strapi)).every((row) => row.status !== 'pending'), 10_000, 'delivery');
  });

  it('gives up after the last retry of the schedule', async () => {
    receiver.respondWith(500);
    await cm.createPublished(ARTICLE, { title: 'Never accepted' });
    await waitUntil(async () => (await deliveryRows(app.strapi)).some((row) => row.status === 'failed' && /retries exhausted/.test(row.last_error ?? '')), 15_000, 'failure');
    expect(receiver.requests.length).toBe(4); // first try + 3 retries
  });

  it('410 Gone disables the subscriber: nothing more is sent to it', async () => {
    const gone = await startReceiver();
    try {
      gone.respondWith(410);
      const subscriber = await createSubscriber(app.strapi, { name: 'Closed partner', url: gone.url });
      await cm.createPublished(ARTICLE, { title: 'Told to go away' });
      await gone.waitFor(1);
      await waitUntil(async () => !(await app.strapi.db.query(SUBSCRIBER).findOne({ where: { documentId: subscriber.documentId } }))?.enabled, 5_000, 'disable');
      const stored = await app.strapi.db.query(SUBSCRIBER).findOne({ where: { documentId: subscriber.documentId } });
      expect(stored.disabledReason).toMatch(/410/);
      await cm.createPublished(ARTICLE, { title: 'Not sent to the closed partner' });
      await received(2);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(gone.requests).toHaveLength(1);
    } finally {
      await gone.close();
    }
  });
});

describe('subscribers', () => {
  it('get a whsec_ secret when none is given, keep a pasted one, and rotate when it is cleared', async () => {
    const generated = await createSubscriber(app.strapi, { name: 'Generated', url: receiver.url });
    expect(generated.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const pasted = 'whsec_' + Buffer.alloc(32, 7).toString('base64');
    const withPasted = await createSubscriber(app.strapi, { name: 'Pasted', url: receiver.url, secret: pasted });
    expect(withPasted.secret).toBe(pasted);
    await app.strapi.documents(SUBSCRIBER).update({ documentId: withPasted.documentId, data: { secret: '' } as never });
    const rotated = await app.strapi.db.query(SUBSCRIBER).findOne({ where: { documentId: withPasted.documentId } });
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(pasted);
    for (const id of [generated.documentId, withPasted.documentId]) await app.strapi.documents(SUBSCRIBER).delete({ documentId: id });
  });

  it('are managed in the admin, which refuses bad input with a 400 naming the field', async () => {
    const uid = SUBSCRIBER;
    expectValidationError(await cm.create(uid, { name: 'No URL' }), 'url');
    expectValidationError(await cm.create(uid, { name: 'Bad URL', url: 'ftp://partner.example/hook' }), 'url');
    expectValidationError(await cm.create(uid, { name: 'Bad secret', url: receiver.url, secret: 'hunter2' }), 'secret');
    expectValidationError(await cm.create(uid, { name: 'Bad events', url: receiver.url, events: ['article.viewed'] }), 'events');
    expectValidationError(await cm.create(uid, { name: 'Bad types', url: receiver.url, contentTypes: ['official'] }), 'contentTypes');
    const created = dataOf(await cm.create(uid, { name: 'From the admin', url: receiver.url }));
    expect(dataOf(await cm.get(uid, created.documentId)).secret).toMatch(/^whsec_/); // admins see it
    await cm.remove(uid, created.documentId);
  });

  it('and their secrets are not reachable through the public API or a read-only token', async () => {
    for (const path of ['/api/syndication/subscribers', '/api/subscribers', '/api/syndication-subscribers']) {
      expect((await app.http().get(path)).status).toBe(404);
    }
  });
});

describe('admin delivery log', () => {
  it('lists deliveries with attempts, redelivers an event and sends a test event', async () => {
    await cm.createPublished(ARTICLE, { title: 'Logged delivery' });
    const [event] = await received(1);
    const subscriber = (await deliveryRows(app.strapi)).find((row) => row.event_id === event.id).subscriber_id;

    const log = await app.http().get(`/syndication/subscribers/${subscriber}/deliveries`).set(admin.auth);
    expect(log.status).toBe(200);
    const entry = log.body.data.find((row: { eventId: string }) => row.eventId === event.id);
    expect(entry).toMatchObject({ eventType: 'article.published', status: 'delivered', attempts: 1, lastStatusCode: 200 });
    const attempts = await app.http().get(`/syndication/deliveries/${entry.id}/attempts`).set(admin.auth);
    expect(attempts.body.data).toEqual([expect.objectContaining({ attempt: 1, statusCode: 200, outcome: 'delivered', durationMs: expect.any(Number) })]);

    receiver.requests.length = 0;
    expect((await app.http().post(`/syndication/deliveries/${entry.id}/redeliver`).set(admin.auth)).status).toBe(202);
    const [again] = await received(1);
    expect(again.id).toBe(event.id); // same event id: partners can deduplicate

    receiver.requests.length = 0;
    expect((await app.http().post(`/syndication/subscribers/${subscriber}/test`).set(admin.auth)).status).toBe(202);
    const [test] = await received(1);
    expect(test.type).toBe('syndication.test');
  });

  it('redelivering a failed delivery starts a fresh retry schedule; a pending one is refused', async () => {
    receiver.respondWith(500);
    await cm.createPublished(ARTICLE, { title: 'Failed, then redelivered' });
    const failed = async () =>
      (await deliveryRows(app.strapi)).find((row) => row.status === 'failed' && receiver.requests.some((r) => r.body.includes('Failed, then redelivered')));
    await waitUntil(async () => Boolean(await failed()), 15_000, 'the first cycle to fail');
    const delivery = await failed();

    receiver.requests.length = 0;
    expect((await app.http().post(`/syndication/deliveries/${delivery.id}/redeliver`).set(admin.auth)).status).toBe(202);
    const again = await app.http().post(`/syndication/deliveries/${delivery.id}/redeliver`).set(admin.auth);
    expect(again.status).toBe(400);
    expect(again.body.error.message).toMatch(/pending/);

    await receiver.waitFor(2); // the redelivery and at least one retry of the new cycle
    receiver.respondWith(200);
    await waitUntil(async () => (await deliveryRows(app.strapi)).find((row) => row.id === delivery.id)?.status === 'delivered', 10_000, 'delivery');
  });

  it('refuses anonymous callers and checks its input', async () => {
    expect((await app.http().get('/syndication/catalog')).status).toBe(401);
    expect((await app.http().get('/syndication/deliveries/abc/attempts').set(admin.auth)).status).toBe(400);
    expect((await app.http().get('/syndication/subscribers/nope/deliveries').set(admin.auth)).status).toBe(404);
    expect((await app.http().get('/syndication/catalog').set(admin.auth)).body.data.events).toContain('statement.unpublished');
  });
});
