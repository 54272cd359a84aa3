/**
 * Human descriptions of the `regex` values our schemas use, so a 400 says what a field
 * expects instead of echoing a regular expression.
 */
const FORMAT_DESCRIPTIONS: Record<string, string> = {
  '^https?:\\/\\/[^\\s\\/$.?#][^\\s]*$': 'an absolute http(s) URL such as "https://example.org/page"',
  '^[A-Z]{2}$': 'an ISO 3166-1 alpha-2 country code such as "US" or "CN"',
  '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$': 'a language tag such as "en" or "zh-CN"',
};

export const describeFormat = (regex: string): string => FORMAT_DESCRIPTIONS[regex] ?? `text matching ${regex}`;
