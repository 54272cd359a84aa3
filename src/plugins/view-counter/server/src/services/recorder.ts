import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isbot } from 'isbot';
import type { PendingView } from './view-store';
import { getService } from '../utils/get-service';

export interface ViewRequest {
  type: string;
  documentId: string;
  ip: string;
  userAgent: string;
  /** True for browser prefetches (`Sec-Purpose: prefetch`), which are not views. */
  prefetch: boolean;
}

export type RecordOutcome =
  /** Will be counted unless the visitor was already counted within the window. */
  | { status: 'accepted' }
  /** A bot, crawler, link-preview fetcher or prefetch: acknowledged, never counted. */
  | { status: 'ignored'; reason: 'bot' | 'prefetch' }
  /** The database is unreachable (and the view could not be queued). */
  | { status: 'unavailable' };

/**
 * Records views. The request path does only what needs an answer now (unknown type or
 * document: 404, over the rate limit: 429) and queues the view; a flush every `flushMs`
 * writes the queue in one transaction (see viewStore.applyBatch). With `flushMs` 0 each
 * view is written before the answer. On shutdown the queue is flushed and later views are
 * written through, so a graceful stop loses nothing; a crash loses at most one interval.
 */
export const createRecorderService = ({ strapi }: { strapi: Core.Strapi }) => {
  let queue: PendingView[] = [];
  let flushing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closing = false;
  const writesInFlight = new Set<Promise<unknown>>();

  const settings = () => getService(strapi, 'settings').current();
  const windowMs = () => settings().dedupeMinutes * 60_000;

  const writeNow = async (views: PendingView[]) => {
    const write = getService(strapi, 'viewStore').applyBatch(views, windowMs());
    writesInFlight.add(write);
    try {
      await write;
    } finally {
      writesInFlight.delete(write);
    }
  };

  /** Writes everything queued so far; on failure the views go back in the queue. */
  const flush = (): Promise<void> => {
    if (flushing) return flushing;
    if (queue.length === 0) return Promise.resolve();
    const batch = queue;
    queue = [];
    flushing = writeNow(batch)
      .catch((error: Error) => {
        queue = batch.concat(queue);
        strapi.log.warn(`[view-counter] ${batch.length} views kept for the next flush: ${error.message}`);
      })
      .finally(() => {
        flushing = null;
      });
    return flushing;
  };

  const enqueue = async (view: PendingView): Promise<RecordOutcome> => {
    const { flushMs, maxBufferedViews } = settings();
    if (flushMs > 0 && !closing) {
      if (queue.length >= maxBufferedViews) return { status: 'unavailable' };
      queue.push(view);
      return { status: 'accepted' };
    }
    try {
      await writeNow([view]);
    } catch (error) {
      // Write-through failed (database unreachable): keep the view for the retry timer.
      if (closing || queue.length >= maxBufferedViews) return { status: 'unavailable' };
      queue.push(view);
      strapi.log.warn(`[view-counter] view queued for retry: ${(error as Error).message}`);
    }
    return { status: 'accepted' };
  };

  const recordView = async (request: ViewRequest): Promise<RecordOutcome> => {
    const tracked = getService(strapi, 'trackedTypes').byName(request.type);
    if (!tracked) throw new errors.NotFoundError(`Views of "${request.type}" are not counted`);

    const current = settings();
    if (request.prefetch) return { status: 'ignored', reason: 'prefetch' };
    if (current.excludeBots && (request.userAgent.trim() === '' || isbot(request.userAgent))) {
      return { status: 'ignored', reason: 'bot' };
    }
    const limiter = getService(strapi, 'rateLimiter');
    if (!limiter.allow(request.ip, current.rateLimit)) {
      throw new errors.RateLimitError('Too many views from this client, try again later', {
        retryAfter: limiter.retryAfterSeconds(),
      });
    }
    const at = Date.now();
    let published: boolean;
    let visitor: string | null;
    try {
      published = await getService(strapi, 'trackedTypes').isPublished(tracked, request.documentId);
      visitor = current.dedupeMinutes > 0 ? await getService(strapi, 'visitors').visitorHash(request.ip, request.userAgent, at) : null;
    } catch (error) {
      // The database is unreachable and the answer is not cached: say so (503), count nothing.
      strapi.log.warn(`[view-counter] cannot check ${tracked.name} ${request.documentId}: ${(error as Error).message}`);
      return { status: 'unavailable' };
    }
    if (!published) {
      throw new errors.NotFoundError(`No published ${tracked.name} has documentId "${request.documentId}"`);
    }
    return enqueue({ uid: tracked.uid, documentId: request.documentId, visitor, at });
  };

  const start = () => {
    const { flushMs } = settings();
    // In write-through mode the timer only retries views a failed write left queued.
    timer = setInterval(() => void flush(), flushMs > 0 ? flushMs : 1_000);
    timer.unref();
  };

  /** Graceful stop: from now on views are written through; the queue is flushed. */
  const stop = async () => {
    closing = true;
    if (timer) clearInterval(timer);
    timer = null;
    for (let attempt = 0; attempt < 5 && (queue.length > 0 || flushing); attempt += 1) {
      await flush();
      await flushing;
    }
    await Promise.allSettled([...writesInFlight]);
    if (queue.length > 0) strapi.log.error(`[view-counter] ${queue.length} views could not be written on shutdown`);
  };

  return { recordView, flush, start, stop, pending: () => queue.length };
};

export type RecorderService = ReturnType<typeof createRecorderService>;
