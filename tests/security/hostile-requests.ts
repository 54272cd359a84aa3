/**
 * The bad-input catalogue: malformed and hostile requests to every public route, as data
 * (tests/security/bad-input.test.ts sends them). Each entry says who sends it and, where the
 * problem has one precise answer, which status it must get; every answer must in any case
 * be a 4xx JSON error that changes nothing and leaks nothing. Add a line to add a case.
 */
import type { RawRequest } from './raw-http';

export type Actor = 'public' | 'read-only token' | 'full-access token';

export interface HostileRequest {
  /** Route and what is wrong with the request: the test's name. */
  what: string;
  method: string;
  /** Path and query exactly as sent on the wire (already percent-encoded). */
  path: string;
  /** A JSON body (sent as application/json). */
  json?: unknown;
  /** A raw body with its content type: invalid JSON, forms, text, binary. */
  raw?: { type: string; body: string | Buffer };
  headers?: Record<string, string>;
  /** Who sends it (Public by default). */
  as?: Actor;
  /** The precise status this input must get; any 4xx otherwise. */
  status?: number | readonly number[];
  /** Why the answer is not a JSON error body, when it cannot be one. */
  bodylessBecause?: string;
}

/** Documents the catalogue points at. */
export interface Targets {
  /** documentId of a published document per REST path (articles, organizations, ...). */
  published: Record<string, string>;
  /** documentId of a never-published article. */
  draftArticle: string;
}

export const CONTENT_PATHS = ['articles', 'organizations', 'officials', 'statements', 'meetings'] as const;
export type ContentPath = (typeof CONTENT_PATHS)[number];

/** A browser's User-Agent: the view counter ignores (202) what looks like a bot before reading anything. */
export const BROWSER_USER_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

const enc = encodeURIComponent;

/** `segment` repeated `depth` times, for populate and filter bombs. */
const nested = (segment: string, depth: number) => segment.repeat(depth);

/** A JSON text nested `depth` levels deep ([[[...]]] or {"a":{"a":...}}), built as text: serializing it would overflow the stack. */
export const deepJson = (depth: number, kind: 'array' | 'object') =>
  kind === 'array' ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** The field every type's title lives in, and one relation of each type to follow in filters and populates. */
const TITLE_FIELD: Record<ContentPath, string> = {
  articles: 'title',
  organizations: 'name',
  officials: 'fullName',
  statements: 'title',
  meetings: 'title',
};
const RELATION: Record<ContentPath, string> = {
  articles: 'officials',
  organizations: 'officials',
  officials: 'organization',
  statements: 'speakers',
  meetings: 'participants',
};

/** Percent-encodings that are not UTF-8 text (lone surrogate, overlong "/", truncated, not hex). */
export const INVALID_PERCENT_ENCODINGS = ['%ED%A0%80', '%C0%AF', '%C0%AE%C0%AE%C0%AF', '%E2%82', '%FF%FE', '%%', '%zz'];

/** documentIds that are not documentIds. */
export const INVALID_DOCUMENT_IDS: ReadonlyArray<[string, string]> = [
  ['a path traversal', '..%2F..%2Fadmin'],
  ['a dot-dot segment', '..'],
  ['a NUL byte', '%00'],
  ['1,000 characters', 'a'.repeat(1_000)],
  ['SQL injection', enc("' OR 1=1--")],
  ['a numeric id', '1'],
  ['an RTL override', '%E2%80%AE'],
  ['an emoji', enc('📰')],
  ['an invalid UTF-8 sequence', '%ED%A0%80'],
  ['an overlong "/"', '%C0%AF'],
  ['an operator object', `${enc('[$ne]')}=1`],
];

/** Query strings every GET of a content type must refuse. */
const hostileQueries = (path: ContentPath): Array<[string, string]> => {
  const relation = RELATION[path];
  return [
    // Parameters that are not the API's: unknown top-level keys reaching the query layer (CVE-2026-27886),
    // the Document Service's internal `lookup` (CVE-2024-56143), raw database clauses.
    ['an unknown top-level parameter', 'foo=bar'],
    ['a `lookup` parameter (CVE-2024-56143)', `lookup[createdBy][password][$startsWith]=${enc('$2')}`],
    ['a `where` parameter', 'where[createdBy][password][$notNull]=true'],
    ['a `select` parameter', 'select[0]=password'],
    ['a `locale` on a type without i18n', 'locale=../../etc'],
    ['a `status` list', 'status[0]=draft&status[1]=published'],
    ['a `status` operator', 'status[$ne]=published'],

    // populate
    ['populate of an unknown relation', 'populate=nope'],
    ['populate of an unknown nested relation', `populate[${relation}][populate]=nope`],
    ['populate of createdBy', 'populate=createdBy'],
    ['populate[createdBy]', 'populate[createdBy]=true'],
    ['populate of updatedBy asking for its password', 'populate[updatedBy][fields][0]=password'],
    ['populate of createdBy through a relation', `populate[${relation}][populate][createdBy]=true`],
    ['populate of a relation asking for a private field', `populate[${relation}][fields][0]=password`],
    ['populate with an unknown option', `populate[${relation}][evil]=1`],
    ['populate nested 30 levels', `populate[${relation}]${nested('[populate][x]', 29)}=true`],
    ['a `populate[*]` wildcard bomb', `populate${nested('[populate][*]', 15)}=true`],
    ['populate as an operator', 'populate[$where]=1'],
    ['populate filtering on a private field', `populate[${relation}][filters][createdBy][password][$startsWith]=${enc('$2')}`],
    ['populate sorting on a private field', `populate[${relation}][sort]=createdBy.email`],
    ['populate filtering with `$or` that is not a list', `populate[${relation}][filters][$or]=x`],
    ['populate with a count that is not a boolean', `populate[${relation}][count]=maybe`],

    // filters: shapes
    ['filters as text', 'filters=1'],
    ['a filter on an unknown field', 'filters[nope][$eq]=1'],
    ['an unknown operator', 'filters[documentId][$regex]=.*'],
    ['a `$where` operator', `filters[$where]=${enc('1=1')}`],
    ['a field-level `$where`', `filters[documentId][$where]=${enc('1=1')}`],
    ['an operator on an operator', 'filters[documentId][$eq][$ne]=x'],
    ['`$or` that is not a list', 'filters[$or]=x'],
    ['`$and` of text', 'filters[$and][0]=x'],
    ['`$not` of text', 'filters[$not]=x'],
    ['`$in` given an object', 'filters[documentId][$in][$gt]=a'],
    [
      "`$in` of 150 values (over the query parser's list limit)",
      Array.from({ length: 150 }, (_, i) => `filters[documentId][$in][${i}]=${i}`).join('&'),
    ],
    ['`$eq` given a list (arrays where a scalar belongs)', 'filters[documentId][$eq][0]=a&filters[documentId][$eq][1]=b'],
    ['`$null` that is not a boolean', 'filters[documentId][$null]=maybe'],
    ['`$between` with one bound', 'filters[createdAt][$between]=2020-01-01'],
    ['filters nested 200 levels with $and', `filters${nested('[$and][0]', 200)}[documentId][$eq]=x`],
    ['filters nested 20 levels with $not', `filters${nested('[$not]', 20)}[documentId][$eq]=x`],
    ['a relation mixing an operator and a field', `filters[${relation}][$null]=true&filters[${relation}][documentId][$eq]=x`],
    ['a relation with `$not` on its id', `filters[${relation}][$not][documentId]=x`],

    // filters: values the columns cannot hold (PostgreSQL answered these with a 500)
    ['an id compared with SQL', `filters[id][$eq]=${enc("' OR 1=1--")}`],
    ['an id too large for the column', 'filters[id][$gt]=99999999999999999999999999'],
    ['a relation compared with SQL', `filters[${relation}][$eq]=${enc("' OR 1=1--")}`],
    ['a date compared with text', 'filters[createdAt][$gt]=yesterday'],
    ['a date compared with an object', 'filters[createdAt][$gt][a]=1'],
    ['a text operator on a number', 'filters[id][$containsi]=1'],
    ['a text operator on a date', 'filters[createdAt][$startsWith]=2020'],
    ['a JSON field compared with text', path === 'articles' ? 'filters[topics][$eq]=x' : 'filters[createdAt][$jsonSupersetOf]=x'],
    ['a NUL in a filter value', 'filters[documentId][$eq]=%00'],
    [
      'a NUL in a component field filter',
      path === 'articles' ? 'filters[seo][metaTitle][$eq]=a%00' : `filters[${relation}][documentId][$eq]=a%00`,
    ],
    ...INVALID_PERCENT_ENCODINGS.map((encoding): [string, string] => [
      `${encoding} in a filter value`,
      `filters[slug][$containsi]=${encoding}`,
    ]),
    ...INVALID_PERCENT_ENCODINGS.map((encoding): [string, string] => [
      `${encoding} in a parameter name`,
      `filters[${encoding}][$eq]=1`,
    ]),

    // private fields (CVE-2023-22894): an editor's password hash, reset token and email through createdBy/updatedBy
    ['a filter on createdBy.password', `filters[createdBy][password][$startsWith]=${enc('$2')}`],
    ['a filter on updatedBy.password', 'filters[updatedBy][password][$notNull]=true'],
    ['a filter on createdBy.resetPasswordToken', 'filters[createdBy][resetPasswordToken][$startsWith]=admin-reset'],
    ['a filter on createdBy.email', `filters[createdBy][email][$endsWith]=${enc('.test')}`],
    ['a filter on createdBy.id', 'filters[createdBy][id][$eq]=1'],
    ['a filter on createdBy.roles', 'filters[createdBy][roles][code][$eq]=strapi-super-admin'],
    [
      'a filter on createdBy inside $or',
      `filters[$or][0][createdBy][password][$startsWith]=${enc('$')}&filters[$or][1][documentId][$null]=true`,
    ],
    ['a filter on createdBy inside $not', 'filters[$not][createdBy][email][$null]=true'],
    ['a filter on createdBy through a relation', `filters[${relation}][createdBy][email][$contains]=${enc('@')}`],
    ["a filter on a relation's updatedBy.password", `filters[${relation}][updatedBy][password][$startsWith]=${enc('$2')}`],
    ['a sort on createdBy.password', 'sort=createdBy.password'],
    ['a sort on createdBy.email', 'sort[0]=createdBy.email:asc'],
    ['a sort object on updatedBy.password', 'sort[updatedBy][password]=asc'],
    ["a sort on a relation's createdBy.email", `sort=${relation}.createdBy.email`],
    ['fields with createdBy', 'fields[0]=createdBy'],
    ['fields with password', 'fields[0]=password'],
    ['fields as a comma list with a private field', 'fields=documentId,password'],

    // sort and fields
    ['a sort on an unknown field', 'sort=nope'],
    ['a sort in an unknown direction', 'sort=documentId:sideways'],
    ['a sort with SQL', `sort=${enc('documentId; DROP TABLE articles--')}`],
    ['a sort with a SQL expression', `sort=${enc('(CASE WHEN 1=1 THEN id END)')}`],
    ['a sort nested 20 levels', `sort${nested('[a]', 20)}=asc`],
    ['a sort object with an operator', 'sort[$where]=1'],
    ['fields with an unknown field', 'fields[0]=nope'],
    ['fields with an object', 'fields[0][a]=b'],
    ['fields with SQL', `fields[0]=${enc('* FROM admin_users--')}`],

    // pagination
    ['a negative page', 'pagination[page]=-1'],
    ['a page of text', 'pagination[page]=abc'],
    ['a page of 1e400', 'pagination[page]=1e400'],
    ['a page beyond any offset', 'pagination[page]=99999999999999999999'],
    ['a page size of zero', 'pagination[pageSize]=0'],
    ['a start beyond any offset', 'pagination[start]=99999999999999999999'],
    ['a negative start', 'pagination[start]=-5'],
    ['a limit of text', 'pagination[limit]=abc'],
    ['page and start mixed', 'pagination[page]=1&pagination[start]=0'],
    ['pagination as text', 'pagination=1'],
    ['an unknown pagination key', 'pagination[offset]=0'],
    ['withCount that is not a boolean', 'pagination[withCount]=maybe'],
    ['a page given as a list', 'pagination[page][0]=1&pagination[page][1]=2'],
  ];
};

/** A value over each type's declared maximum length (slugs are not here: the app shortens a long slug itself). */
const TOO_LONG: Record<ContentPath, Record<string, string>> = {
  articles: { excerpt: 'x'.repeat(601) },
  organizations: { website: `https://example.org/${'a'.repeat(3000)}` },
  officials: { position: 'p'.repeat(501) },
  statements: { sourceUrl: `https://example.org/${'a'.repeat(3000)}` },
  meetings: { city: 'c'.repeat(201) },
};

/** JSON bodies a writer (full-access token) sends to a content type: each must be a 400 and write nothing. */
const hostileWrites = (path: ContentPath): Array<[string, string]> => {
  const title = TITLE_FIELD[path];
  const relation = RELATION[path];
  const valid = (extra: Record<string, unknown>) => ({
    data: { [title]: 'Hostile write', ...(path === 'meetings' ? { date: '2022-03-14' } : {}), ...extra },
  });
  const bodies: Array<[string, unknown]> = [
    ['no data', {}],
    ['data as text', { data: 'x' }],
    ['data as a list', { data: [{ [title]: 'x' }] }],
    ['data as null', { data: null }],
    ['a body that is a list', [valid({})]],
    ['an unknown field', valid({ nope: 1 })],
    ['an unknown key next to data', { ...valid({}), meta: { a: 1 } }],
    ['a title of the wrong type', valid({ [title]: 123 })],
    ['a title that is an operator object', valid({ [title]: { $gt: '' } })],
    ['a title that is a list', valid({ [title]: ['a', 'b'] })],
    ['a title longer than allowed', valid({ [title]: 'x'.repeat(301) })],
    ['a title with a NUL', valid({ [title]: 'a\u0000b' })],
    ['a title with a lone surrogate', valid({ [title]: 'a\uD800b' })],
    ['createdBy set to an admin', valid({ createdBy: 1 })],
    ['updatedBy connected to an admin', valid({ updatedBy: { connect: [1] } })],
    ['an id', valid({ id: 999 })],
    ['a documentId', valid({ documentId: 'chosenbyattacker00000000' })],
    ['publishedAt', valid({ publishedAt: '2020-01-01T00:00:00.000Z' })],
    ['createdAt', valid({ createdAt: '2020-01-01T00:00:00.000Z' })],
    ['updatedAt', valid({ updatedAt: '2020-01-01T00:00:00.000Z' })],
    ['a relation to a document that does not exist', valid({ [relation]: ['doesnotexist000000000000'] })],
    ['a relation connect with an operator', valid({ [relation]: { connect: [{ documentId: { $ne: null } }] } })],
    ['a relation given an operator object', valid({ [relation]: { $where: '1=1' } })],
    [
      'a relation positioned before a document that does not exist',
      valid({ [relation]: { connect: [{ documentId: 'doesnotexist000000000000', position: { before: 'nope' } }] } }),
    ],
    ['a slug that is a list', valid({ slug: ['a'] })],
    [
      'a field in the wrong format',
      valid(
        path === 'articles'
          ? { topics: 'not-a-list' }
          : path === 'statements'
            ? { language: 'not a language' }
            : { country: 'USA' },
      ),
    ],
    ['a value longer than its field allows', valid(TOO_LONG[path])],
  ];
  return [
    ...bodies.map(([what, body]): [string, string] => [what, JSON.stringify(body)]),
    ['a field name that is not valid Unicode', `{"data":{"${title}":"x","\\ud800":1}}`],
    ['a field nested 5,000 levels', `{"data":{"${title}":${deepJson(5_000, 'array')}}}`],
  ];
};

/** How a body reaches the server: parsers, limits, content types and encodings. */
const transportCases = (targets: Targets): HostileRequest[] => {
  const MB = 1024 * 1024;
  const endpoints: Array<[string, string, string, Actor]> = [
    ['POST /api/articles', 'POST', '/api/articles', 'full-access token'],
    ['PUT /api/articles/:documentId', 'PUT', `/api/articles/${targets.published.articles}`, 'full-access token'],
    ['POST /api/view-counter/views', 'POST', '/api/view-counter/views', 'public'],
    ['POST /api/auth/local', 'POST', '/api/auth/local', 'public'],
  ];
  return endpoints.flatMap(([name, method, path, as]): HostileRequest[] => {
    const json = (body: string) => ({ type: 'application/json', body });
    return [
      { what: `${name}: truncated JSON`, method, path, as, raw: json('{"data":'), status: 400 },
      { what: `${name}: JSON with trailing garbage`, method, path, as, raw: json('{"data":{}} x'), status: 400 },
      { what: `${name}: single-quoted pseudo-JSON`, method, path, as, raw: json("{'data':{}}"), status: 400 },
      { what: `${name}: a NUL byte as the body`, method, path, as, raw: json('\u0000'), status: 400 },
      {
        what: `${name}: a NUL character in a JSON string`,
        method,
        path,
        as,
        raw: json('{"data":{"title":"a\\u0000b"},"identifier":"a\\u0000","type":"a\\u0000"}'),
        status: 400,
      },
      {
        what: `${name}: a JSON body over 1 MB`,
        method,
        path,
        as,
        raw: json(JSON.stringify({ data: { title: 'x'.repeat(1.1 * MB) } })),
        status: 413,
      },
      {
        what: `${name}: a text body over its limit`,
        method,
        path,
        as,
        raw: { type: 'text/plain', body: 'x'.repeat(100 * 1024) },
        status: 413,
      },
      {
        what: `${name}: a form body over its limit`,
        method,
        path,
        as,
        raw: { type: 'application/x-www-form-urlencoded', body: `a=${'x'.repeat(100 * 1024)}` },
        status: 413,
      },
      { what: `${name}: JSON nested 100,000 arrays deep`, method, path, as, raw: json(deepJson(100_000, 'array')), status: 400 },
      {
        what: `${name}: JSON nested 50,000 objects deep`,
        method,
        path,
        as,
        raw: json(`{"data":${deepJson(50_000, 'object')}}`),
        status: 400,
      },
      {
        what: `${name}: XML with an external entity`,
        method,
        path,
        as,
        raw: {
          type: 'application/xml',
          body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><data>&e;</data>',
        },
        status: 415,
      },
      {
        what: `${name}: binary octets`,
        method,
        path,
        as,
        raw: { type: 'application/octet-stream', body: Buffer.from([0, 255, 254, 1, 2]) },
        status: 415,
      },
      {
        what: `${name}: gzip that is not gzip`,
        method,
        path,
        as,
        raw: json('not gzip'),
        headers: { 'Content-Encoding': 'gzip' },
        status: 415,
      },
      {
        what: `${name}: an unknown content encoding`,
        method,
        path,
        as,
        raw: json('{}'),
        headers: { 'Content-Encoding': 'evil' },
        status: 415,
      },
      {
        what: `${name}: a __proto__ key`,
        method,
        path,
        as,
        raw: json('{"__proto__":{"polluted":"yes"},"data":{"__proto__":{"polluted":"yes"}}}'),
      },
      {
        what: `${name}: a constructor.prototype key`,
        method,
        path,
        as,
        json: { constructor: { prototype: { polluted: 'yes' } } },
      },
    ];
  });
};

const viewCounterCases = (targets: Targets): HostileRequest[] => {
  const article = targets.published.articles;
  const view = (what: string, json: unknown, status: number): HostileRequest => ({
    what: `POST /api/view-counter/views: ${what}`,
    method: 'POST',
    path: '/api/view-counter/views',
    json,
    status,
  });
  const beacon = (what: string, body: string | Buffer, status: number): HostileRequest => ({
    what: `POST /api/view-counter/views: ${what}`,
    method: 'POST',
    path: '/api/view-counter/views',
    raw: { type: 'text/plain;charset=UTF-8', body },
    status,
  });
  const series = (what: string, path: string, status: number | readonly number[]): HostileRequest => ({
    what: `GET /api/view-counter/views/:type/:documentId: ${what}`,
    method: 'GET',
    path: `/api/view-counter/views/${path}`,
    status,
  });
  const top = (what: string, query: string, status: number): HostileRequest => ({
    what: `GET /api/view-counter/top: ${what}`,
    method: 'GET',
    path: `/api/view-counter/top?${query}`,
    status,
  });
  return [
    view('an empty object', {}, 400),
    view('no documentId', { type: 'article' }, 400),
    view('no type', { documentId: article }, 400),
    view('a type of the wrong type', { type: 1, documentId: article }, 400),
    view('a documentId of the wrong type', { type: 'article', documentId: 12345 }, 400),
    view('an operator as documentId', { type: 'article', documentId: { $ne: null } }, 400),
    view('a list as documentId', { type: 'article', documentId: [article, article] }, 400),
    view('a list as type', { type: ['article'], documentId: article }, 400),
    view('an unknown field', { type: 'article', documentId: article, views: 1000 }, 400),
    view('a body that is a list', [{ type: 'article', documentId: article }], 400),
    view('a body that is a number', 42, 400),
    view('a body that is null', null, 400),
    view('a type with a path', { type: '../../admin', documentId: article }, 400),
    view('an upper-case type', { type: 'Article', documentId: article }, 400),
    view('a content type uid as type', { type: 'api::article.article', documentId: article }, 400),
    view('a type that is not counted', { type: 'organization', documentId: targets.published.organizations }, 404),
    view('a type that does not exist', { type: 'subscriber', documentId: article }, 404),
    view('a draft', { type: 'article', documentId: targets.draftArticle }, 404),
    view('a documentId that does not exist', { type: 'article', documentId: 'doesnotexist000000000000' }, 404),
    view('a documentId of 1,000 characters', { type: 'article', documentId: 'a'.repeat(1_000) }, 400),
    view('a documentId with a NUL', { type: 'article', documentId: `${article}\u0000` }, 400),
    view('a documentId with SQL', { type: 'article', documentId: "' OR 1=1--" }, 400),
    view('a documentId with an RTL override', { type: 'article', documentId: `\u202E${article}` }, 400),
    beacon('a beacon (text/plain) that is not JSON', 'type=article', 400),
    beacon('a beacon over 2 KB', JSON.stringify({ type: 'article', documentId: article, pad: 'x'.repeat(4_000) }), 413),
    beacon(
      'a beacon with invalid UTF-8',
      Buffer.concat([Buffer.from('{"type":"article","documentId":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      400,
    ),
    beacon('a beacon with a NUL', `{"type":"article","documentId":"${article}\u0000"}`, 400),
    beacon('a beacon nested 1,000 levels', deepJson(1_000, 'array'), 400),

    series('days of text', `article/${article}?days=abc`, 400),
    series('days of zero', `article/${article}?days=0`, 400),
    series('days over a year', `article/${article}?days=366`, 400),
    series('days of 1e400', `article/${article}?days=1e400`, 400),
    series('days as a list', `article/${article}?days[0]=1&days[1]=2`, 400),
    series('days as an operator', `article/${article}?days[$gt]=1`, 400),
    series('an unknown parameter', `article/${article}?status=draft`, 400),
    series('a draft', `article/${targets.draftArticle}`, 404),
    series('a type that is not counted', `organization/${targets.published.organizations}`, 404),
    series('an upper-case type', `Article/${article}`, 400),
    series('a uid as type', `api::article.article/${article}`, 400),
    ...INVALID_DOCUMENT_IDS.map(([what, documentId]) => series(`a documentId with ${what}`, `article/${documentId}`, [400, 404])),
    ...INVALID_PERCENT_ENCODINGS.map((encoding) => series(`${encoding} as type`, `${encoding}/${article}`, [400, 404])),

    top('an unknown period', 'period=1y', 400),
    top('a period as a list', 'period[0]=7d', 400),
    top('a period with SQL', `period=${enc("7d' OR 1=1--")}`, 400),
    top('a limit of zero', 'limit=0', 400),
    top('a limit over 100', 'limit=101', 400),
    top('a negative limit', 'limit=-1', 400),
    top('a limit of text', 'limit=abc', 400),
    top('a fractional limit', 'limit=1.5', 400),
    top('a limit of 1e400', 'limit=1e400', 400),
    top('a type as an operator', 'type[$ne]=x', 400),
    top('a type that is not counted', 'type=organization', 404),
    top('a type with a NUL', 'type=article%00', 400),
    top('an unknown parameter', 'type=article&populate=*', 400),
    top('filters on a private field', `filters[createdBy][password][$startsWith]=${enc('$2')}`, 400),
  ];
};

const feedCases = (): HostileRequest[] => [
  { what: 'GET /api/feeds/articles.xml: an unknown format', method: 'GET', path: '/api/feeds/articles.xml', status: 404 },
  { what: 'GET /api/feeds/articles.RSS: an upper-case format', method: 'GET', path: '/api/feeds/articles.RSS', status: 404 },
  { what: 'GET /api/feeds/articles.__proto__', method: 'GET', path: '/api/feeds/articles.__proto__', status: 404 },
  { what: 'GET /api/feeds/articles.constructor', method: 'GET', path: '/api/feeds/articles.constructor', status: 404 },
  { what: 'GET /api/feeds/articles.rss%00', method: 'GET', path: '/api/feeds/articles.rss%00', status: [400, 404] },
  { what: 'GET /api/feeds/articles.%ED%A0%80', method: 'GET', path: '/api/feeds/articles.%ED%A0%80', status: [400, 404] },
  {
    what: 'GET /api/feeds/articles.rss: a query parameter',
    method: 'GET',
    path: '/api/feeds/articles.rss?limit=1000',
    status: 400,
  },
  {
    what: 'GET /api/feeds/articles.json: status=draft',
    method: 'GET',
    path: '/api/feeds/articles.json?status=draft',
    status: 400,
  },
  {
    what: 'GET /api/feeds/articles.atom: filters on a private field',
    method: 'GET',
    path: `/api/feeds/articles.atom?filters[createdBy][password][$startsWith]=${enc('$2')}`,
    status: 400,
  },
  {
    what: 'POST /api/feeds/articles.rss: a method the route does not have',
    method: 'POST',
    path: '/api/feeds/articles.rss',
    json: {},
    status: 405,
  },
];

const post = (path: string, what: string, json: unknown, status: number | readonly number[]): HostileRequest => ({
  what: `POST ${path}: ${what}`,
  method: 'POST',
  path,
  json,
  status,
});

const usersPermissionsCases = (): HostileRequest[] => [
  post('/api/auth/local', 'no credentials', {}, 400),
  post('/api/auth/local', 'operators instead of credentials', { identifier: { $ne: null }, password: { $ne: null } }, 400),
  post('/api/auth/local', 'lists instead of credentials', { identifier: ['a'], password: ['b'] }, 400),
  post('/api/auth/local', 'SQL injection', { identifier: "' OR 1=1--", password: "' OR 1=1--" }, 400),
  post('/api/auth/local', 'a NUL in the identifier', { identifier: 'reader\u0000', password: 'x' }, 400),
  post('/api/auth/local', 'a 10,000-character password', { identifier: 'reader', password: 'x'.repeat(10_000) }, 400),
  post('/api/auth/local', 'an unknown field', { identifier: 'reader', password: 'x', role: 1 }, 400),
  post(
    '/api/auth/local/register',
    'a registration (registration is closed)',
    { username: 'mallory', email: 'mallory@evil.test', password: 'Passw0rd!' },
    [400, 403],
  ),
  post(
    '/api/auth/local/register',
    'a registration choosing its role',
    { username: 'mallory', email: 'mallory@evil.test', password: 'Passw0rd!', role: 1, confirmed: true },
    [400, 403],
  ),
  post('/api/auth/local/register', 'operators', { username: { $ne: null }, email: { $ne: null }, password: 'x' }, [400, 403]),
  post('/api/auth/forgot-password', 'no email', {}, 400),
  post('/api/auth/forgot-password', 'an operator as email', { email: { $ne: null } }, 400),
  post('/api/auth/forgot-password', 'a list as email', { email: ['a@b.test'] }, 400),
  post('/api/auth/forgot-password', 'not an email', { email: "' OR 1=1--" }, 400),
  post('/api/auth/reset-password', 'no body fields', {}, 400),
  post(
    '/api/auth/reset-password',
    'an operator as code',
    { code: { $ne: null }, password: 'Passw0rd!', passwordConfirmation: 'Passw0rd!' },
    400,
  ),
  post(
    '/api/auth/reset-password',
    'a list as code',
    { code: ['x'], password: 'Passw0rd!', passwordConfirmation: 'Passw0rd!' },
    400,
  ),
  post(
    '/api/auth/reset-password',
    'a wrong code',
    { code: 'user-reset-guess', password: 'Passw0rd!', passwordConfirmation: 'Passw0rd!' },
    400,
  ),
  post('/api/auth/reset-password', 'an empty code', { code: '', password: 'Passw0rd!', passwordConfirmation: 'Passw0rd!' }, 400),
  post(
    '/api/auth/reset-password',
    'passwords that differ',
    { code: 'x', password: 'Passw0rd!', passwordConfirmation: 'other' },
    400,
  ),
  post('/api/auth/send-email-confirmation', 'an operator as email', { email: { $ne: null } }, 400),
  post('/api/auth/send-email-confirmation', 'not an email', { email: 'x' }, 400),
  post(
    '/api/auth/change-password',
    'without a session',
    { currentPassword: 'x', password: 'Passw0rd!', passwordConfirmation: 'Passw0rd!' },
    [401, 403],
  ),
  post('/api/auth/refresh', 'an operator as refresh token', { refreshToken: { $ne: null } }, [400, 401, 403, 404]),
  post('/api/auth/refresh', 'a forged refresh token', { refreshToken: 'eyJhbGciOiJub25lIn0.eyJpZCI6MX0.' }, [400, 401, 403, 404]),
  post('/api/auth/logout', 'without a session', {}, [401, 403, 404]),
  { what: 'GET /api/auth/sessions: without a session', method: 'GET', path: '/api/auth/sessions', status: [401, 403, 404] },
  {
    what: 'DELETE /api/auth/sessions/:id: without a session',
    method: 'DELETE',
    path: '/api/auth/sessions/1',
    status: [401, 403, 404],
  },
  { what: 'GET /api/auth/email-confirmation: no token', method: 'GET', path: '/api/auth/email-confirmation', status: 400 },
  {
    what: 'GET /api/auth/email-confirmation: an operator as token',
    method: 'GET',
    path: '/api/auth/email-confirmation?confirmation[$ne]=x',
    status: 400,
  },
  {
    what: 'GET /api/auth/email-confirmation: a wrong token',
    method: 'GET',
    path: '/api/auth/email-confirmation?confirmation=user-confirm-guess',
    status: 400,
  },
  {
    what: 'GET /api/auth/:provider/callback: an unknown provider',
    method: 'GET',
    path: '/api/auth/evil/callback?access_token=x',
    status: [400, 404],
  },
  {
    what: 'GET /api/auth/:provider/callback: a provider with a path',
    method: 'GET',
    path: '/api/auth/..%2F..%2Fadmin/callback',
    status: [400, 404],
  },
  { what: 'GET /api/connect/:provider: an unknown provider', method: 'GET', path: '/api/connect/evil', status: [400, 404] },
  { what: 'GET /api/users/me: without a session', method: 'GET', path: '/api/users/me', status: [401, 403] },
  { what: 'GET /api/users: Public', method: 'GET', path: '/api/users', status: 403 },
  {
    what: 'GET /api/users: Public filtering on password',
    method: 'GET',
    path: `/api/users?filters[password][$startsWith]=${enc('$2')}`,
    status: 403,
  },
  {
    what: 'GET /api/users/count: Public filtering on a reset token',
    method: 'GET',
    path: '/api/users/count?filters[resetPasswordToken][$notNull]=true',
    status: 403,
  },
  { what: 'GET /api/users/:id: Public', method: 'GET', path: '/api/users/1', status: 403 },
  {
    what: 'POST /api/users: Public',
    method: 'POST',
    path: '/api/users',
    json: { username: 'x', email: 'x@x.test', password: 'Passw0rd!' },
    status: 403,
  },
  { what: 'PUT /api/users/:id: Public', method: 'PUT', path: '/api/users/1', json: { password: 'Passw0rd!' }, status: 403 },
  { what: 'DELETE /api/users/:id: Public', method: 'DELETE', path: '/api/users/1', status: 403 },
  {
    what: 'GET /api/users: full access filtering on password',
    method: 'GET',
    path: `/api/users?filters[password][$startsWith]=${enc('$2')}`,
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access filtering on a reset token',
    method: 'GET',
    path: '/api/users?filters[resetPasswordToken][$startsWith]=user-reset',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access filtering on a confirmation token',
    method: 'GET',
    path: '/api/users?filters[confirmationToken][$notNull]=true',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access sorting on password',
    method: 'GET',
    path: '/api/users?sort=password',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access asking for the password field',
    method: 'GET',
    path: '/api/users?fields[0]=password',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access comparing the id with SQL',
    method: 'GET',
    path: `/api/users?filters[id][$eq]=${enc("' OR 1=1--")}`,
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access with a boolean that is not one',
    method: 'GET',
    path: '/api/users?filters[blocked][$eq]=maybe',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access with `$or` that is not a list',
    method: 'GET',
    path: '/api/users?filters[$or]=x',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users: full access with a start beyond any offset',
    method: 'GET',
    path: '/api/users?start=99999999999999999999',
    as: 'full-access token',
    status: 400,
  },
  {
    what: "GET /api/users: full access populating the role and its users' passwords",
    method: 'GET',
    path: '/api/users?populate[role][populate][users][fields][0]=password',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users/count: full access filtering on password',
    method: 'GET',
    path: `/api/users/count?filters[password][$startsWith]=${enc('$2')}`,
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/users/:id: full access with SQL as id',
    method: 'GET',
    path: `/api/users/${enc("' OR 1=1--")}`,
    as: 'full-access token',
    status: [400, 404],
  },
  {
    what: 'GET /api/users/:id: full access asking for a user that does not exist',
    method: 'GET',
    path: '/api/users/999999',
    as: 'full-access token',
    status: 404,
  },
  {
    what: 'DELETE /api/users/:id: full access deleting a user that does not exist',
    method: 'DELETE',
    path: '/api/users/999999',
    as: 'full-access token',
    status: 404,
  },
  {
    what: 'GET /api/users/me: a full-access API token is not a user',
    method: 'GET',
    path: '/api/users/me',
    as: 'full-access token',
    status: [401, 403],
  },
  { what: 'GET /api/users-permissions/roles: Public', method: 'GET', path: '/api/users-permissions/roles', status: 403 },
  {
    what: 'GET /api/users-permissions/permissions: Public',
    method: 'GET',
    path: '/api/users-permissions/permissions',
    status: 403,
  },
  {
    what: 'POST /api/users-permissions/roles: Public',
    method: 'POST',
    path: '/api/users-permissions/roles',
    json: { name: 'evil' },
    status: 403,
  },
];

const otherRouteCases = (): HostileRequest[] => [
  {
    what: 'POST /api/upload: Public',
    method: 'POST',
    path: '/api/upload',
    raw: { type: 'application/octet-stream', body: Buffer.from('x') },
    status: [403, 415],
  },
  { what: 'GET /api/upload/files: Public', method: 'GET', path: '/api/upload/files', status: 403 },
  { what: 'GET /api/upload/files/:id: Public', method: 'GET', path: '/api/upload/files/1', status: 403 },
  { what: 'DELETE /api/upload/files/:id: Public', method: 'DELETE', path: '/api/upload/files/1', status: 403 },
  {
    what: 'GET /api/upload/files: full access filtering on createdBy.password',
    method: 'GET',
    path: `/api/upload/files?filters[createdBy][password][$startsWith]=${enc('$2')}`,
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/upload/files: full access comparing the id with text',
    method: 'GET',
    path: '/api/upload/files?filters[id][$eq]=abc',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/upload/files: full access comparing the size with text',
    method: 'GET',
    path: '/api/upload/files?filters[size][$gt]=abc',
    as: 'full-access token',
    status: 400,
  },
  {
    what: 'GET /api/upload/files/:id: full access with SQL as id',
    method: 'GET',
    path: `/api/upload/files/${enc("' OR 1=1--")}`,
    as: 'full-access token',
    status: [400, 404],
  },
  {
    what: 'POST /api/upload: full access without a file',
    method: 'POST',
    path: '/api/upload',
    as: 'full-access token',
    json: {},
    status: 400,
  },
  {
    what: 'GET /api/subscribers: filtering on the webhook secret (subscribers have no content-API route)',
    method: 'GET',
    path: '/api/subscribers?filters[secret][$startsWith]=whsec_',
    as: 'full-access token',
    status: 404,
  },
  {
    what: 'GET /api/syndication/subscribers: filtering on the webhook secret',
    method: 'GET',
    path: '/api/syndication/subscribers?filters[secret][$startsWith]=whsec_',
    as: 'full-access token',
    status: 404,
  },
  { what: 'GET /api/i18n/locales: Public', method: 'GET', path: '/api/i18n/locales', status: 403 },
  {
    what: 'GET /api/content-type-builder/content-types: Public',
    method: 'GET',
    path: '/api/content-type-builder/content-types',
    status: 403,
  },
  {
    what: 'POST /api/email: Public',
    method: 'POST',
    path: '/api/email',
    json: { to: 'x@x.test', subject: 'x', text: 'x' },
    status: 403,
  },
  {
    what: 'POST /api/email: full access, no body fields',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: {},
    status: 400,
  },
  {
    what: 'POST /api/email: full access, an operator as recipient',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: { $ne: null }, subject: 'x', text: 'y' },
    status: 400,
  },
  {
    what: 'POST /api/email: full access, a recipient that is not an address',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: 'not an address', subject: 'x', text: 'y' },
    status: 400,
  },
  {
    what: 'POST /api/email: full access, 51 recipients',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: Array.from({ length: 51 }, (_, i) => `r${i}@example.org`), subject: 'x', text: 'y' },
    status: 400,
  },
  {
    what: 'POST /api/email: full access, a header injection in the recipient',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: 'a@example.org\r\nBcc: everyone@example.org', subject: 'x', text: 'y' },
    status: 400,
  },
  {
    what: 'POST /api/email: full access, a forged sender',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: 'a@example.org', from: 'ceo@silkcouncil.example', subject: 'x', text: 'y' },
    status: 400,
  },
  {
    what: 'POST /api/email: full access, no text',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: 'a@example.org', subject: 'x' },
    status: 400,
  },
  {
    what: 'POST /api/email: full access, an unknown field',
    method: 'POST',
    path: '/api/email',
    as: 'full-access token',
    json: { to: 'a@example.org', subject: 'x', text: 'y', attachments: [{ path: '/etc/passwd' }] },
    status: 400,
  },
  { what: 'GET /api/nope: an unknown route', method: 'GET', path: '/api/nope', status: 404 },
  { what: 'GET /api/articles/a/b: too many segments', method: 'GET', path: '/api/articles/a/b', status: 404 },
  { what: 'GET /api/%ED%A0%80: invalid UTF-8 in the path', method: 'GET', path: '/api/%ED%A0%80', status: 400 },
  {
    what: 'GET /api/..%2F..%2Fadmin: a traversal in the path',
    method: 'GET',
    path: '/api/..%2F..%2Fadmin',
    status: [400, 403, 404],
  },
  { what: 'GET /api/articles%00: a NUL in the path', method: 'GET', path: '/api/articles%00', status: 400 },
  { what: 'PATCH /api/articles: a method no route has', method: 'PATCH', path: '/api/articles', json: { data: {} }, status: 405 },
  { what: 'TRACE /api/articles: a method the API does not implement', method: 'TRACE', path: '/api/articles', status: 405 },
  { what: 'PROPFIND /api/articles: a WebDAV method', method: 'PROPFIND', path: '/api/articles', status: 405 },
  {
    what: 'GET /api/articles: a request line over 16 KB',
    method: 'GET',
    path: `/api/articles?filters[slug][$eq]=${'x'.repeat(20 * 1024)}`,
    status: 431,
    bodylessBecause: "Node's HTTP parser refuses a request head over 16 KB (431) before any middleware runs",
  },
];

/** Credentials that are not credentials, on a route Public may read. */
const credentialCases = (): HostileRequest[] =>
  (
    [
      ['a garbage bearer token', 'Bearer garbage'],
      ['a 10,000-character bearer token', `Bearer ${'a'.repeat(10_000)}`],
      [
        'an unsigned JWT (alg none)',
        `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"id":1}').toString('base64url')}.`,
      ],
      [
        'a JWT signed with another secret',
        'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6MSwiaWF0IjoxNjAwMDAwMDAwfQ.4Adcj3UFYzPUVaVF43FmMab6RlaQD8A9V8wFzzht-KQ',
      ],
    ] as const
  ).map(([what, authorization]) => ({
    what: `GET /api/articles with ${what}`,
    method: 'GET',
    path: '/api/articles',
    headers: { Authorization: authorization },
    status: 401,
  }));

/** Every request of the catalogue, for the published and draft documents of the test app. */
export const hostileRequests = (targets: Targets): HostileRequest[] => [
  ...CONTENT_PATHS.flatMap((path): HostileRequest[] => {
    const one = targets.published[path];
    const collection = `/api/${path}`;
    const item = `${collection}/${one}`;
    return [
      ...hostileQueries(path).flatMap(([what, query]): HostileRequest[] => [
        { what: `GET ${collection}: ${what}`, method: 'GET', path: `${collection}?${query}` },
        { what: `GET ${collection}/:documentId: ${what}`, method: 'GET', path: `${item}?${query}` },
      ]),
      ...INVALID_DOCUMENT_IDS.flatMap(([what, documentId]): HostileRequest[] => [
        {
          what: `GET ${collection}/:documentId with ${what}`,
          method: 'GET',
          path: `${collection}/${documentId}`,
          status: [400, 404],
        },
        {
          what: `PUT ${collection}/:documentId with ${what} (full access)`,
          method: 'PUT',
          path: `${collection}/${documentId}`,
          as: 'full-access token',
          json: { data: {} },
          status: [400, 404],
        },
        {
          what: `DELETE ${collection}/:documentId with ${what} (full access)`,
          method: 'DELETE',
          path: `${collection}/${documentId}`,
          as: 'full-access token',
          status: [400, 404],
        },
      ]),
      ...hostileWrites(path).flatMap(([what, body]): HostileRequest[] => [
        {
          what: `POST ${collection}: ${what}`,
          method: 'POST',
          path: collection,
          as: 'full-access token',
          raw: { type: 'application/json', body },
          status: 400,
        },
        {
          what: `PUT ${collection}/:documentId: ${what}`,
          method: 'PUT',
          path: item,
          as: 'full-access token',
          raw: { type: 'application/json', body },
          status: 400,
        },
      ]),
      // Whatever it sends, Public never writes and a read-only token neither.
      {
        what: `POST ${collection} as Public`,
        method: 'POST',
        path: collection,
        json: { data: { [TITLE_FIELD[path]]: 'x' } },
        status: 403,
      },
      {
        what: `PUT ${collection}/:documentId as Public`,
        method: 'PUT',
        path: item,
        json: { data: { [TITLE_FIELD[path]]: 'x' } },
        status: 403,
      },
      { what: `DELETE ${collection}/:documentId as Public`, method: 'DELETE', path: item, status: 403 },
      {
        what: `POST ${collection} with a read-only token`,
        method: 'POST',
        path: collection,
        as: 'read-only token',
        json: { data: { [TITLE_FIELD[path]]: 'x' } },
        status: 403,
      },
    ];
  }),
  ...transportCases(targets),
  ...viewCounterCases(targets),
  ...feedCases(),
  ...usersPermissionsCases(),
  ...otherRouteCases(),
  ...credentialCases(),
];

/**
 * Hostile text inside a well-formed query is data, not an error: the API must answer 200
 * and match nothing, which proves it was compared as text and never ran as SQL (a working
 * `' OR 1=1--` would return every row).
 */
export const HOSTILE_TEXT: ReadonlyArray<[string, string]> = [
  ['SQL injection', "' OR 1=1--"],
  ['a stacked SQL statement', "x'; DROP TABLE articles; --"],
  ['a UNION SELECT', "' UNION SELECT password FROM admin_users--"],
  ['a LIKE wildcard', '%_%'],
  ['a backslash escape', '\\\'\\"\\\\'],
  ['an RTL override', '\u202Egnp.exe'],
  ['emoji and a ZWJ sequence', '👩‍👩‍👧‍👦🇨🇳🇺🇸'],
  ['a replacement character (what a lone surrogate becomes on the wire)', '\uFFFD'],
  ['10,000 characters', 'x'.repeat(10_000)],
];

/**
 * Authorization headers Strapi does not read as a bearer token at all (another scheme, or
 * more than one word): it answers as Public, which is what an ignored header means. A
 * proxy's Basic auth in front of a staging site sends exactly such headers.
 */
export const UNREAD_AUTHORIZATION: ReadonlyArray<[string, string]> = [
  ['Basic credentials', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
  ['a bearer token with spaces and SQL', "Bearer ' OR 1=1--"],
  ['an empty bearer token', 'Bearer '],
];

/** The request as sent on the wire, with the actor's credentials. */
export const toRawRequest = (request: HostileRequest, credentials: Record<Actor, Record<string, string>>): RawRequest => {
  const headers: Record<string, string> = {
    'User-Agent': BROWSER_USER_AGENT,
    ...credentials[request.as ?? 'public'],
    ...request.headers,
  };
  let body: string | Buffer | undefined;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  if (request.raw) {
    headers['Content-Type'] = request.raw.type;
    body = request.raw.body;
  }
  return { method: request.method, path: request.path, headers, body };
};
