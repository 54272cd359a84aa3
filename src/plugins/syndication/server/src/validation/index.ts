import { errors, validateYupSchema, yup } from '@strapi/utils';

const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** Route and query parameters are strings; unknown ones are refused, not dropped. */
const validateParams =
  <T>(schema: yup.AnyObjectSchema) =>
  async (input: unknown): Promise<T> => {
    const unknown = Object.keys((input ?? {}) as object).filter((key) => !(key in schema.fields));
    if (unknown.length > 0) throw new errors.ValidationError(`unknown parameter: ${unknown.join(', ')}`);
    return validateYupSchema(schema, { strict: false })(input) as Promise<T>;
  };

const page = yup.number().typeError('page must be a number').integer('page must be a whole number').min(1, 'page must be at least 1');
const pageSize = yup
  .number()
  .typeError('pageSize must be a number')
  .integer('pageSize must be a whole number')
  .min(1, 'pageSize must be at least 1')
  .max(100, 'pageSize must be at most 100');

export const validateDeliveriesQuery = validateParams<{ documentId: string; page?: number; pageSize?: number }>(
  yup.object({
    documentId: yup.string().matches(DOCUMENT_ID, 'documentId must be a documentId').required(),
    page,
    pageSize,
  }),
);

export const validateSubscriberParams = validateParams<{ documentId: string }>(
  yup.object({ documentId: yup.string().matches(DOCUMENT_ID, 'documentId must be a documentId').required() }),
);

export const validateDeliveryParams = validateParams<{ id: number }>(
  yup.object({
    id: yup.number().typeError('id must be a number').integer('id must be a whole number').min(1, 'id must be positive').required(),
  }),
);

/** Feeds take no query parameters at all. */
export const validateFeedQuery = validateParams<Record<string, never>>(yup.object({}));
