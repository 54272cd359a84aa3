import type { Context } from 'koa';

/** The named route parameters of `/views/:type/:documentId` (the router adds others). */
export const documentParams = (ctx: Context) => ({
  type: ctx.params.type as unknown,
  documentId: ctx.params.documentId as unknown,
});
