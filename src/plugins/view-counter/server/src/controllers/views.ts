import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { documentParams } from '../utils/document-params';
import { getService } from '../utils/get-service';
import { validateRecordBody, validateSeriesParams, validateTopQuery } from '../validation';

/** Public (content API) routes: record a view, one document's series, most viewed. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async record(ctx: Context) {
    const { type, documentId } = await validateRecordBody(ctx.request.body);
    const outcome = await getService(strapi, 'recorder').recordView({
      type,
      documentId,
      ip: ctx.request.ip,
      userAgent: ctx.get('user-agent'),
      prefetch: /prefetch/i.test(ctx.get('sec-purpose') || ctx.get('purpose')),
    });
    if (outcome.status === 'unavailable') ctx.throw(503, 'Views cannot be recorded right now, try again later');
    ctx.status = 202;
    ctx.body = { data: outcome };
  },

  async series(ctx: Context) {
    const { type, documentId, days } = await validateSeriesParams({ ...documentParams(ctx), ...ctx.query });
    ctx.body = await getService(strapi, 'reports').series(type, documentId, days);
  },

  async top(ctx: Context) {
    ctx.body = await getService(strapi, 'reports').top(await validateTopQuery(ctx.query));
  },
});
