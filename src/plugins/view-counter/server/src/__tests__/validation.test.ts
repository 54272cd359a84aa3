import { validateRecordBody, validateTopQuery } from '../validation';

describe('view body validation', () => {
  it('accepts a parsed JSON object and the text sendBeacon sends', async () => {
    const view = { type: 'article', documentId: 'abc123' };
    await expect(validateRecordBody(view)).resolves.toEqual(view);
    await expect(validateRecordBody(JSON.stringify(view))).resolves.toEqual(view);
  });

  it.each([
    ['not JSON', '{"type":', /JSON/],
    ['a JSON array', '[1,2]', /must be a JSON object/],
    ['an unknown field', { type: 'article', documentId: 'a', extra: 1 }, /unknown field: extra/],
    ['a number as documentId', { type: 'article', documentId: 5 }, /documentId/],
    ['an upper-case type', { type: 'Article', documentId: 'a' }, /type must be a content type name/],
    ['a documentId with spaces', { type: 'article', documentId: 'a b' }, /documentId must be/],
  ])('refuses %s', async (_name, body, message) => {
    await expect(validateRecordBody(body)).rejects.toThrow(message);
  });

  it('refuses a body over 2 KB as too large', async () => {
    await expect(validateRecordBody(JSON.stringify({ type: 'article', documentId: 'x'.repeat(3000) }))).rejects.toMatchObject({
      name: 'PayloadTooLargeError',
    });
  });
});

describe('top query validation', () => {
  it('converts query strings and refuses unknown parameters', async () => {
    await expect(validateTopQuery({ period: '30d', limit: '5' })).resolves.toEqual({ period: '30d', limit: 5 });
    await expect(validateTopQuery({ period: '30d', order: 'asc' })).rejects.toThrow(/unknown parameter: order/);
    await expect(validateTopQuery({ period: 'forever' })).rejects.toThrow(/period must be one of/);
  });
});

describe('query parameters given as lists', () => {
  it('are refused, not cast (`?days[0]=1&days[1]=2`)', async () => {
    await expect(validateTopQuery({ limit: ['1', '2'] })).rejects.toThrow(/limit must be a single value/);
    await expect(validateTopQuery({ type: { $ne: 'x' } })).rejects.toThrow(/type must be a single value/);
  });
});
