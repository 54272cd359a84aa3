import { useEffect, useState } from 'react';
import { getFetchClient } from '@strapi/strapi/admin';
import type { ContentTypeSummary, ContentTypesResponse } from '../api';

/**
 * The content types of the app, to show an event's type by its display name and link its document
 * to the Content Manager. Keyed by UID (what deliveries carry) and by singular name (what the
 * catalog and subscribers' `contentTypes` use). Loaded once per admin session; until it is (or if
 * it fails) documents show their raw type, unlinked.
 */
let cached: Promise<Map<string, ContentTypeSummary>> | null = null;

const byUidAndName = (types: ContentTypeSummary[]) =>
  new Map(
    types
      .filter((type) => type.uid.startsWith('api::'))
      .flatMap((type): Array<[string, ContentTypeSummary]> => [
        [type.uid, type],
        [type.info.singularName, type],
      ]),
  );

export const useContentTypeLinks = () => {
  const [types, setTypes] = useState<ReadonlyMap<string, ContentTypeSummary>>(new Map());

  useEffect(() => {
    let active = true;
    // Not the hook's client: it aborts on unmount, and this request is shared by every caller.
    cached ??= getFetchClient()
      .get<ContentTypesResponse>('/content-manager/content-types')
      .then(({ data }) => byUidAndName(data.data));
    cached
      .then((loaded) => active && setTypes(loaded))
      .catch(() => {
        cached = null;
      });
    return () => {
      active = false;
    };
  }, []);

  return types;
};

/** The Content Manager edit view of an event's document, if its content type is known. */
export const documentEditPath = (type: ContentTypeSummary | undefined, documentId: string | null) => {
  if (!type || !documentId) return null;
  return type.kind === 'singleType'
    ? `/content-manager/single-types/${type.uid}`
    : `/content-manager/collection-types/${type.uid}/${documentId}`;
};
