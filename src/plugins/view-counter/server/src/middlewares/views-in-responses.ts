import type { Core } from '@strapi/strapi';
import type { Context, Next } from 'koa';
import { getService } from '../utils/get-service';

type Entry = { documentId?: unknown; views?: number };

/** How stale a `views` figure on a REST response may be (see viewStore.recentTotals). */
const RECENT_TOTALS_MAX_AGE_MS = 1_000;

/**
 * Adds `views` (all-time total) to REST find/findOne responses of tracked types, with at
 * most one query per response whatever the page size (none when the figures were read in
 * the last second). Runs after the route, so it sees the final
 * (sanitized) body and never touches the documents themselves.
 */
export const viewsInResponses = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  let handlers: Map<string, string> | null = null;
  const trackedHandlers = () => {
    handlers ??= new Map(
      [...getService(strapi, 'trackedTypes').all().values()].flatMap(({ uid }) => [
        [`${uid}.find`, uid],
        [`${uid}.findOne`, uid],
      ]),
    );
    return handlers;
  };

  return async (ctx: Context, next: Next) => {
    await next();
    const route = ctx.state.route as { handler?: unknown; info?: { type?: string } } | undefined;
    if (ctx.status !== 200 || route?.info?.type !== 'content-api' || typeof route.handler !== 'string') return;
    const uid = trackedHandlers().get(route.handler);
    const data = (ctx.body as { data?: Entry | Entry[] } | undefined)?.data;
    if (!uid || !data) return;

    const entries = (Array.isArray(data) ? data : [data]).filter((entry) => typeof entry?.documentId === 'string');
    if (entries.length === 0) return;
    const totals = await getService(strapi, 'viewStore').recentTotals(
      uid,
      entries.map((entry) => entry.documentId as string),
      RECENT_TOTALS_MAX_AGE_MS,
    );
    for (const entry of entries) entry.views = totals.get(entry.documentId as string) ?? 0;
  };
};
