import config, { validateConfig, type ViewCounterConfig } from '../config';

const valid: ViewCounterConfig = { ...config.default };

describe('plugin config validator', () => {
  it('accepts the defaults', () => {
    expect(() => validateConfig(valid)).not.toThrow();
    expect(valid).toMatchObject({ dedupeMinutes: 30, rateLimit: 120, flushMs: 1000, excludeBots: true, retentionDays: 365 });
  });

  it.each([
    [{ contentTypes: [] }, /contentTypes must be a non-empty list/],
    [{ contentTypes: ['article'] }, /not a content type UID/],
    [{ dedupeMinutes: 1.5 }, /dedupeMinutes must be an integer/],
    [{ rateLimit: -1 }, /rateLimit must be an integer from 0/],
    [{ flushMs: Number.NaN }, /flushMs must be an integer/],
    [{ flushMs: 120_000 }, /flushMs must be an integer from 0 to 60000/],
    [{ retentionDays: 0 }, /retentionDays must be an integer from 1/],
    [{ excludeBots: 'yes' }, /excludeBots must be true or false/],
  ])('rejects %j', (override, message) => {
    expect(() => validateConfig({ ...valid, ...override } as ViewCounterConfig)).toThrow(message);
  });
});
