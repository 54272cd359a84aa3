import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { documentParams } from '../utils/document-params';
import { getService } from '../utils/get-service';
import { validateSeriesParams } from '../validation';

/**
 * GET /views/:type/:documentId: total and per-day views of one published document.
 * Named findOne so read-only API tokens may call it, like any other read.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async findOne(ctx: Context) {
    const { type, documentId, days } = await validateSeriesParams({ ...documentParams(ctx), ...ctx.query });
    ctx.body = await getService(strapi, 'reports').series(type, documentId, days);
  },
});
