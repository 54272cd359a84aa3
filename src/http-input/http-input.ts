/** Checks of a request's raw input (path, query string, parsed body) before any route reads it. */

/** Deeper JSON bodies are refused: Strapi's validators recurse and would overflow the stack. */
export const MAX_BODY_DEPTH = 64;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

/** Text a database can store: no NUL character, no lone UTF-16 surrogate (invalid Unicode). */
export const textProblem = (text: string): string | null => {
  if (text.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode (a lone surrogate)';
  return null;
};

/**
 * The first problem in a parsed JSON or form body: too deep, or a key or string value
 * that is not valid text. Iterative, so a hostile depth cannot overflow this check itself.
 */
export const bodyProblem = (body: unknown): string | null => {
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: 'body', depth: 0 }];
  while (pending.length > 0) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) return `${path} ${problem}`;
      continue;
    }
    if (!isContainer(value)) continue;
    if (depth >= MAX_BODY_DEPTH) return `The body is nested more than ${MAX_BODY_DEPTH} levels deep`;
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) return `A key in ${path} ${problem}`;
      pending.push({ value: item, path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
};

/**
 * A percent-encoded path or query string: every escape must decode to UTF-8 text without
 * NUL. Query parsers fall back to the raw text on a bad escape, so "%ED%A0%80" (a lone
 * surrogate) would otherwise reach the database as a literal search string.
 */
export const encodedTextProblem = (encoded: string, what: string): string | null => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded.replace(/\+/g, ' '));
  } catch {
    return `The ${what} is not valid percent-encoded UTF-8`;
  }
  const problem = textProblem(decoded);
  return problem ? `The ${what} ${problem}` : null;
};
