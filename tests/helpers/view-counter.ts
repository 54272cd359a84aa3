import type { Core, UID } from '@strapi/strapi';

export const ARTICLE = 'api::article.article' as const;

interface ViewStore {
  totals(uid: string, documentIds: string[]): Promise<Map<string, number>>;
  applyBatch(
    views: Array<{ uid: string; documentId: string; visitor: string | null; at: number }>,
    windowMs: number,
    now?: number,
  ): Promise<number>;
}

const plugin = (strapi: Core.Strapi) => strapi.plugin('view-counter');

/** Creates and publishes a document; returns its documentId. */
export const publish = async (strapi: Core.Strapi, uid: UID.ContentType, data: Record<string, unknown>) => {
  const document = await strapi.documents(uid).create({ data: data as never, status: 'published' });
  return document.documentId;
};

export const createDraft = async (strapi: Core.Strapi, uid: UID.ContentType, data: Record<string, unknown>) => {
  const document = await strapi.documents(uid).create({ data: data as never });
  return document.documentId;
};

/** Writes every view buffered in this process (the recorder's flush). */
export const flushViews = async (strapi: Core.Strapi) => {
  await (plugin(strapi).service('recorder') as { flush(): Promise<void> }).flush();
};

/** The stored all-time total, read straight from the counter's table. */
export const storedTotal = async (strapi: Core.Strapi, documentId: string, uid: string = ARTICLE) => {
  await flushViews(strapi);
  const totals = await (plugin(strapi).service('viewStore') as ViewStore).totals(uid, [documentId]);
  return totals.get(documentId) ?? 0;
};

/** Seeds past views directly through the store (what a flush writes), for period tests. */
export const seedViews = async (
  strapi: Core.Strapi,
  uid: string,
  documentId: string,
  count: number,
  at: number,
) => {
  const views = Array.from({ length: count }, () => ({ uid, documentId, visitor: null, at }));
  return (plugin(strapi).service('viewStore') as ViewStore).applyBatch(views, 0, at);
};
