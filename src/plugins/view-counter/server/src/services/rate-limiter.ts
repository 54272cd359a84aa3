const WINDOW_MS = 60_000;

/**
 * Fixed one-minute windows per client, kept in this process's memory: a client's views
 * beyond the limit are refused (429) before they reach the database. With several
 * processes behind a load balancer each applies the limit on its own.
 */
export const createRateLimiter = () => {
  let windowStart = 0;
  let hits = new Map<string, number>();

  /** Counts a hit; false when the client is over `limit` in this minute (0 = no limit). */
  const allow = (client: string, limit: number, now = Date.now()) => {
    if (limit === 0) return true;
    if (now - windowStart >= WINDOW_MS) {
      windowStart = now - (now % WINDOW_MS);
      hits = new Map();
    }
    const count = (hits.get(client) ?? 0) + 1;
    hits.set(client, count);
    return count <= limit;
  };

  /** Seconds until the current window ends, for Retry-After. */
  const retryAfterSeconds = (now = Date.now()) => Math.max(1, Math.ceil((windowStart + WINDOW_MS - now) / 1000));

  return { allow, retryAfterSeconds };
};

export type RateLimiterService = ReturnType<typeof createRateLimiter>;
