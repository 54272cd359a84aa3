import { createRateLimiter } from '../services/rate-limiter';

describe('rate limiter', () => {
  it('allows `limit` hits per client per minute, then refuses until the next minute', () => {
    const limiter = createRateLimiter();
    const start = 1_700_000_000_000;
    const hits = Array.from({ length: 5 }, () => limiter.allow('a', 3, start));
    expect(hits).toEqual([true, true, true, false, false]);
    expect(limiter.allow('b', 3, start)).toBe(true);
    expect(limiter.retryAfterSeconds(start)).toBeGreaterThanOrEqual(1);
    expect(limiter.allow('a', 3, start + 60_000)).toBe(true);
  });

  it('never refuses when the limit is 0', () => {
    const limiter = createRateLimiter();
    expect(Array.from({ length: 1000 }, () => limiter.allow('a', 0)).every(Boolean)).toBe(true);
  });
});
