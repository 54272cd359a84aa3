import { paginationProblem, restQueryProblem, writeBodyProblem } from '../rest-input';

describe('pagination', () => {
  it.each([[{ page: '2', pageSize: '10' }], [{ start: '0', limit: '-1' }], [{ page: 1, withCount: 'false' }], [undefined]])(
    'accepts %j',
    (pagination) => {
      expect(paginationProblem(pagination)).toBeNull();
    },
  );

  it.each([
    ['text', '1', /must be an object/],
    ['an unknown key', { offset: '0' }, /Unknown pagination parameter: offset/],
    ['page and start mixed', { page: '1', start: '0' }, /not both/],
    ['a negative page', { page: '-1' }, /pagination\[page\]/],
    ['a page of text', { page: 'abc' }, /pagination\[page\]/],
    ['a page as a list', { page: ['1', '2'] }, /pagination\[page\]/],
    ['a page beyond 2^31', { page: '99999999999999999999' }, /pagination\[page\]/],
    ['a page size of zero', { pageSize: '0' }, /pagination\[pageSize\]/],
    ['a negative start', { start: '-5' }, /pagination\[start\]/],
    ['a limit of text', { limit: 'abc' }, /pagination\[limit\]/],
    ['withCount that is not a boolean', { withCount: 'maybe' }, /withCount/],
  ])('refuses %s', (_what, pagination, message) => {
    expect(paginationProblem(pagination)).toMatch(message);
  });

  it('refuses a status that is not a single value', () => {
    expect(restQueryProblem({ status: ['draft'] })).toMatch(/status/);
    expect(restQueryProblem({ status: 'draft' })).toBeNull();
  });
});

describe('write bodies', () => {
  it.each([
    ['a list', [{ data: {} }], /JSON object/],
    ['a key next to data', { data: {}, meta: {} }, /Unknown body field: meta/],
    ['data as a list', { data: [{ title: 'x' }] }, /"data" must be an object/],
    ['data as text', { data: 'x' }, /"data" must be an object/],
    [
      'server-set fields',
      { data: { title: 'x', publishedAt: '2020-01-01', createdBy: 1 } },
      /publishedAt, createdBy cannot be written/,
    ],
  ])('refuses %s', (_what, body, message) => {
    expect(writeBodyProblem(body)).toMatch(message);
  });

  it('accepts { data: { ...fields } } and leaves a missing data to Strapi', () => {
    expect(writeBodyProblem({ data: { title: 'x' } })).toBeNull();
    expect(writeBodyProblem({})).toBeNull();
  });
});
