import { startTestApp, type TestApp } from '../helpers/app';
import { createAdmin, type AdminSession } from '../helpers/admin';
import { browserUserAgent, postView } from '../helpers/http';
import { startReceiver } from '../helpers/receiver';
import { ARTICLE, createDraft, flushViews, publish, storedTotal } from '../helpers/view-counter';

const FRONTEND = 'https://www.silkcouncil.example';

let app: TestApp;
let url: string;
let admin: AdminSession;

beforeAll(async () => {
  app = await startTestApp({ FRONTEND_URL: FRONTEND, TRUST_PROXY: 'true' });
  url = await app.url();
  admin = await createAdmin(app);
});
afterAll(async () => {
  await app?.stop();
});

/** A distinct visitor per call: its own address behind the (trusted) proxy. */
let visitorNumber = 0;
const visitor = () => {
  visitorNumber += 1;
  return {
    'X-Forwarded-For': `203.0.113.${visitorNumber % 250}, 10.0.0.1`,
    'User-Agent': browserUserAgent(visitorNumber),
  };
};

describe('the plugin', () => {
  it('is loaded from its built dist (Strapi skips an unbuilt local plugin silently)', () => {
    expect(app.strapi.plugin('view-counter')).toBeDefined();
    expect(app.strapi.plugin('view-counter').service('recorder')).toBeDefined();
  });
});

describe('recording a view', () => {
  it('accepts what navigator.sendBeacon sends (JSON as text/plain) and application/json, answering 202', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Beacon article' });
    const beacon = await postView(url, { type: 'article', documentId }, visitor());
    expect(beacon.status).toBe(202);
    const json = await app
      .http()
      .post('/api/view-counter/views')
      .set(visitor())
      .send({ type: 'article', documentId });
    expect(json.status).toBe(202);
    expect(await storedTotal(app.strapi, documentId)).toBe(2);
  });

  it('answers the configured frontend origin (CORS), including the preflight', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'CORS article' });
    const preflight = await app
      .http()
      .options('/api/view-counter/views')
      .set('Origin', FRONTEND)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(preflight.status).toBeLessThan(300);
    expect(preflight.headers['access-control-allow-origin']).toBe(FRONTEND);
    const response = await postView(url, { type: 'article', documentId }, { ...visitor(), Origin: FRONTEND });
    expect(response.status).toBe(202);
  });

  it('counts the same visitor once within the window, and again once the window has passed', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Dedupe article' });
    const me = visitor();
    for (let i = 0; i < 5; i += 1) expect((await postView(url, { type: 'article', documentId }, me)).status).toBe(202);
    expect(await storedTotal(app.strapi, documentId)).toBe(1);

    // Same address, other browser: another visitor.
    await postView(url, { type: 'article', documentId }, { ...me, 'User-Agent': browserUserAgent('other') });
    expect(await storedTotal(app.strapi, documentId)).toBe(2);

    // Let 31 minutes pass for this visitor's rows.
    await app.strapi.db
      .connection('view_counter_visitors')
      .where({ document_id: documentId })
      .update({ seen_at: Date.now() - 31 * 60_000 });
    await postView(url, { type: 'article', documentId }, me);
    expect(await storedTotal(app.strapi, documentId)).toBe(3);
  });

  it('stores neither IP addresses nor User-Agents', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Privacy article' });
    await postView(url, { type: 'article', documentId }, { 'X-Forwarded-For': '198.51.100.77', 'User-Agent': browserUserAgent('privacy') });
    await flushViews(app.strapi);
    const rows = await app.strapi.db.connection('view_counter_visitors').where({ document_id: documentId });
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain('198.51.100.77');
    expect(stored).not.toContain('Chrome');
    expect(rows[0].visitor).toMatch(/^[0-9a-f]{40}$/);
  });

  it.each([
    ['Googlebot', 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'],
    ['Slack link preview', 'Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)'],
    ['Facebook link preview', 'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)'],
    ['Twitter card fetcher', 'Twitterbot/1.0'],
    ['curl', 'curl/8.5.0'],
    ['no User-Agent', ''],
  ])('ignores %s', async (_name, userAgent) => {
    const documentId = await publish(app.strapi, ARTICLE, { title: `Bot target ${userAgent}` });
    const response = await app
      .http()
      .post('/api/view-counter/views')
      .set({ ...visitor(), 'User-Agent': userAgent })
      .send({ type: 'article', documentId });
    expect(response.status).toBe(202);
    expect(response.body.data).toEqual({ status: 'ignored', reason: 'bot' });
    expect(await storedTotal(app.strapi, documentId)).toBe(0);
  });

  it('ignores browser prefetches', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Prefetched article' });
    const response = await postView(url, { type: 'article', documentId }, { ...visitor(), 'Sec-Purpose': 'prefetch' });
    expect(response.status).toBe(202);
    expect(await storedTotal(app.strapi, documentId)).toBe(0);
  });
});

describe('refusals leave every count unchanged', () => {
  let documentId: string;
  let draftId: string;

  beforeAll(async () => {
    documentId = await publish(app.strapi, ARTICLE, { title: 'Refusal target' });
    draftId = await createDraft(app.strapi, ARTICLE, { title: 'Unpublished draft' });
    await postView(url, { type: 'article', documentId }, visitor());
  });

  const expectUnchanged = async () => {
    expect(await storedTotal(app.strapi, documentId)).toBe(1);
    expect(await storedTotal(app.strapi, draftId)).toBe(0);
  };

  it.each([
    ['an unknown type', { type: 'recipe', documentId: 'abc' }, 404],
    ['a type that is not counted', { type: 'official', documentId: 'abc' }, 404],
    ['an unknown document', { type: 'article', documentId: 'doesnotexist0000000000000' }, 404],
    ['a missing documentId', { type: 'article' }, 400],
    ['a numeric documentId', { type: 'article', documentId: 12 }, 400],
    ['an unknown field', { type: 'article', documentId: 'x', count: 100 }, 400],
    ['an array body', [{ type: 'article' }], 400],
    ['a documentId with SQL in it', { type: 'article', documentId: "x' OR '1'='1" }, 400],
  ])('%s: answers %s', async (_name, payload, status) => {
    const response = await postView(url, payload, visitor());
    expect(response.status).toBe(status);
    expect((response.body as { error: { message: string } }).error.message).toEqual(expect.any(String));
    await expectUnchanged();
  });

  it('a draft: 404', async () => {
    const response = await postView(url, { type: 'article', documentId: draftId }, visitor());
    expect(response.status).toBe(404);
    await expectUnchanged();
  });

  it('malformed JSON: 400 saying so', async () => {
    const response = await postView(url, '{"type": "article", ', visitor());
    expect(response.status).toBe(400);
    expect((response.body as { error: { message: string } }).error.message).toMatch(/JSON/);
    await expectUnchanged();
  });

  it('an oversized body: 413', async () => {
    const response = await postView(url, JSON.stringify({ type: 'article', documentId, pad: 'x'.repeat(5000) }), visitor());
    expect(response.status).toBe(413);
    await expectUnchanged();
  });

  it('a client over the rate limit: 429, and its views beyond the limit are not counted', async () => {
    const target = await publish(app.strapi, ARTICLE, { title: 'Rate limited target' });
    const settings = await app.http().get('/view-counter/settings').set(admin.auth);
    await app.http().put('/view-counter/settings').set(admin.auth).send({ ...settings.body.data.settings, rateLimit: 5 });
    try {
      const address = { 'X-Forwarded-For': '192.0.2.200' };
      const statuses: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        const response = await postView(url, { type: 'article', documentId: target }, { ...address, 'User-Agent': browserUserAgent(`rl-${i}`) });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
      expect(await storedTotal(app.strapi, target)).toBe(5);
    } finally {
      await app.http().put('/view-counter/settings').set(admin.auth).send(settings.body.data.settings);
    }
  });
});

describe('the document itself is never touched', () => {
  it('views do not bump updatedAt, do not mark the entry modified, and fire no entry.update webhook', async () => {
    const receiver = await startReceiver();
    try {
      const webhook = await app
        .http()
        .post('/admin/webhooks')
        .set(admin.auth)
        .send({ name: 'probe', url: receiver.url, headers: {}, events: ['entry.update', 'entry.publish', 'entry.create'] });
      expect(webhook.status).toBe(201);

      const documentId = await publish(app.strapi, ARTICLE, { title: 'Untouched article' });
      await receiver.waitFor(2); // entry.create + entry.publish of the editor's own action
      receiver.requests.length = 0;
      const before = await app.http().get(`/content-manager/collection-types/${ARTICLE}/${documentId}`).set(admin.auth);

      for (let i = 0; i < 20; i += 1) await postView(url, { type: 'article', documentId }, visitor());
      await flushViews(app.strapi);
      await new Promise((resolve) => setTimeout(resolve, 1000));

      expect(await storedTotal(app.strapi, documentId)).toBe(20);
      expect(receiver.requests).toHaveLength(0);
      const after = await app.http().get(`/content-manager/collection-types/${ARTICLE}/${documentId}`).set(admin.auth);
      expect(after.body.data.updatedAt).toBe(before.body.data.updatedAt);
      expect(after.body.data.status).toBe('published');

      // Control: an editor's save does reach the receiver.
      await app.http().put(`/content-manager/collection-types/${ARTICLE}/${documentId}`).set(admin.auth).send({ title: 'Untouched article, edited' });
      const [update] = await receiver.waitFor(1);
      expect(JSON.parse(update.body).event).toBe('entry.update');
      await app.http().delete(`/admin/webhooks/${webhook.body.data.id}`).set(admin.auth);
    } finally {
      await receiver.close();
    }
  });

  it("an editor's save and publish while views arrive keep every view", async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Busy article' });
    const views = Array.from({ length: 60 }, () => postView(url, { type: 'article', documentId }, visitor()));
    const edits = [
      app.http().put(`/content-manager/collection-types/${ARTICLE}/${documentId}`).set(admin.auth).send({ title: 'Busy article (rev 2)' }),
      app.http().post(`/content-manager/collection-types/${ARTICLE}/${documentId}/actions/publish`).set(admin.auth).send({}),
    ];
    const results = await Promise.all([...views, ...edits]);
    expect(results.slice(0, 60).every((response) => response.status === 202)).toBe(true);
    expect(results.slice(60).map((response) => response.status)).toEqual([200, 200]);
    expect(await storedTotal(app.strapi, documentId)).toBe(60);
  });
});

describe('views on REST responses', () => {
  it('adds the all-time total to find and findOne of articles', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Counted on REST' });
    for (let i = 0; i < 3; i += 1) await postView(url, { type: 'article', documentId }, visitor());
    await flushViews(app.strapi);

    const one = await app.http().get(`/api/articles/${documentId}`);
    expect(one.body.data.views).toBe(3);
    const list = await app.http().get('/api/articles').query({ 'filters[documentId][$eq]': documentId });
    expect(list.body.data[0].views).toBe(3);
    const never = await publish(app.strapi, ARTICLE, { title: 'Never read' });
    expect((await app.http().get(`/api/articles/${never}`)).body.data.views).toBe(0);
  });

  it('costs the same number of queries for a page of 2 and a page of 20 articles', async () => {
    for (let i = 0; i < 20; i += 1) await publish(app.strapi, ARTICLE, { title: `Listed article ${i}` });
    // Publishing emits events whose payloads are populated in the background: let them finish.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const queriesFor = async (pageSize: number) => {
      let queries = 0;
      const count = () => {
        queries += 1;
      };
      app.strapi.db.connection.on('query', count);
      const response = await app.http().get('/api/articles').query({ 'pagination[pageSize]': pageSize });
      app.strapi.db.connection.off('query', count);
      expect(response.body.data).toHaveLength(pageSize);
      expect(response.body.data.every((entry: { views?: unknown }) => typeof entry.views === 'number')).toBe(true);
      return queries;
    };
    const forTwo = await queriesFor(2);
    expect(await queriesFor(20)).toBeLessThanOrEqual(forTwo);
  });

  it('does not add views to types that are not counted', async () => {
    const response = await app.http().get('/api/officials');
    expect(response.status).toBe(200);
    for (const official of response.body.data) expect(official).not.toHaveProperty('views');
  });
});

describe('deleting a document', () => {
  it('forgets its counts', async () => {
    const documentId = await publish(app.strapi, ARTICLE, { title: 'Soon deleted' });
    await postView(url, { type: 'article', documentId }, visitor());
    expect(await storedTotal(app.strapi, documentId)).toBe(1);
    await app.strapi.documents(ARTICLE).delete({ documentId });
    expect(await storedTotal(app.strapi, documentId)).toBe(0);
  });
});
