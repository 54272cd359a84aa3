import { MAX_SLUG_LENGTH, firstFreeSlug, isDerivedFrom, normalizeSlug, slugFromTitle } from '../slug';

const SLUG_FORMAT = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('normalizeSlug', () => {
  it.each([
    ['Recent China-US talks', 'recent-china-us-talks'],
    ['My Custom Slug!', 'my-custom-slug'],
    ['  Rome,   March 14 ', 'rome-march-14'],
    ["China's position on the Russian-Ukrainian conflict", 'chinas-position-on-the-russian-ukrainian-conflict'],
    ['Xi–Biden virtual meeting', 'xi-biden-virtual-meeting'],
    ['Zürich & Genève', 'zurich-and-geneve'],
    ['already-a-slug', 'already-a-slug'],
  ])('%j -> %j', (text, slug) => {
    expect(normalizeSlug(text)).toBe(slug);
  });

  it('gives nothing for text without latin letters or digits', () => {
    expect(normalizeSlug('杨洁篪')).toBe('');
    expect(normalizeSlug('!!!')).toBe('');
  });

  it('caps the length without leaving a trailing hyphen', () => {
    const slug = normalizeSlug(`${'a'.repeat(MAX_SLUG_LENGTH - 1)} b`);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(SLUG_FORMAT);
  });
});

describe('slugFromTitle', () => {
  it('slugifies a latin title', () => {
    expect(slugFromTitle('Recent China-US talks', 'article')).toBe('recent-china-us-talks');
  });

  it('gives a Chinese-only title a usable slug: the type name and a hash of the title', () => {
    const slug = slugFromTitle('杨洁篪', 'article');
    expect(slug).toMatch(/^article-[0-9a-f]{8}$/);
    expect(slug).toMatch(SLUG_FORMAT);
  });

  it('is stable for one title and differs between titles', () => {
    expect(slugFromTitle('杨洁篪', 'official')).toBe(slugFromTitle('杨洁篪', 'official'));
    expect(slugFromTitle('杨洁篪', 'official')).not.toBe(slugFromTitle('王毅', 'official'));
  });

  it('never gives an empty slug, even for an empty or missing title', () => {
    for (const title of ['', '   ', null, undefined]) {
      expect(slugFromTitle(title, 'meeting')).toMatch(/^meeting-[0-9a-f]{8}$/);
    }
  });
});

describe('isDerivedFrom', () => {
  it('accepts the base and the base with a numeric suffix', () => {
    expect(isDerivedFrom('recent-china-us-talks', 'recent-china-us-talks')).toBe(true);
    expect(isDerivedFrom('recent-china-us-talks-2', 'recent-china-us-talks')).toBe(true);
    expect(isDerivedFrom('recent-china-us-talks-12', 'recent-china-us-talks')).toBe(true);
  });

  it('rejects anything else', () => {
    expect(isDerivedFrom('recent-china-us-talks-today', 'recent-china-us-talks')).toBe(false);
    expect(isDerivedFrom('recent-china-us', 'recent-china-us-talks')).toBe(false);
    expect(isDerivedFrom('my-custom-slug', 'rome-talks')).toBe(false);
  });

  it('treats the base literally, not as a pattern', () => {
    expect(isDerivedFrom('axb', 'a.b')).toBe(false);
    expect(isDerivedFrom('a.b-2', 'a.b')).toBe(true);
  });
});

describe('firstFreeSlug', () => {
  it('keeps the base when it is free', () => {
    expect(firstFreeSlug('rome-talks', [])).toBe('rome-talks');
    expect(firstFreeSlug('rome-talks', ['rome-talks-2'])).toBe('rome-talks');
  });

  it('appends the first free number from 2', () => {
    expect(firstFreeSlug('rome-talks', ['rome-talks'])).toBe('rome-talks-2');
    expect(firstFreeSlug('rome-talks', ['rome-talks', 'rome-talks-2', 'rome-talks-4'])).toBe('rome-talks-3');
  });
});
