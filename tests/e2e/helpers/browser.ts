import fs from 'fs';
import path from 'path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { APP_ROOT } from '../../helpers/app';

/** Debian's `chromium` package; `npx playwright install` needs a download this project avoids. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots and logs of the e2e run (test-results/ is gitignored). */
export const ARTIFACTS_DIR = path.join(APP_ROOT, 'test-results', 'e2e');

/** Generous: the admin is a large single-page app and CI machines are slow. */
export const UI_TIMEOUT_MS = 30_000;

/**
 * Desktop Chrome user agents. Headless Chromium announces itself as "HeadlessChrome", which
 * the view counter rightly treats as a bot, so pages that must be counted use one of these.
 */
export const DESKTOP_USER_AGENTS = {
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  windows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
} as const;

export const launchBrowser = async (): Promise<Browser> => {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `No Chromium at ${CHROMIUM_PATH}: install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/** Each context's API calls (fetch/XHR), error answers and failed requests, for failure reports. */
const networkLogs = new WeakMap<BrowserContext, string[]>();

export const newContext = async (browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) => {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US', ...options });
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(UI_TIMEOUT_MS);
  const started = Date.now();
  const log: string[] = [];
  const note = (line: string) => log.push(`+${Date.now() - started} ms ${line}`);
  context.on('response', (response) => {
    const apiCall = ['fetch', 'xhr', 'ping'].includes(response.request().resourceType());
    if (apiCall || response.status() >= 400)
      note(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  context.on('requestfailed', (request) =>
    note(`FAILED ${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  networkLogs.set(context, log);
  return context;
};

/** Saves test-results/e2e/<name>.png. */
export const screenshot = async (page: Page, name: string) => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`), fullPage: true });
};

/** Writes a text artifact, e.g. the app's log, to test-results/e2e/<name>. */
export const saveArtifact = (name: string, content: string) => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS_DIR, name), content);
};

/**
 * Runs a test body. If it fails, every page still open is saved as
 * FAILED-<name>-<context>-<page>.png and each context's network log as
 * FAILED-<name>-<context>-network.log, then the failure is rethrown.
 */
export const withFailureArtifacts = async (browser: Browser, name: string, body: () => Promise<void>) => {
  try {
    await body();
  } catch (error) {
    await Promise.all(
      browser.contexts().flatMap((context, contextIndex) => {
        saveArtifact(`FAILED-${name}-${contextIndex}-network.log`, `${(networkLogs.get(context) ?? []).join('\n')}\n`);
        return context
          .pages()
          .map((page, pageIndex) =>
            screenshot(page, `FAILED-${name}-${contextIndex}-${pageIndex}`).catch(() => undefined),
          );
      }),
    );
    throw error;
  }
};

/**
 * Polls `read` until `accept` holds; returns the accepted value or fails naming the last one.
 * For state the page cannot announce (a count in the database).
 */
export const eventually = async <T>(
  what: string,
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  { timeoutMs = UI_TIMEOUT_MS, intervalMs = 100 } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `error ${String(lastError)}` : JSON.stringify(last);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};

/** Waits until the element's visible text (trimmed) equals `expected`; returns it. */
export const waitForText = async (locator: Locator, expected: string, timeoutMs = UI_TIMEOUT_MS) =>
  eventually(
    `${locator} to read "${expected}"`,
    async () => (await locator.innerText({ timeout: timeoutMs })).trim(),
    (text) => text === expected,
    {
      timeoutMs,
    },
  );
