import { createHash } from 'crypto';
import type { Core, UID } from '@strapi/strapi';
import { Feed } from 'feed';
import type { SyndicationConfig } from '../config';
import { getService, PLUGIN_ID } from '../utils/get-service';

const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/**
 * RSS 2.0 wants an e-mail address in <author>; articles are authored by organizations, so
 * each item names its publisher in <dc:creator> instead (the feed declares xmlns:dc).
 */
const withCreators = (rss: string, creators: Array<string | null>) => {
  let index = 0;
  return rss.replace(/<\/item>/g, (end) => {
    const creator = creators[index];
    index += 1;
    return creator ? `    <dc:creator>${cdata(creator)}</dc:creator>\n        ${end}` : end;
  });
};

/** The `feed` package writes JSON Feed 1.0; partners get 1.1 (authors, language, content_text). */
const toJsonFeed11 = (json1: string, language: string) => {
  const { version: _version, author, items, ...feed } = JSON.parse(json1) as Record<string, unknown> & {
    author?: unknown;
    items: Array<Record<string, unknown>>;
  };
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      ...feed,
      language,
      ...(author ? { authors: [author] } : {}),
      items: items.map(({ author: itemAuthor, content_html: _html, ...item }) => ({
        ...item,
        content_text: (item.summary as string | undefined) ?? (item.title as string),
        ...(itemAuthor ? { authors: [itemAuthor] } : {}),
      })),
    },
    null,
    2,
  );
};

const LANGUAGE = 'en';

export const FEED_FORMATS = {
  rss: {
    contentType: 'application/rss+xml; charset=utf-8',
    render: (feed: Feed, creators: Array<string | null>) => withCreators(feed.rss2(), creators),
  },
  atom: { contentType: 'application/atom+xml; charset=utf-8', render: (feed: Feed) => feed.atom1() },
  json: { contentType: 'application/feed+json; charset=utf-8', render: (feed: Feed) => toJsonFeed11(feed.json1(), LANGUAGE) },
} as const;
export type FeedFormat = keyof typeof FEED_FORMATS;

const escapeHtml = (text: string) =>
  `<p>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`;

const ARTICLE_UID = 'api::article.article' as UID.ContentType;

interface FeedArticle {
  documentId: string;
  title: string;
  slug: string;
  excerpt?: string | null;
  publishedAt: string;
  updatedAt: string;
  publisher?: { name: string; website?: string | null } | null;
}

export interface RenderedFeed {
  body: string;
  contentType: string;
  etag: string;
  lastModified: Date;
}

/** RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest published articles. */
export const createFeedsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as SyndicationConfig;

  const latestArticles = async () =>
    (await strapi.documents(ARTICLE_UID).findMany({
      status: 'published',
      sort: [{ publishedAt: 'desc' }, { id: 'desc' }] as never,
      limit: config().feedSize,
      fields: ['title', 'slug', 'excerpt', 'publishedAt', 'updatedAt'] as never,
      populate: { publisher: { fields: ['name', 'website'] } } as never,
    })) as unknown as FeedArticle[];

  /**
   * The validator: a hash of what the feed shows. Computed from the same query as the feed,
   * so a 304 is answered without rendering anything.
   */
  const versionOf = (format: FeedFormat, articles: FeedArticle[]) =>
    `"${createHash('sha256')
      .update(format)
      .update(JSON.stringify(articles.map((a) => [a.documentId, a.updatedAt, a.publishedAt, a.publisher?.name ?? null])))
      .digest('base64url')
      .slice(0, 27)}"`;

  const render = (format: FeedFormat, articles: FeedArticle[], selfUrl: (format: FeedFormat) => string, lastModified: Date) => {
    const site = config().frontendUrl.replace(/\/+$/, '');
    const articleType = getService(strapi, 'eventCapture').trackedTypes().find((type) => type.uid === ARTICLE_UID);
    const feed = new Feed({
      title: 'Silk Council: analysis of diplomatic meetings',
      description: 'Latest articles published by the Silk Council',
      id: `${site}/`,
      link: `${site}/`,
      language: LANGUAGE,
      copyright: `© ${lastModified.getUTCFullYear()} Silk Council`,
      updated: lastModified,
      generator: 'Silk Council CMS',
      feedLinks: { rss: selfUrl('rss'), atom: selfUrl('atom'), json: selfUrl('json') },
    });
    for (const article of articles) {
      const link = articleType
        ? getService(strapi, 'eventCapture').canonicalUrl(articleType, { documentId: article.documentId, slug: article.slug })
        : `${site}/articles/${article.slug}`;
      feed.addItem({
        title: article.title,
        id: link,
        link,
        description: article.excerpt ?? undefined,
        // Also content:encoded in RSS, which makes the feed declare the dc namespace.
        content: article.excerpt ? escapeHtml(article.excerpt) : undefined,
        date: new Date(article.updatedAt),
        published: new Date(article.publishedAt),
        author: article.publisher ? [{ name: article.publisher.name, link: article.publisher.website ?? undefined }] : undefined,
      });
    }
    return FEED_FORMATS[format].render(feed, articles.map((article) => article.publisher?.name ?? null));
  };

  /** The feed, or only its validators when `isFresh` says the client's copy is current. */
  const build = async (
    format: FeedFormat,
    selfUrl: (format: FeedFormat) => string,
    isFresh: (etag: string, lastModified: Date) => boolean,
  ): Promise<RenderedFeed | { notModified: true; etag: string; lastModified: Date }> => {
    const articles = await latestArticles();
    const newest = articles.reduce((max, a) => Math.max(max, Date.parse(a.updatedAt), Date.parse(a.publishedAt)), 0);
    // HTTP dates have whole seconds.
    const lastModified = new Date(Math.floor((newest || Date.now()) / 1000) * 1000);
    const etag = versionOf(format, articles);
    if (isFresh(etag, lastModified)) return { notModified: true, etag, lastModified };
    return { body: render(format, articles, selfUrl, lastModified), contentType: FEED_FORMATS[format].contentType, etag, lastModified };
  };

  return { build };
};

export type FeedsService = ReturnType<typeof createFeedsService>;
