import { startTestApp, type TestApp } from '../helpers/app';
import { browserUserAgent, pool, postView } from '../helpers/http';
import { ARTICLE, publish, storedTotal } from '../helpers/view-counter';

const VISITORS = 1200;
const CONCURRENCY = 50;

describe.each([
  ['buffered (flush every second)', '1000'],
  ['write-through', '0'],
])('%s', (_mode, flushMs) => {
  let app: TestApp;
  let url: string;

  beforeAll(async () => {
    app = await startTestApp({ VIEW_COUNTER_FLUSH_MS: flushMs, TRUST_PROXY: 'true' });
    url = await app.url();
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`counts ${VISITORS} concurrent views from distinct visitors exactly, and repeats not at all`, async () => {
    const [first, second] = [
      await publish(app.strapi, ARTICLE, { title: 'Crowded article' }),
      await publish(app.strapi, ARTICLE, { title: 'Crowded article too' }),
    ];
    const visitorHeaders = (n: number) => ({
      'X-Forwarded-For': `10.${Math.floor(n / 250)}.${n % 250}.7`,
      'User-Agent': browserUserAgent(n),
    });
    // Every visitor reads both articles, and the first article twice (the repeat must not count).
    const statuses = await pool(VISITORS * 3, CONCURRENCY, async (i) => {
      const n = i % VISITORS;
      const documentId = i < VISITORS * 2 ? first : second;
      return (await postView(url, { type: 'article', documentId }, visitorHeaders(n))).status;
    });
    expect(statuses.filter((status) => status !== 202)).toEqual([]);

    expect(await storedTotal(app.strapi, first)).toBe(VISITORS);
    expect(await storedTotal(app.strapi, second)).toBe(VISITORS);
    const series = await app.http().get(`/api/view-counter/views/article/${first}?days=1`);
    expect(series.body.total).toBe(VISITORS);
    expect(series.body.days[0].views).toBe(VISITORS);
  });
});
