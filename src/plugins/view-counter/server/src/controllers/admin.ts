import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { documentParams } from '../utils/document-params';
import { getService } from '../utils/get-service';
import { validateSeriesParams, validateSettingsBody, validateTopQuery, validateTotalsQuery } from '../validation';

/** Admin routes behind the plugin's RBAC permissions. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async contentTypes(ctx: Context) {
    ctx.body = {
      data: [...getService(strapi, 'trackedTypes').all().values()].map(({ uid, name }) => ({ uid, name })),
    };
  },

  async totals(ctx: Context) {
    const { type, documentIds } = await validateTotalsQuery(ctx.query);
    ctx.body = { data: await getService(strapi, 'reports').totals(type, documentIds.split(',')) };
  },

  async series(ctx: Context) {
    const { type, documentId, days } = await validateSeriesParams({ ...documentParams(ctx), ...ctx.query });
    ctx.body = { data: await getService(strapi, 'reports').seriesForEditor(type, documentId, days) };
  },

  async top(ctx: Context) {
    ctx.body = await getService(strapi, 'reports').top(await validateTopQuery(ctx.query));
  },

  async reset(ctx: Context) {
    const { type, documentId } = await validateSeriesParams(documentParams(ctx));
    await getService(strapi, 'reports').reset(type, documentId);
    ctx.body = { data: { type, documentId, total: 0 } };
  },

  async getSettings(ctx: Context) {
    const settings = getService(strapi, 'settings');
    ctx.body = { data: { settings: settings.editable(), defaults: settings.defaults() } };
  },

  async updateSettings(ctx: Context) {
    const saved = await getService(strapi, 'settings').update(await validateSettingsBody(ctx.request.body));
    ctx.body = { data: { settings: saved, defaults: getService(strapi, 'settings').defaults() } };
  },
});
