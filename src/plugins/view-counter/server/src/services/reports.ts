import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Period } from './view-store';
import { getService } from '../utils/get-service';

export interface TopQuery {
  type?: string;
  period?: Period;
  limit?: number;
}

/** Read side shared by the public and admin routes: totals, per-day series, most viewed. */
export const createReportsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const tracked = (type: string) => {
    const found = getService(strapi, 'trackedTypes').byName(type);
    if (!found) throw new errors.NotFoundError(`Views of "${type}" are not counted`);
    return found;
  };

  /** Total and per-day views of one published document. */
  const series = async (type: string, documentId: string, days = 30) => {
    const trackedType = tracked(type);
    if (!(await getService(strapi, 'trackedTypes').isPublished(trackedType, documentId))) {
      throw new errors.NotFoundError(`No published ${type} has documentId "${documentId}"`);
    }
    return { type, documentId, ...(await getService(strapi, 'viewStore').series(trackedType.uid, documentId, days)) };
  };

  /** Series for the admin: drafts included, since editors look at their own documents. */
  const seriesForEditor = async (type: string, documentId: string, days = 30) => {
    const trackedType = tracked(type);
    return { type, documentId, ...(await getService(strapi, 'viewStore').series(trackedType.uid, documentId, days)) };
  };

  const top = async ({ type, period = '7d', limit = 10 }: TopQuery) => {
    const trackedType = type ? tracked(type) : [...getService(strapi, 'trackedTypes').all().values()][0];
    const data = await getService(strapi, 'viewStore').top(
      trackedType.uid,
      { title: trackedType.titleField, slug: trackedType.slugField },
      period,
      limit,
    );
    return { data, meta: { type: trackedType.name, period, limit } };
  };

  /** All-time totals of several documents (admin list view), zero for never-viewed ones. */
  const totals = async (type: string, documentIds: string[]) => {
    const counts = await getService(strapi, 'viewStore').totals(tracked(type).uid, documentIds);
    return Object.fromEntries(documentIds.map((id) => [id, counts.get(id) ?? 0]));
  };

  const reset = async (type: string, documentId: string) => {
    await getService(strapi, 'viewStore').forget(tracked(type).uid, documentId);
  };

  return { series, seriesForEditor, top, totals, reset };
};

export type ReportsService = ReturnType<typeof createReportsService>;
