import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { FEED_FORMATS, type FeedFormat } from '../services/feeds';
import { getService } from '../utils/get-service';
import { validateFeedQuery } from '../validation';

const stripWeak = (tag: string) => tag.trim().replace(/^W\//, '');

/** True when the client's cached copy (If-None-Match, else If-Modified-Since) is current. */
const isFresh = (ctx: Context) => (etag: string, lastModified: Date) => {
  const ifNoneMatch = ctx.get('if-none-match');
  if (ifNoneMatch) return ifNoneMatch.trim() === '*' || ifNoneMatch.split(',').map(stripWeak).includes(etag);
  const ifModifiedSince = Date.parse(ctx.get('if-modified-since'));
  return !Number.isNaN(ifModifiedSince) && lastModified.getTime() <= ifModifiedSince;
};

/** GET /api/feeds/articles.{rss,atom,json}. Named find so read-only API tokens may read it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    const format = String(ctx.params.format) as FeedFormat;
    if (!Object.hasOwn(FEED_FORMATS, format)) throw new errors.NotFoundError(`No feed format "${format}"; use rss, atom or json`);
    await validateFeedQuery(ctx.query);

    const base = (strapi.config.get('server.absoluteUrl') as string | undefined) || ctx.origin;
    const selfUrl = (other: FeedFormat) => `${base.replace(/\/+$/, '')}/api/feeds/articles.${other}`;
    const feed = await getService(strapi, 'feeds').build(format, selfUrl, isFresh(ctx));

    ctx.set('ETag', feed.etag);
    ctx.set('Last-Modified', feed.lastModified.toUTCString());
    ctx.set('Cache-Control', 'public, max-age=60');
    if ('notModified' in feed) {
      ctx.status = 304;
      return;
    }
    ctx.type = feed.contentType;
    ctx.body = feed.body;
  },
});
