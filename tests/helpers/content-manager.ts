import type { AdminSession } from './admin';
import type { TestApp } from './app';

type Data = Record<string, unknown>;

/**
 * The admin Content Manager API as the admin panel uses it, authenticated as one admin.
 * Each call returns the supertest response so a test can assert on status and body.
 */
export const contentManager = (app: TestApp, admin: AdminSession) => {
  const base = (uid: string) => `/content-manager/collection-types/${uid}`;
  return {
    /** "Save": a draft for draft & publish types, the document itself otherwise. */
    create: (uid: string, data: Data) => app.http().post(base(uid)).set(admin.auth).send(data),
    /** "Publish" on a new document: create and publish in one step. */
    createPublished: (uid: string, data: Data) => app.http().post(`${base(uid)}/actions/publish`).set(admin.auth).send(data),
    update: (uid: string, documentId: string, data: Data) =>
      app.http().put(`${base(uid)}/${documentId}`).set(admin.auth).send(data),
    publish: (uid: string, documentId: string, data: Data = {}) =>
      app.http().post(`${base(uid)}/${documentId}/actions/publish`).set(admin.auth).send(data),
    unpublish: (uid: string, documentId: string) =>
      app.http().post(`${base(uid)}/${documentId}/actions/unpublish`).set(admin.auth).send({}),
    remove: (uid: string, documentId: string) => app.http().delete(`${base(uid)}/${documentId}`).set(admin.auth),
    get: (uid: string, documentId: string) => app.http().get(`${base(uid)}/${documentId}`).set(admin.auth),
  };
};

export type ContentManager = ReturnType<typeof contentManager>;
