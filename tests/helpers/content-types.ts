import type { Core, UID } from '@strapi/strapi';

export const ARTICLE = 'api::article.article';
export const ORGANIZATION = 'api::organization.organization';
export const OFFICIAL = 'api::official.official';
export const STATEMENT = 'api::statement.statement';
export const MEETING = 'api::meeting.meeting';

export type AppUid = typeof ARTICLE | typeof ORGANIZATION | typeof OFFICIAL | typeof STATEMENT | typeof MEETING;

export interface ContentTypeInfo {
  uid: AppUid;
  /** REST collection path under /api. */
  path: string;
  /** The field the slug is derived from. */
  titleField: 'title' | 'name' | 'fullName';
  draftAndPublish: boolean;
}

export const CONTENT_TYPES: readonly ContentTypeInfo[] = [
  { uid: ARTICLE, path: 'articles', titleField: 'title', draftAndPublish: true },
  { uid: ORGANIZATION, path: 'organizations', titleField: 'name', draftAndPublish: false },
  { uid: OFFICIAL, path: 'officials', titleField: 'fullName', draftAndPublish: false },
  { uid: STATEMENT, path: 'statements', titleField: 'title', draftAndPublish: true },
  { uid: MEETING, path: 'meetings', titleField: 'title', draftAndPublish: true },
];

export const DRAFT_AND_PUBLISH_TYPES = CONTENT_TYPES.filter((type) => type.draftAndPublish);

/** Every stored row of a type (drafts and published versions alike): proves a write happened or not. */
export const countRows = (strapi: Core.Strapi, uid: UID.ContentType): Promise<number> => strapi.db.query(uid).count();

/** The smallest valid data for a document of each type, with a distinguishing title. */
export const minimalData = (type: ContentTypeInfo, title: string): Record<string, unknown> =>
  type.uid === MEETING ? { title, date: '2022-03-14' } : { [type.titleField]: title };
