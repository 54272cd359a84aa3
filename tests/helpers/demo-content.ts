import type { Core } from '@strapi/strapi';
import { ARTICLE, MEETING, OFFICIAL, ORGANIZATION, STATEMENT, type AppUid } from './content-types';

/** How many documents of each type the seed article gives. */
export const DEMO_COUNTS: ReadonlyArray<{ uid: AppUid; key: string; path: string; count: number }> = [
  { uid: ORGANIZATION, key: 'organizations', path: 'organizations', count: 6 },
  { uid: OFFICIAL, key: 'officials', path: 'officials', count: 5 },
  { uid: MEETING, key: 'meetings', path: 'meetings', count: 5 },
  { uid: STATEMENT, key: 'statements', path: 'statements', count: 2 },
  { uid: ARTICLE, key: 'articles', path: 'articles', count: 1 },
];

/** Distinct documents of a type (a published draft & publish document is two rows). */
export const countDocuments = async (strapi: Core.Strapi, uid: AppUid): Promise<number> => {
  const rows = (await strapi.db.query(uid).findMany({ select: ['documentId'] })) as Array<{ documentId: string }>;
  return new Set(rows.map((row) => row.documentId)).size;
};
