import type { Core, Schema, UID } from '@strapi/strapi';
import type { ViewCounterConfig } from '../config';
import { PLUGIN_ID } from '../utils/get-service';

export interface TrackedType {
  uid: UID.ContentType;
  /** The name used in routes: the content type's singular name, e.g. "article". */
  name: string;
  titleField: string;
  slugField: string | null;
}

/** A published document stays "published" in this process's cache for this long. */
const PUBLISHED_CACHE_MS = 5_000;
const PUBLISHED_CACHE_MAX = 20_000;

const titleFieldOf = (contentType: Schema.ContentType): string => {
  const slug = contentType.attributes.slug as { type?: string; targetField?: string } | undefined;
  if (slug?.type === 'uid' && slug.targetField) return slug.targetField;
  if (contentType.attributes.title) return 'title';
  const firstString = Object.entries(contentType.attributes).find(([, attribute]) => attribute.type === 'string');
  return firstString?.[0] ?? 'documentId';
};

/** The content types the config enables, by route name, and whether a document is public. */
export const createTrackedTypesService = ({ strapi }: { strapi: Core.Strapi }) => {
  let byName: Map<string, TrackedType> | null = null;
  const published = new Map<string, { value: boolean; until: number }>();

  const all = (): Map<string, TrackedType> => {
    if (byName) return byName;
    const { contentTypes } = strapi.config.get(`plugin::${PLUGIN_ID}`) as ViewCounterConfig;
    byName = new Map(
      contentTypes.map((uid) => {
        const contentType = strapi.contentTypes[uid as UID.ContentType];
        if (!contentType) throw new Error(`[view-counter] contentTypes lists "${uid}", which is not a content type`);
        const tracked: TrackedType = {
          uid: uid as UID.ContentType,
          name: contentType.info.singularName,
          titleField: titleFieldOf(contentType),
          slugField: contentType.attributes.slug ? 'slug' : null,
        };
        return [tracked.name, tracked];
      }),
    );
    return byName;
  };

  const byUid = (uid: string) => [...all().values()].find((tracked) => tracked.uid === uid);

  /** True when the document exists and has a published version (cached briefly). */
  const isPublished = async (tracked: TrackedType, documentId: string, now = Date.now()) => {
    const key = `${tracked.uid}:${documentId}`;
    const hit = published.get(key);
    if (hit && hit.until > now) return hit.value;
    const row = await strapi.db.query(tracked.uid).findOne({
      select: ['id'],
      where: { documentId, publishedAt: { $notNull: true } },
    });
    if (published.size >= PUBLISHED_CACHE_MAX) published.clear();
    published.set(key, { value: row !== null, until: now + PUBLISHED_CACHE_MS });
    return row !== null;
  };

  const forget = (uid: string, documentId: string) => published.delete(`${uid}:${documentId}`);

  return { all, byName: (name: string) => all().get(name), byUid, isPublished, forget };
};

export type TrackedTypesService = ReturnType<typeof createTrackedTypesService>;
