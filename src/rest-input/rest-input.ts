/**
 * What the REST API of the app's content types accepts beyond Strapi's own validation:
 * Strapi silently clamps or ignores malformed pagination (`pagination[page]=-1`,
 * `pagination[limit]=abc`), drops unknown keys next to `data` and takes a list as `data`.
 * Here each is a 400 naming the problem.
 */

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PAGE_KEYS = ['page', 'pageSize'];
const OFFSET_KEYS = ['start', 'limit'];
const PAGINATION_KEYS = new Set([...PAGE_KEYS, ...OFFSET_KEYS, 'withCount']);
const BOOLEAN_TEXT = new Set(['true', 'false', 't', 'f', '1', '0']);
/** Pages and offsets beyond this are not a real request (and overflow PostgreSQL's integer). */
const MAX_PAGINATION_NUMBER = 2 ** 31 - 1;

const wholeNumber = (value: unknown, min: number, allowMinusOne = false): boolean => {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^-?\d+$/.test(text.trim())) return false;
  const number = Number(text);
  return (number >= min || (allowMinusOne && number === -1)) && number <= MAX_PAGINATION_NUMBER;
};

/** `pagination[...]`: page/pageSize or start/limit, whole numbers, and withCount as a boolean. */
export const paginationProblem = (pagination: unknown): string | null => {
  if (pagination === undefined) return null;
  if (!isPlainObject(pagination)) return 'pagination must be an object such as pagination[page]=2&pagination[pageSize]=10';
  const unknown = Object.keys(pagination).filter((key) => !PAGINATION_KEYS.has(key));
  if (unknown.length > 0) return `Unknown pagination parameter: ${unknown.join(', ')}; use page and pageSize, or start and limit`;
  const { page, pageSize, start, limit, withCount } = pagination;
  if (PAGE_KEYS.some((key) => key in pagination) && OFFSET_KEYS.some((key) => key in pagination)) {
    return 'pagination takes page and pageSize, or start and limit, not both';
  }
  if (page !== undefined && !wholeNumber(page, 1))
    return `pagination[page] must be a whole number from 1 to ${MAX_PAGINATION_NUMBER}`;
  if (pageSize !== undefined && !wholeNumber(pageSize, 1))
    return `pagination[pageSize] must be a whole number from 1 to ${MAX_PAGINATION_NUMBER}`;
  if (start !== undefined && !wholeNumber(start, 0))
    return `pagination[start] must be a whole number from 0 to ${MAX_PAGINATION_NUMBER}`;
  if (limit !== undefined && !wholeNumber(limit, 1, true))
    return `pagination[limit] must be -1 or a whole number from 1 to ${MAX_PAGINATION_NUMBER}`;
  if (withCount !== undefined && !BOOLEAN_TEXT.has(String(withCount)) && typeof withCount !== 'boolean') {
    return 'pagination[withCount] must be true or false';
  }
  return null;
};

/** The query parameters Strapi reads without checking their shape. */
export const restQueryProblem = (query: Record<string, unknown>): string | null => {
  if (query.status !== undefined && typeof query.status !== 'string') return 'status must be "draft" or "published"';
  return paginationProblem(query.pagination);
};

/** Fields the server sets; Strapi ignores `publishedAt` silently (drafts are `?status=draft`). */
const SERVER_FIELDS = ['id', 'documentId', 'createdAt', 'updatedAt', 'publishedAt', 'createdBy', 'updatedBy'];

/** A create or update body: exactly `{ "data": { ...fields } }`, without server-set fields. */
export const writeBodyProblem = (body: unknown): string | null => {
  if (!isPlainObject(body)) return 'The body must be a JSON object such as { "data": { ... } }';
  const unknown = Object.keys(body).filter((key) => key !== 'data');
  if (unknown.length > 0) return `Unknown body field: ${unknown.join(', ')}; the fields go inside "data"`;
  if (body.data === undefined || body.data === null) return null;
  if (!isPlainObject(body.data)) return '"data" must be an object of fields, not a list or a value';
  const serverFields = SERVER_FIELDS.filter((key) => key in (body.data as object));
  if (serverFields.length > 0)
    return `${serverFields.join(', ')} cannot be written: the server sets it (publish with ?status=published)`;
  return null;
};
