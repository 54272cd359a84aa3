import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateTopQuery } from '../validation';

/** GET /top: most viewed published documents. Named find so read-only API tokens may call it. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.body = await getService(strapi, 'reports').top(await validateTopQuery(ctx.query));
  },
});
