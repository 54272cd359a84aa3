import path from 'path';
import type { Browser, Page } from 'playwright-core';
import { APP_ROOT } from '../helpers/app';
import { browserUserAgent, postView } from '../helpers/http';
import { articleBySlug, getJson, startE2eApp, type E2eApp, type RestArticle } from './helpers/app';
import {
  DESKTOP_USER_AGENTS,
  eventually,
  launchBrowser,
  newContext,
  screenshot,
  waitForText,
  withFailureArtifacts,
} from './helpers/browser';
import { serveDirectory, type StaticServer } from './helpers/static-server';

const SLUG = 'recent-china-us-talks';
const BEACON_PATH = '/api/view-counter/views';
/** A demo meeting whose views only the test records; see `viewsFlushed`. */
const SENTINEL_MEETING = 'rome-talks';

let frontend: StaticServer;
let app: E2eApp;
let browser: Browser;
let sentinelId: string;
let sentinelViews = 0;

beforeAll(async () => {
  // The page's origin is the frontend the app allows (CORS), on another port than the app.
  frontend = await serveDirectory(path.join(APP_ROOT, 'examples', 'frontend'));
  app = await startE2eApp('frontend-article', {
    FRONTEND_URL: frontend.url,
    // Meetings are tracked too, only so the test has a second document for its flush barrier.
    VIEW_COUNTER_CONTENT_TYPES: 'api::article.article,api::meeting.meeting',
  });
  browser = await launchBrowser();
  const { data } = await getJson<{ data: Array<{ documentId: string }> }>(
    `${app.url}/api/meetings?filters[slug][$eq]=${SENTINEL_MEETING}&fields[0]=slug`,
  );
  sentinelId = data[0].documentId;
}, 120_000);

afterEach(async () => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await frontend?.close();
});

const article = async () => {
  const found = await articleBySlug(app.url, SLUG);
  if (!found) throw new Error(`No published article "${SLUG}"`);
  return found;
};

/**
 * Resolves once every view the app has acknowledged so far is in the database. Views are
 * buffered and written in one transaction per flush, so a view of another document sent
 * after them (by a new visitor) becomes visible only together with them or later.
 */
const viewsFlushed = async () => {
  sentinelViews += 1;
  const sent = await postView(
    app.url,
    { type: 'meeting', documentId: sentinelId },
    { 'User-Agent': browserUserAgent(`sentinel-${sentinelViews}`) },
  );
  expect(sent.status).toBe(202);
  await eventually(
    'the flush barrier view to be written',
    async () => (await getJson<{ data: { views: number } }>(`${app.url}/api/meetings/${sentinelId}`)).data.views,
    (views) => views === sentinelViews,
  );
};

interface Reader {
  page: Page;
  /** Every beacon the page sent, to check it sends one per load. */
  beacons: string[];
  /** Script errors, console errors and failed requests (a CORS refusal is one). */
  problems: string[];
}

/** A reader's browser: desktop Chrome (headless Chromium's own UA is a bot to the counter). */
const openReader = async (userAgent: string): Promise<Reader> => {
  const context = await newContext(browser, { userAgent, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const beacons: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname === BEACON_PATH)
      beacons.push(request.postData() ?? '');
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => message.type() === 'error' && problems.push(`console error: ${message.text()}`));
  page.on('requestfailed', (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  return { page, beacons, problems };
};

const closeReader = async (reader: Reader) => {
  await reader.page.context().close();
  expect(reader.problems).toEqual([]);
};

/** Loads (or reloads) the page and waits until its beacon was answered 202. */
const readArticle = async ({ page, problems }: Reader, action: 'goto' | 'reload', expected: RestArticle) => {
  const beacon = page.waitForResponse(
    (response) => new URL(response.url()).pathname === BEACON_PATH && response.request().method() === 'POST',
  );
  // Awaited below unless the page fails first; then its rejection must not go unhandled.
  beacon.catch(() => undefined);
  const url = `${frontend.url}/?${new URLSearchParams({ api: app.url, slug: SLUG })}`;
  if (action === 'goto') await page.goto(url);
  else await page.reload();
  const title = page.getByRole('heading', { name: expected.title, level: 1 });
  // The page says so when it cannot load the article (a CORS refusal, say): fail at once.
  const failure = page.locator('#status.error');
  await title.or(failure).waitFor();
  if (await failure.isVisible()) {
    throw new Error(`The page could not show the article: ${await failure.innerText()}\n${problems.join('\n')}`);
  }
  expect((await beacon).status()).toBe(202);
};

/** The User-Agent headless Chromium sends when none is set ("HeadlessChrome/..."). */
const defaultUserAgent = async () => {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return (await page.evaluate('navigator.userAgent')) as string;
  } finally {
    await context.close();
  }
};

const viewsLabel = (views: number) => `${views} ${views === 1 ? 'view' : 'views'}`;

it('renders the article from REST, with its body and relations', async () => {
  await withFailureArtifacts(browser, 'frontend-render', async () => {
    const expected = await article();
    const reader = await openReader(DESKTOP_USER_AGENTS.linux);
    const { page } = reader;
    await readArticle(reader, 'goto', expected);

    expect(await page.title()).toBe('Recent China-US talks · Silk Council');
    await page
      .getByText(/^On March 14, 2022, Yang Jiechi met US National Security Advisor Jake Sullivan in Rome/)
      .waitFor();
    // The body blocks: five paragraphs.
    expect(await page.locator('#body p').count()).toBe(5);
    await page.getByText(/the third under the Biden administration/).waitFor();
    const officials = page.getByRole('region', { name: 'Officials in this article' }).getByRole('listitem');
    expect((await officials.allInnerTexts()).map((text) => text.split(/[,(]/)[0].trim())).toEqual([
      'Yang Jiechi',
      'Jake Sullivan',
      'Xi Jinping',
      'Joe Biden',
      'Wang Yi',
    ]);
    expect(await page.getByRole('region', { name: 'Meetings' }).getByRole('listitem').count()).toBe(5);
    expect(await page.getByRole('region', { name: 'Official statements' }).getByRole('listitem').count()).toBe(2);
    await waitForText(page.locator('#publisher'), 'Silk Council');
    // The count as REST gave it, before this visit's beacon.
    await waitForText(page.locator('#views'), viewsLabel(expected.views));
    expect(reader.beacons).toEqual([JSON.stringify({ type: 'article', documentId: expected.documentId })]);
    await screenshot(page, 'frontend-1-article');
    await closeReader(reader);
  });
});

it('counts a view once per visitor: a reload within the window does not count again', async () => {
  await withFailureArtifacts(browser, 'frontend-count', async () => {
    await viewsFlushed();
    const before = await article();

    // A new visitor: exactly one more view.
    const reader = await openReader(DESKTOP_USER_AGENTS.windows);
    await readArticle(reader, 'goto', before);
    await waitForText(reader.page.locator('#views'), viewsLabel(before.views));
    await viewsFlushed();
    expect((await article()).views).toBe(before.views + 1);

    // The same visitor reloads within the 30-minute window: the beacon is sent, not counted.
    await readArticle(reader, 'reload', before);
    await waitForText(reader.page.locator('#views'), viewsLabel(before.views + 1));
    expect(reader.beacons).toHaveLength(2);
    await viewsFlushed();
    expect((await article()).views).toBe(before.views + 1);
    await screenshot(reader.page, 'frontend-2-reloaded');

    // Another browser (another User-Agent, so another visitor): one more.
    const other = await openReader(`${DESKTOP_USER_AGENTS.linux} Edg/124.0.0.0`);
    await readArticle(other, 'goto', before);
    expect(other.beacons).toHaveLength(1);
    await viewsFlushed();
    expect((await article()).views).toBe(before.views + 2);
    await waitForText(other.page.locator('#views'), viewsLabel(before.views + 1));
    await screenshot(other.page, 'frontend-3-second-visitor');
    await closeReader(reader);
    await closeReader(other);
  });
});

it('headless Chromium as it announces itself is a bot: its beacon is not counted', async () => {
  await withFailureArtifacts(browser, 'frontend-bot', async () => {
    await viewsFlushed();
    const before = await article();
    const userAgent = await defaultUserAgent();
    expect(userAgent).toContain('HeadlessChrome');
    const bot = await openReader(userAgent);
    await readArticle(bot, 'goto', before);
    expect(bot.beacons).toHaveLength(1);
    await viewsFlushed();
    expect((await article()).views).toBe(before.views);
    await closeReader(bot);
  });
});
