import type { Response } from 'supertest';

interface ErrorDetail {
  path?: Array<string | number> | null;
}

/**
 * Asserts a 400 ValidationError that names `field` (e.g. "country" or "sources.0.url"),
 * either in its message or in one of details.errors[].path. Fails with the body shown.
 */
export const expectValidationError = (response: Response, field: string) => {
  const error = response.body?.error ?? {};
  const paths = ((error.details?.errors ?? []) as ErrorDetail[]).map((detail) => (detail.path ?? []).join('.'));
  const named = paths.includes(field) || (typeof error.message === 'string' && error.message.includes(field));
  expect({ status: response.status, name: error.name, namesField: named, body: response.body }).toEqual({
    status: 400,
    name: 'ValidationError',
    namesField: true,
    body: response.body,
  });
};

/** Asserts a 2xx and returns the response's `data`. */
export const dataOf = <T = Record<string, any>>(response: Response): T => {
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`Expected a 2xx, got ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body.data as T;
};
