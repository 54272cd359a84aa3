import { errors, validateYupSchema, yup } from '@strapi/utils';
import type { TopQuery } from '../services/reports';
import { EDITABLE_SETTINGS } from '../services/settings';

const TYPE = /^[a-z][a-z0-9-]{0,99}$/;
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_BEACON_BYTES = 2_048;
export const PERIODS = ['24h', '7d', '30d', 'all'] as const;

const typeField = yup.string().matches(TYPE, 'type must be a content type name such as "article"');
const documentIdField = yup.string().matches(DOCUMENT_ID, 'documentId must be 1 to 64 letters, digits, "-" or "_"');

const recordBody = yup
  .object({
    type: typeField.required('type is required'),
    documentId: documentIdField.required('documentId is required'),
  })
  .strict()
  .noUnknown(true, 'unknown field: ${unknown}');

const seriesParams = yup
  .object({
    type: typeField.required(),
    documentId: documentIdField.required(),
    days: yup
      .number()
      .typeError('days must be a number')
      .integer('days must be a whole number')
      .min(1, 'days must be at least 1')
      .max(365, 'days must be at most 365'),
  })
  .noUnknown(true, 'unknown parameter: ${unknown}');

const topQuery = yup
  .object({
    type: typeField,
    period: yup.string().oneOf([...PERIODS], `period must be one of ${PERIODS.join(', ')}`),
    limit: yup
      .number()
      .typeError('limit must be a number')
      .integer('limit must be a whole number')
      .min(1, 'limit must be at least 1')
      .max(100, 'limit must be at most 100'),
  })
  .noUnknown(true, 'unknown parameter: ${unknown}');

const totalsQuery = yup
  .object({
    type: typeField.required('type is required'),
    documentIds: yup
      .string()
      .required('documentIds is required')
      .test('ids', 'documentIds must be at most 100 comma-separated documentIds', (value) => {
        const ids = (value ?? '').split(',');
        return ids.length <= 100 && ids.every((id) => DOCUMENT_ID.test(id));
      }),
  })
  .noUnknown(true, 'unknown parameter: ${unknown}');

const settingsBody = yup
  .object({
    dedupeMinutes: yup.number().integer().min(0).max(7 * 24 * 60).required(),
    excludeBots: yup.boolean().required(),
    rateLimit: yup.number().integer().min(0).max(1_000_000).required(),
  })
  .strict()
  .noUnknown(true, `unknown field: \${unknown}; settings are ${EDITABLE_SETTINGS.join(', ')}`);

/**
 * `navigator.sendBeacon` posts a string as text/plain (no CORS preflight), so the body
 * arrives either parsed (application/json) or as text to parse here.
 */
const beaconPayload = (body: unknown): unknown => {
  if (typeof body !== 'string') return body;
  if (Buffer.byteLength(body) > MAX_BEACON_BYTES) {
    throw new errors.PayloadTooLargeError(`A view is at most ${MAX_BEACON_BYTES} bytes`);
  }
  try {
    return JSON.parse(body);
  } catch {
    throw new errors.ValidationError('Body must be JSON such as {"type":"article","documentId":"..."}');
  }
};

const asObject = (value: unknown, what: string) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new errors.ValidationError(`${what} must be a JSON object`);
  }
  return value;
};

/**
 * Route and query parameters arrive as strings, so yup may convert "30" to 30; in that
 * mode it drops unknown keys instead of refusing them, so they are refused here first.
 */
const validateQuery =
  <T>(schema: yup.AnyObjectSchema) =>
  async (input: unknown): Promise<T> => {
    const unknown = Object.keys(asObject(input ?? {}, 'Query')).filter((key) => !(key in schema.fields));
    if (unknown.length > 0) {
      throw new errors.ValidationError(`unknown parameter: ${unknown.join(', ')}`);
    }
    // `?days[0]=1&days[1]=2` parses to a list, which yup would quietly cast.
    const lists = Object.entries(input as object).filter(([, value]) => value !== undefined && typeof value !== 'string');
    if (lists.length > 0) {
      throw new errors.ValidationError(`${lists.map(([key]) => key).join(', ')} must be a single value`);
    }
    return validateYupSchema(schema, { strict: false })(input) as Promise<T>;
  };

export const validateRecordBody = async (body: unknown) =>
  validateYupSchema(recordBody)(asObject(beaconPayload(body), 'Body')) as Promise<yup.InferType<typeof recordBody>>;

export const validateSeriesParams = validateQuery<yup.InferType<typeof seriesParams>>(seriesParams);
export const validateTopQuery = validateQuery<TopQuery>(topQuery);
export const validateTotalsQuery = validateQuery<yup.InferType<typeof totalsQuery>>(totalsQuery);

export const validateSettingsBody = async (body: unknown) =>
  validateYupSchema(settingsBody)(asObject(body, 'Settings')) as Promise<yup.InferType<typeof settingsBody>>;
