import type { Browser, Page } from 'playwright-core';
import { postView } from '../helpers/http';
import { articleBySlug, registerFirstAdmin, startE2eApp, type AdminCredentials, type E2eApp } from './helpers/app';
import {
  DESKTOP_USER_AGENTS,
  eventually,
  launchBrowser,
  newContext,
  screenshot,
  waitForText,
  withFailureArtifacts,
} from './helpers/browser';

const ARTICLE = {
  title: 'Wang Yi on the Rome talks',
  slug: 'wang-yi-on-the-rome-talks',
  excerpt: 'What the Chinese Foreign Minister told international media after the Rome meeting.',
  body: 'China made it clear that it does not want war in Ukraine.',
  official: 'Wang Yi',
};
const DEMO_ARTICLE_TITLE = 'Recent China-US talks';

let app: E2eApp;
let browser: Browser;
let admin: AdminCredentials;

beforeAll(async () => {
  app = await startE2eApp('admin-flow');
  admin = await registerFirstAdmin(app.url);
  browser = await launchBrowser();
}, 120_000);

afterEach(async () => {
  await Promise.all(browser.contexts().map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const logIn = async (page: Page) => {
  // A development build greets the first super admin with a guided tour that covers the page.
  await page.addLocatorHandler(page.getByRole('button', { name: 'Skip', exact: true }), (skip) => skip.click());
  await page.goto(`${app.url}/admin`);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(admin.password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.getByRole('heading', { name: `Hello ${admin.firstname}` }).waitFor();
};

/** The edit view's "Views" side panel of the view counter. */
const viewsPanel = (page: Page) =>
  page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: 'Views', exact: true }) });

it('an editor publishes an article linked to an official and follows its views in the admin', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureArtifacts(browser, 'admin-flow', async () => {
    await logIn(page);
    await screenshot(page, 'admin-1-home');

    // Create the article in the Content Manager, linking an official with the relation picker.
    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('heading', { name: 'Article', exact: true, level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Create new entry' }).click();
    await page.getByRole('heading', { name: 'Create an entry' }).waitFor();
    await page.getByRole('textbox', { name: 'title' }).fill(ARTICLE.title);
    await page.getByRole('textbox', { name: 'excerpt' }).fill(ARTICLE.excerpt);
    await page.locator('[data-slate-editor="true"]').click();
    await page.keyboard.type(ARTICLE.body);
    await page.getByRole('combobox', { name: 'officials' }).click();
    await page.getByRole('option', { name: ARTICLE.official, exact: true }).click();
    // The picked official is listed under the field.
    await page.getByRole('button', { name: ARTICLE.official, exact: true }).waitFor();
    await screenshot(page, 'admin-2-new-article');

    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    // Once saved, the create page becomes the document's edit page.
    await page.waitForURL(/\/content-manager\/collection-types\/api::article\.article\/(?!create)[A-Za-z0-9]+(\?.*)?$/);
    const documentId = new URL(page.url()).pathname.split('/').pop()!;

    // What the editor did is what readers get.
    const published = await articleBySlug(app.url, ARTICLE.slug);
    expect(published).toMatchObject({
      documentId,
      title: ARTICLE.title,
      views: 0,
      officials: [{ fullName: ARTICLE.official }],
    });
    expect(published?.publishedAt).toEqual(expect.any(String));

    // The edit view of the new article has the Views panel, at zero.
    const panel = viewsPanel(page);
    await panel.getByText('All time').waitFor();
    await waitForText(panel.getByRole('paragraph'), '0');
    await panel.getByRole('group', { name: 'Views per day, last 30 days' }).waitFor();

    // A reader opens the article: one view, as the frontend's beacon sends it.
    const view = await postView(app.url, { type: 'article', documentId }, { 'User-Agent': DESKTOP_USER_AGENTS.linux });
    expect(view.status).toBe(202);
    await eventually(
      'the view to be counted',
      async () => (await articleBySlug(app.url, ARTICLE.slug))?.views,
      (views) => views === 1,
    );

    // The list view has a Views column with each article's total.
    await page.getByRole('link', { name: 'Back' }).click();
    await page.getByRole('heading', { name: 'Article', exact: true, level: 1 }).waitFor();
    const grid = page.getByRole('grid');
    const headerCells = grid.getByRole('row').first().getByRole('gridcell');
    await headerCells.filter({ hasText: /^views$/i }).waitFor();
    const viewsColumn = (await headerCells.allInnerTexts()).map((text) => text.trim().toLowerCase()).indexOf('views');
    const viewsCell = (title: string) =>
      grid.getByRole('row').filter({ hasText: title }).getByRole('gridcell').nth(viewsColumn);
    await waitForText(viewsCell(ARTICLE.title), '1');
    await waitForText(viewsCell(DEMO_ARTICLE_TITLE), '0');
    await screenshot(page, 'admin-3-list-view');

    // Its edit view shows the total and today's bar in the 30-day chart.
    await grid
      .getByRole('row')
      .filter({ hasText: ARTICLE.title })
      .getByRole('gridcell', { name: ARTICLE.title, exact: true })
      .click();
    await page.getByRole('heading', { name: ARTICLE.title, level: 1 }).waitFor();
    await waitForText(panel.getByRole('paragraph'), '1');
    await panel.getByText('1 view in the last 30 days').waitFor();
    expect(await panel.getByRole('img', { name: /: 1 view$/ }).count()).toBe(1);
    expect(await panel.getByRole('img', { name: /: 0 views$/ }).count()).toBe(29);
    await screenshot(page, 'admin-4-edit-view-panel');

    // The homepage widget lists it; the demo article, never read, is not there.
    await page.getByRole('link', { name: 'Home' }).click();
    const widget = page.getByRole('region', { name: 'Most viewed this week' });
    const widgetRow = widget.getByRole('row').filter({ hasText: ARTICLE.title });
    await waitForText(widgetRow.getByRole('gridcell').last(), '1 view');
    expect(await widget.getByText(DEMO_ARTICLE_TITLE).count()).toBe(0);
    await widget.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-5-most-viewed-widget');

    // Its title links to the article's edit view.
    await widget.getByRole('link', { name: ARTICLE.title }).click();
    await page.waitForURL(new RegExp(`/api::article\\.article/${documentId}(\\?.*)?$`));
    await page.getByRole('heading', { name: ARTICLE.title, level: 1 }).waitFor();
  });
}, 180_000);

it('the Views column and panel are there even when the permissions load slowly after login', async () => {
  const page = await (await newContext(browser)).newPage();
  await withFailureArtifacts(browser, 'admin-slow-permissions', async () => {
    // A busy server: the user's permissions, fetched right after login, take a moment.
    await page.route('**/admin/users/me/permissions', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const permissionsLoaded = page.waitForResponse((response) =>
      response.url().endsWith('/admin/users/me/permissions'),
    );
    await logIn(page);
    await permissionsLoaded;

    await page.getByRole('link', { name: 'Content Manager' }).click();
    await page.getByRole('heading', { name: 'Article', exact: true, level: 1 }).waitFor();
    const grid = page.getByRole('grid');
    const demoRow = grid.getByRole('row').filter({ hasText: DEMO_ARTICLE_TITLE });
    await demoRow.waitFor();
    await grid
      .getByRole('row')
      .first()
      .getByRole('gridcell')
      .filter({ hasText: /^views$/i })
      .waitFor();

    await demoRow.getByRole('gridcell', { name: DEMO_ARTICLE_TITLE, exact: true }).click();
    await page.getByRole('heading', { name: DEMO_ARTICLE_TITLE, level: 1 }).waitFor();
    await viewsPanel(page).getByText('All time').waitFor();
  });
}, 120_000);
