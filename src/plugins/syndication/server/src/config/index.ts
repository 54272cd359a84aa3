export interface SyndicationConfig {
  /** Base URL of the public website; canonical URLs are `${frontendUrl}/${pluralName}/${slug}`. */
  frontendUrl: string;
  /** Delays before each retry, e.g. "10s,1m,10m,1h,6h,24h"; after the last one a delivery has failed. */
  retrySchedule: string;
  /** A partner that has not answered after this long has timed out (retried). */
  timeoutMs: number;
  /** Let subscriber URLs point at loopback, private or link-local addresses (tests, intranets). */
  allowPrivateTargets: boolean;
  /** Content types whose publication is syndicated. */
  contentTypes: string[];
  /** How often each process looks for due deliveries when it has not been told of new ones. */
  pollMs: number;
  /** Deliveries one process sends at the same time. */
  concurrency: number;
  /** Articles in a feed. */
  feedSize: number;
}

const UID_PATTERN = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
const DURATION = /^(\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DAY_MS = UNIT_MS.d;

/** "10s,1m,1h" → [10000, 60000, 3600000]; throws naming the part it cannot read. */
export const parseSchedule = (schedule: string): number[] => {
  const parts = schedule.split(',').map((part) => part.trim());
  return parts.map((part) => {
    const match = DURATION.exec(part);
    if (!match) throw new Error(`retrySchedule: "${part}" is not a duration such as 10s, 5m, 1h or 1d`);
    return Number(match[1]) * UNIT_MS[match[2]];
  });
};

const assertInteger = (name: string, value: unknown, min: number, max: number) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
};

export const validateConfig = (config: SyndicationConfig) => {
  try {
    const url = new URL(config.frontendUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new Error(`frontendUrl must be an absolute http(s) URL, got ${JSON.stringify(config.frontendUrl)}`);
  }
  if (typeof config.retrySchedule !== 'string' || config.retrySchedule.trim() === '') {
    throw new Error('retrySchedule must list retry delays such as "10s,1m,10m,1h,6h,24h"');
  }
  parseSchedule(config.retrySchedule);
  assertInteger('timeoutMs', config.timeoutMs, 100, 120_000);
  assertInteger('pollMs', config.pollMs, 50, 60_000);
  assertInteger('concurrency', config.concurrency, 1, 200);
  assertInteger('feedSize', config.feedSize, 1, 200);
  if (typeof config.allowPrivateTargets !== 'boolean') {
    throw new Error(`allowPrivateTargets must be true or false, got ${JSON.stringify(config.allowPrivateTargets)}`);
  }
  if (!Array.isArray(config.contentTypes) || config.contentTypes.some((uid) => typeof uid !== 'string' || !UID_PATTERN.test(uid))) {
    throw new Error('contentTypes must be a list of content type UIDs such as "api::article.article"');
  }
};

export default {
  default: {
    frontendUrl: 'http://localhost:3000',
    // Exponential, about 44 hours in all: partners may be down for a day and still get everything.
    retrySchedule: '10s,1m,5m,30m,2h,6h,12h,24h',
    timeoutMs: 10_000,
    allowPrivateTargets: false,
    contentTypes: ['api::article.article', 'api::statement.statement', 'api::meeting.meeting'],
    pollMs: 1_000,
    concurrency: 20,
    feedSize: 30,
  } satisfies SyndicationConfig,
  validator: validateConfig,
};
