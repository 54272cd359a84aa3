import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateRecordBody } from '../validation';

/** POST /views: record one view (the beacon). */
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
});
