import { applyFieldRules, type AttributesShape } from '../field-rules';
import { describeFormat } from '../formats';

const URL_REGEX = '^https?:\\/\\/[^\\s\\/$.?#][^\\s]*$';

const source: AttributesShape = {
  label: { type: 'string' },
  url: { type: 'string', regex: URL_REGEX },
};
const seo: AttributesShape = { canonicalUrl: { type: 'string', regex: URL_REGEX } };
const components: Record<string, AttributesShape> = { 'shared.source': source, 'shared.seo': seo };

const attributes: AttributesShape = {
  title: { type: 'string' },
  country: { type: 'string', regex: '^[A-Z]{2}$' },
  website: { type: 'string', regex: URL_REGEX },
  language: { type: 'string', regex: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$' },
  date: { type: 'date' },
  topics: { type: 'json' },
  metadata: { type: 'json' },
  sources: { type: 'component', component: 'shared.source', repeatable: true },
  seo: { type: 'component', component: 'shared.seo' },
};

/** Runs the rules on a copy of `data`; returns the issues and the normalized data. */
const check = (data: Record<string, unknown>) => {
  const copy = structuredClone(data);
  const issues = applyFieldRules(attributes, copy, (uid) => components[uid]);
  return { issues, data: copy, paths: issues.map((issue) => issue.path.join('.')) };
};

describe('country codes', () => {
  it('accepts ISO 3166-1 alpha-2 codes and stores them upper case', () => {
    expect(check({ country: 'CN' })).toMatchObject({ paths: [], data: { country: 'CN' } });
    expect(check({ country: ' us ' })).toMatchObject({ paths: [], data: { country: 'US' } });
  });

  it.each(['ZZ', 'USA', 'Italy', 'U', 'U1'])('refuses %j, naming the field', (country) => {
    const { issues } = check({ country });
    expect(issues).toEqual([{ path: ['country'], value: country.toUpperCase(), message: expect.stringContaining('ISO 3166-1 alpha-2') }]);
  });

  it('leaves an empty or null country alone', () => {
    expect(check({ country: '' }).paths).toEqual([]);
    expect(check({ country: null }).paths).toEqual([]);
  });
});

describe('URLs and other formats', () => {
  it.each(['https://example.org', 'http://example.org/page?x=1'])('accepts %j', (website) => {
    expect(check({ website }).paths).toEqual([]);
  });

  it.each(['not a url', 'example.org', 'ftp://example.org', 'javascript:alert(1)', 'https://'])('refuses %j', (website) => {
    const { issues } = check({ website });
    expect(issues).toEqual([{ path: ['website'], value: website, message: `website must be ${describeFormat(URL_REGEX)}` }]);
  });

  it('checks URLs inside components and names their full path', () => {
    const { paths } = check({
      sources: [{ label: 'ok', url: 'https://example.org' }, { label: 'bad', url: 'nope' }],
      seo: { canonicalUrl: 'also nope' },
    });
    expect(paths).toEqual(['sources.1.url', 'seo.canonicalUrl']);
  });

  it('describes the format in words, not as a regex', () => {
    const [issue] = check({ language: 'English' }).issues;
    expect(issue.message).toBe('language must be a language tag such as "en" or "zh-CN"');
  });

  it('reports every bad field at once', () => {
    expect(check({ country: 'ZZ', website: 'nope', language: 'x' }).paths).toEqual(['country', 'website', 'language']);
  });

  it('ignores fields that are not in the data', () => {
    expect(check({ title: 'Rome talks' })).toMatchObject({ paths: [], data: { title: 'Rome talks' } });
  });
});

describe('dates', () => {
  it.each(['2022-03-14', '2022-03-14T10:00:00Z', '2024-02-29'])('accepts %j', (date) => {
    expect(check({ date }).paths).toEqual([]);
  });

  it('accepts a Date and null', () => {
    expect(check({ date: null }).paths).toEqual([]);
    expect(applyFieldRules(attributes, { date: new Date('2022-03-14') }, () => undefined)).toEqual([]);
  });

  it.each(['next week', '14/03/2022', '2022-13-01', '2022-02-30', '2023-02-29', '', 20220314])('refuses %j, naming the field', (date) => {
    expect(check({ date }).issues).toEqual([{ path: ['date'], value: date, message: 'date must be a date such as "2022-03-14"' }]);
  });
});

describe('topics', () => {
  it('trims and de-duplicates a list of texts', () => {
    expect(check({ topics: [' Taiwan', 'Taiwan', 'Tibet '] })).toMatchObject({ paths: [], data: { topics: ['Taiwan', 'Tibet'] } });
  });

  it('allows null', () => {
    expect(check({ topics: null }).paths).toEqual([]);
  });

  it.each([
    ['a string', 'Taiwan'],
    ['an object', { topic: 'Taiwan' }],
    ['a list with a number', ['Taiwan', 1]],
    ['a list with an empty text', ['Taiwan', '  ']],
    ['a list with a text over 80 characters', ['x'.repeat(81)]],
    ['a list of more than 20', Array.from({ length: 21 }, (_, index) => `topic ${index}`)],
  ])('refuses %s', (_what, topics) => {
    expect(check({ topics }).paths).toEqual(['topics']);
  });

  it('leaves other JSON fields alone', () => {
    expect(check({ metadata: 'anything' }).paths).toEqual([]);
  });
});
