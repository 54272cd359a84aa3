import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import { bodyProblem, encodedTextProblem, textProblem } from './http-input';

/** Methods whose body Strapi's body parser reads. */
const PARSED_METHODS = new Set(['POST', 'PUT', 'PATCH']);

const hasBody = (ctx: Context) => Number(ctx.get('content-length') || 0) > 0 || ctx.get('transfer-encoding') !== '';

/**
 * Compressed request bodies are refused (415) before the body parser sees them: a corrupt
 * gzip stream makes the parser throw a bare zlib error, which Strapi answers with a 500.
 * Browsers and `navigator.sendBeacon` never compress what they send. This runs outside
 * Strapi's error middleware (it is mounted first), so it writes its JSON error itself.
 */
export const refuseEncodedBodies = () => async (ctx: Context, next: Next) => {
  const encoding = ctx.get('content-encoding').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity' || !hasBody(ctx)) return next();
  const message = `Request bodies are not accepted with Content-Encoding "${encoding}"; send them uncompressed`;
  ctx.status = 415;
  ctx.set('Accept-Encoding', 'identity');
  ctx.body = { data: null, error: { status: 415, name: 'UnsupportedMediaTypeError', message, details: {} } };
};

const inputProblem = (ctx: Context): string | null => {
  const { body } = ctx.request as { body?: unknown };
  const bodyText = typeof body === 'string' ? textProblem(body) : null;
  return (
    encodedTextProblem(ctx.path, 'path') ??
    (ctx.querystring ? encodedTextProblem(ctx.querystring, 'query string') : null) ??
    (bodyText ? `The body ${bodyText}` : null) ??
    (body !== undefined && typeof body !== 'string' ? bodyProblem(body) : null)
  );
};

/**
 * Runs after the body parser and before the router: refuses what no route can read
 * correctly (a path or query string that is not UTF-8 text, a body of a type the parser
 * left unread, a body nested too deep or holding NUL characters), and answers the
 * router's "method not allowed" and "not implemented" in the API's JSON error format.
 */
export const checkRequestInput = () => async (ctx: Context, next: Next) => {
  const problem = inputProblem(ctx);
  if (problem) throw new errors.ValidationError(problem);

  if (PARSED_METHODS.has(ctx.method) && (ctx.request as { body?: unknown }).body === undefined && hasBody(ctx)) {
    ctx.throw(415, `A body of type "${ctx.get('content-type') || 'unknown'}" cannot be read here; send JSON (application/json)`);
  }

  await next();

  // koa-router answers 405 (known method, other route) and 501 (unknown method) in plain text.
  if ((ctx.status === 405 || ctx.status === 501) && typeof ctx.body !== 'object') {
    const message = `${ctx.method} is not allowed on ${ctx.path}`;
    ctx.status = 405;
    ctx.body = { data: null, error: { status: 405, name: 'MethodNotAllowedError', message, details: {} } };
  }
};
