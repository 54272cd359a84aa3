import { randomUUID } from 'crypto';
import http from 'http';
import https from 'https';
import type { Core } from '@strapi/strapi';
import { Webhook } from 'standardwebhooks';
import { parseSchedule, type SyndicationConfig } from '../config';
import type { AttemptOutcome, ClaimedDelivery, OutboxEvent } from './outbox-store';
import { isPrivateAddress, TargetRefusedError } from './target-guard';
import { getService, PLUGIN_ID } from '../utils/get-service';

const USER_AGENT = 'SilkCouncil-Syndication/1.0 (+Standard Webhooks)';
/** Extra lease time beyond the request timeout, so a slow database write cannot lose it. */
const LEASE_MARGIN_MS = 30_000;
const MAX_ERROR_LENGTH = 500;

interface SendResult {
  statusCode: number | null;
  error: string | null;
  /** The SSRF guard refused the target: retrying cannot help. */
  refused?: boolean;
}

/** Retry after `attempt` failures: the schedule's delay with ±20% jitter, or null when exhausted. */
export const retryDelay = (schedule: number[], attempt: number, random = Math.random) => {
  const delay = schedule[attempt - 1];
  return delay === undefined ? null : Math.round(delay * (0.8 + 0.4 * random()));
};

/**
 * 2xx delivered; 410 gone; 408, 429, 5xx, timeouts and network failures retried; a target
 * the SSRF guard refuses and any other status (redirects included) failed.
 */
export const classify = ({ statusCode, refused }: SendResult): 'delivered' | 'gone' | 'retry' | 'failed' => {
  if (refused) return 'failed';
  if (statusCode === null) return 'retry';
  if (statusCode >= 200 && statusCode < 300) return 'delivered';
  if (statusCode === 410) return 'gone';
  if (statusCode === 408 || statusCode === 429 || statusCode >= 500) return 'retry';
  return 'failed';
};

const describe = (verdict: ReturnType<typeof classify>, result: SendResult, delay: number | null) => {
  if (verdict === 'delivered') return null;
  const what = result.error ?? `HTTP ${result.statusCode}`;
  if (verdict === 'gone') return `${what} Gone: subscriber disabled`;
  if (verdict === 'retry' && delay === null) return `${what}; retries exhausted`;
  return what;
};

/**
 * Sends due deliveries. Every process runs one; a delivery is claimed with a lease before it
 * is sent (see outboxStore.claimDue), so one process at a time sends it. Woken right after an
 * event is committed, and every `pollMs` for retries and for work other processes left.
 */
export const createDeliveryWorker = ({ strapi }: { strapi: Core.Strapi }) => {
  const workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as SyndicationConfig;
  let schedule: number[] = [];
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = true;
  const inFlight = new Set<Promise<void>>();

  /** One HTTP POST; never throws. Redirects are not followed (they could lead anywhere). */
  const post = (url: URL, body: string, headers: Record<string, string>): Promise<SendResult> =>
    new Promise((resolve) => {
      const guard = getService(strapi, 'targetGuard');
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (!guard.allowPrivate() && isPrivateAddress(host) && /^[\d.:a-f]+$/i.test(host)) {
        resolve({ statusCode: null, error: `${host} is a loopback, private or link-local address`, refused: true });
        return;
      }
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(
        url,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
          lookup: guard.lookup as never,
          signal: AbortSignal.timeout(config().timeoutMs),
        },
        (response) => {
          response.resume(); // the body is not needed
          response.on('end', () => resolve({ statusCode: response.statusCode ?? null, error: null }));
          response.on('error', (error) => resolve({ statusCode: response.statusCode ?? null, error: error.message }));
        },
      );
      request.on('error', (error: Error & { code?: string }) => {
        if (error instanceof TargetRefusedError) {
          resolve({ statusCode: null, error: error.message, refused: true });
          return;
        }
        const reason = error.name === 'AbortError' || error.name === 'TimeoutError' ? `timed out after ${config().timeoutMs} ms` : error.message;
        resolve({ statusCode: null, error: reason.slice(0, MAX_ERROR_LENGTH) });
      });
      request.end(body);
    });

  const deliver = async (delivery: ClaimedDelivery) => {
    const outbox = getService(strapi, 'outboxStore');
    const subscribers = getService(strapi, 'subscribers');
    const [event, subscriber] = await Promise.all([outbox.loadEvent(delivery.eventId), subscribers.findOne(delivery.subscriberId)]);
    if (!event || !subscriber) return outbox.cancel(delivery, workerId, 'the event or the subscriber no longer exists');
    if (!subscriber.enabled) return outbox.cancel(delivery, workerId, 'the subscriber is disabled');

    const startedAt = Date.now();
    const result = await send(subscriber.url, subscriber.secret, event);
    const durationMs = Date.now() - startedAt;
    const verdict = classify(result);
    const delay = verdict === 'retry' ? retryDelay(schedule, delivery.attempts + 1 - delivery.cycleStart) : null;

    const outcome: AttemptOutcome = {
      status: verdict === 'delivered' ? 'delivered' : delay !== null ? 'pending' : 'failed',
      statusCode: result.statusCode,
      error: describe(verdict, result, delay),
      startedAt,
      durationMs,
      nextAttemptAt: delay === null ? null : startedAt + durationMs + delay,
    };
    await outbox.recordAttempt(delivery, workerId, outcome);
    if (verdict === 'gone') {
      await subscribers.disable(subscriber.documentId, `Endpoint answered 410 Gone on ${new Date(startedAt).toISOString()}`);
    }
  };

  /** Signs per Standard Webhooks: the event id is the webhook-id and the idempotency key. */
  const send = async (target: string, secret: string, event: OutboxEvent): Promise<SendResult> => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return { statusCode: null, error: `invalid URL ${target}` };
    }
    const timestamp = new Date();
    const signature = new Webhook(secret).sign(event.id, timestamp, event.payload);
    return post(url, event.payload, {
      'content-type': 'application/json',
      'user-agent': USER_AGENT,
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
      'webhook-signature': signature,
    });
  };

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };

  /** Claims and sends batches until nothing is due. */
  const drain = async () => {
    const { concurrency, timeoutMs } = config();
    do {
      again = false;
      const claimed = await getService(strapi, 'outboxStore').claimDue(workerId, concurrency, timeoutMs + LEASE_MARGIN_MS);
      await Promise.all(
        claimed.map((delivery) =>
          track(
            deliver(delivery).catch((error: Error) => {
              strapi.log.error(`[syndication] delivery ${delivery.id} could not be processed: ${error.message}`);
            }),
          ),
        ),
      );
      if (claimed.length === concurrency) again = true;
    } while (again && !stopped);
  };

  /** Looks for due deliveries now (or right after the current pass). */
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: Error) => {
        strapi.log.warn(`[syndication] delivery pass failed: ${error.message}`);
      })
      .finally(() => {
        running = null;
        if (again && !stopped) kick();
      });
  };

  const start = () => {
    schedule = parseSchedule(config().retrySchedule);
    stopped = false;
    timer = setInterval(kick, config().pollMs);
    timer.unref();
    kick();
  };

  /** Graceful stop: no new claims, wait for sends in flight, hand back what was claimed. */
  const stop = async () => {
    stopped = true;
    if (timer) clearInterval(timer);
    timer = null;
    await Promise.allSettled([...inFlight]);
    await running;
    await getService(strapi, 'outboxStore')
      .release(workerId)
      .catch((error: Error) => strapi.log.warn(`[syndication] could not release claimed deliveries: ${error.message}`));
  };

  return { start, stop, kick, workerId };
};

export type DeliveryWorkerService = ReturnType<typeof createDeliveryWorker>;
