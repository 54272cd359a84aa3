import { checkData, checkPagination, createWhereChecks, type DatabaseAttribute } from '../database-input';

const models: Record<string, Record<string, DatabaseAttribute>> = {
  'api::article.article': {
    id: { type: 'increments' },
    title: { type: 'string' },
    excerpt: { type: 'text' },
    topics: { type: 'json' },
    views: { type: 'integer' },
    score: { type: 'float' },
    featured: { type: 'boolean' },
    publishedAt: { type: 'datetime' },
    officials: { type: 'relation', target: 'api::official.official' },
    seo: { type: 'relation', target: 'shared.seo' },
  },
  'api::official.official': { id: { type: 'increments' }, fullName: { type: 'string' } },
  'shared.seo': { id: { type: 'increments' }, metaTitle: { type: 'string' } },
};
const attributesOf = (uid: string) => models[uid];
const { checkWhere, checkPopulate } = createWhereChecks(attributesOf);
const strict = createWhereChecks(attributesOf, { oneValuePerOperator: true });
const paths = (issues: Array<{ path: string }>) => issues.map((issue) => issue.path);
const ARTICLE = 'api::article.article';

describe('where clauses', () => {
  it.each([
    ['a comparison', { title: { $eq: 'x' } }],
    ['an implicit $eq and $in', { title: 'x', id: ['1', 2] }],
    ['a relation by field, by id, and by operator on its id', { officials: { fullName: { $containsi: 'yang' } }, seo: 1 }],
    ['one operator on a relation id', { officials: { $in: ['1', '2'] } }],
    ['groups and negation', { $or: [{ title: 'a' }, { $not: { views: { $gt: '3' } } }], $and: [{ featured: 'true' }] }],
    ['null checks, on JSON too', { topics: { $null: true }, title: { $notNull: 'false' } }],
    ['dates and $between', { publishedAt: { $between: ['2022-01-01', '2022-12-31T23:59:59.000Z'] } }],
    ['a list under $eq (Strapi reads it as "any of")', { title: { $eq: ['a', 'b'] } }],
    ['columns the checks do not know', { document_id: { weird: 1 } }],
  ])('accepts %s', (_what, where) => {
    expect(checkWhere(ARTICLE, where)).toEqual([]);
  });

  it.each([
    ['$or that is not a list', { $or: 'x' }, 'filters.$or'],
    ['$and of text', { $and: ['x'] }, 'filters.$and.0'],
    ['$not of text', { $not: 'x' }, 'filters.$not'],
    ['an unknown root operator', { $where: '1=1' }, 'filters.$where'],
    ['an unknown field operator', { title: { $regex: '.*' } }, 'filters.title.$regex'],
    ['an operator on an operator', { title: { $eq: { $ne: 'x' } } }, 'filters.title.$eq'],
    ['text for an integer id', { id: "' OR 1=1--" }, 'filters.id'],
    ['an integer beyond PostgreSQL integer', { views: { $gt: '2147483648' } }, 'filters.views.$gt'],
    ['text for a float', { score: { $lt: 'abc' } }, 'filters.score.$lt'],
    ['a boolean that is not one', { featured: 'maybe' }, 'filters.featured'],
    ['a date that is not one', { publishedAt: { $gt: 'someday' } }, 'filters.publishedAt.$gt'],
    ['$between with one bound', { publishedAt: { $between: '2020-01-01' } }, 'filters.publishedAt.$between'],
    ['$in given an object', { id: { $in: { 0: '1', 101: '2' } } }, 'filters.id.$in'],
    ['$null that is not a boolean', { title: { $null: 'maybe' } }, 'filters.title.$null'],
    ['a text operator on a number', { id: { $containsi: '1' } }, 'filters.id.$containsi'],
    ['a JSON field compared with text', { topics: { $eq: 'x' } }, 'filters.topics.$eq'],
    ['a NUL character', { title: 'a\u0000b' }, 'filters.title'],
    ['a relation mixing an operator and a field', { officials: { $null: true, fullName: 'x' } }, 'filters.officials'],
    ['a relation compared with text', { officials: 'x' }, 'filters.officials'],
    ['a component field with a NUL', { seo: { metaTitle: { $eq: '\u0000' } } }, 'filters.seo.metaTitle.$eq'],
  ])('refuses %s', (_what, where, path) => {
    expect(paths(checkWhere(ARTICLE, where))).toEqual([path]);
  });

  it('holds REST input to one value per one-value operator', () => {
    expect(paths(strict.checkWhere(ARTICLE, { title: { $eq: ['a', 'b'] } }))).toEqual(['filters.title.$eq']);
    expect(strict.checkWhere(ARTICLE, { title: { $in: ['a', 'b'] } })).toEqual([]);
  });

  it('follows populates, with their filters and pagination', () => {
    const populate = {
      officials: { filters: { id: 'x' }, populate: { nope: true } },
      seo: { where: { metaTitle: { $null: 'no' } }, limit: 'abc' },
    };
    expect(paths(checkPopulate(ARTICLE, populate))).toEqual([
      'populate.officials.filters.id',
      'populate.seo.filters.metaTitle.$null',
      'populate.seo.limit',
    ]);
  });
});

describe('pagination', () => {
  it('takes whole numbers a database can take', () => {
    expect(checkPagination({ offset: 25, limit: 25 })).toEqual([]);
    expect(checkPagination({ start: '0', limit: -1 })).toEqual([]);
    expect(paths(checkPagination({ offset: 1e20, limit: 'abc' }))).toEqual(['pagination.start', 'pagination.limit']);
    expect(paths(checkPagination({ start: -5 }))).toEqual(['pagination.start']);
  });
});

describe('written data', () => {
  it('refuses NUL characters anywhere and more than a varchar(255) holds', () => {
    const issues = checkData(
      ARTICLE,
      { title: 'x'.repeat(256), excerpt: 'y'.repeat(5000), topics: ['ok', { deep: 'a\u0000' }] },
      attributesOf,
    );
    expect(paths(issues)).toEqual(['title', 'topics.1.deep']);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(checkData(ARTICLE, { title: '👩'.repeat(255) }, attributesOf)).toEqual([]);
  });
});
