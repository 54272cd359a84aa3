export interface ViewCounterConfig {
  /** Content types whose views are counted, e.g. ['api::article.article']. */
  contentTypes: string[];
  /** A visitor's repeat views of one document within this many minutes count once (0 = count every view). */
  dedupeMinutes: number;
  /** Views accepted per client (IP) per minute and process; 0 turns the limit off. */
  rateLimit: number;
  /** Buffered views are written at least this often (ms); 0 writes every view before answering. */
  flushMs: number;
  /** Ignore bots, crawlers and link-preview fetchers. */
  excludeBots: boolean;
  /** Days of per-day history kept; all-time totals are kept forever. */
  retentionDays: number;
  /** Most views buffered in memory before new ones are refused with 503 (database unreachable). */
  maxBufferedViews: number;
}

const UID_PATTERN = /^(api|plugin)::[a-z0-9-]+\.[a-z0-9-]+$/;
const MAX_FLUSH_MS = 60_000;

const assertInteger = (name: string, value: unknown, min: number, max: number) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  }
};

export const validateConfig = (config: ViewCounterConfig) => {
  if (!Array.isArray(config.contentTypes) || config.contentTypes.length === 0) {
    throw new Error('contentTypes must be a non-empty list of content type UIDs such as "api::article.article"');
  }
  for (const uid of config.contentTypes) {
    if (typeof uid !== 'string' || !UID_PATTERN.test(uid)) {
      throw new Error(`contentTypes: "${String(uid)}" is not a content type UID such as "api::article.article"`);
    }
  }
  assertInteger('dedupeMinutes', config.dedupeMinutes, 0, 7 * 24 * 60);
  assertInteger('rateLimit', config.rateLimit, 0, 1_000_000);
  assertInteger('flushMs', config.flushMs, 0, MAX_FLUSH_MS);
  assertInteger('retentionDays', config.retentionDays, 1, 36_500);
  assertInteger('maxBufferedViews', config.maxBufferedViews, 1, 10_000_000);
  if (typeof config.excludeBots !== 'boolean') {
    throw new Error(`excludeBots must be true or false, got ${JSON.stringify(config.excludeBots)}`);
  }
};

export default {
  default: {
    contentTypes: ['api::article.article'],
    dedupeMinutes: 30,
    rateLimit: 120,
    flushMs: 1000,
    excludeBots: true,
    retentionDays: 365,
    maxBufferedViews: 100_000,
  } satisfies ViewCounterConfig,
  validator: validateConfig,
};
