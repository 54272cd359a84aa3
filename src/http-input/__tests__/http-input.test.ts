import { MAX_BODY_DEPTH, bodyProblem, encodedTextProblem, textProblem } from '../http-input';

describe('text', () => {
  it.each([
    ['plain text', 'Recent China-US talks', null],
    ['emoji, CJK and an RTL override', '👩‍👩‍👧 杨洁篪 \u202Eabc', null],
    ['a NUL character', 'a\u0000b', 'contains a NUL character'],
    ['a lone high surrogate', 'a\uD800b', 'is not valid Unicode (a lone surrogate)'],
    ['a lone low surrogate', '\uDC00', 'is not valid Unicode (a lone surrogate)'],
  ])('%s', (_what, text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });
});

describe('percent-encoded paths and query strings', () => {
  it.each([
    ['valid UTF-8', 'filters[title][$eq]=%E6%9D%A8', null],
    ['a plus for a space', 'q=a+b', null],
    ['a lone surrogate', 'q=%ED%A0%80', 'The query string is not valid percent-encoded UTF-8'],
    ['an overlong "/"', 'q=%C0%AF', 'The query string is not valid percent-encoded UTF-8'],
    ['a bad escape', 'q=%zz', 'The query string is not valid percent-encoded UTF-8'],
    ['a NUL', 'q=%00', 'The query string contains a NUL character'],
  ])('%s', (_what, encoded, problem) => {
    expect(encodedTextProblem(encoded, 'query string')).toBe(problem);
  });
});

describe('parsed bodies', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });

  it('accepts ordinary JSON', () => {
    expect(bodyProblem({ data: { title: 'x', blocks: [{ type: 'paragraph', children: [{ text: 'y' }] }] } })).toBeNull();
    expect(bodyProblem(nested(MAX_BODY_DEPTH - 1))).toBeNull();
  });

  it('refuses a body nested too deep, without overflowing the stack itself', () => {
    expect(bodyProblem(nested(MAX_BODY_DEPTH + 1))).toMatch(/nested more than/);
    let deep: unknown = [];
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(bodyProblem(deep)).toMatch(/nested more than/);
  });

  it('names the string or key that is not valid text', () => {
    expect(bodyProblem({ data: { title: 'a\u0000' } })).toBe('body.data.title contains a NUL character');
    expect(bodyProblem({ data: { '\uD800': 1 } })).toBe('A key in body.data is not valid Unicode (a lone surrogate)');
  });
});
