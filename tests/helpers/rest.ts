import type { TestApp } from './app';

type Headers = Record<string, string>;

/**
 * The public REST API (/api) as a frontend calls it: anonymously, or with an API token's
 * Authorization header. Each call returns the supertest response.
 */
export const restApi = (app: TestApp, auth: Headers = {}) => ({
  /** GET /api + `pathAndQuery`, e.g. "/articles?filters[slug][$eq]=x". */
  get: (pathAndQuery: string) => app.http().get(`/api${pathAndQuery}`).set(auth),
  create: (path: string, data: unknown, query = '') => app.http().post(`/api/${path}${query}`).set(auth).send({ data }),
  update: (path: string, documentId: string, data: unknown) =>
    app.http().put(`/api/${path}/${documentId}`).set(auth).send({ data }),
  remove: (path: string, documentId: string) => app.http().delete(`/api/${path}/${documentId}`).set(auth),
});

export type RestApi = ReturnType<typeof restApi>;
