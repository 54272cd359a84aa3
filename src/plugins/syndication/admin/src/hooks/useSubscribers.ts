import { useCallback, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import {
  SUBSCRIBER_UID,
  type DeliveriesResponse,
  type StatusCounts,
  type Subscriber,
  type SubscriberListResponse,
} from '../api';
import { PLUGIN_ID } from '../pluginId';

type SubscribersState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; list: SubscriberListResponse };

/** One page of subscribers, by name, from the Content Manager (where admins create and edit them). */
export const useSubscribers = (page: number, pageSize: number) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<SubscribersState>({ status: 'loading' });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let active = true;
    get<SubscriberListResponse>(`/content-manager/collection-types/${SUBSCRIBER_UID}`, {
      params: { page, pageSize, sort: 'name:ASC' },
    })
      .then(({ data }) => active && setState({ status: 'ready', list: data }))
      .catch((error: unknown) => active && setState({ status: 'error', error }));
    return () => {
      active = false;
    };
  }, [get, page, pageSize, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { state, reload, version };
};

/** `undefined`: loading; `null`: could not be loaded. */
export type CountsByDocumentId = ReadonlyMap<string, StatusCounts | null>;

/**
 * Delivery counts by status for each listed subscriber. The plugin has no bulk route for them,
 * so each comes from the first entry of its log (`pageSize=1`, whose meta carries the counts).
 */
export const useSubscriberCounts = (subscribers: Subscriber[] | undefined, version: number) => {
  const { get } = useFetchClient();
  const [counts, setCounts] = useState<CountsByDocumentId>(new Map());
  const ids = (subscribers ?? []).map((subscriber) => subscriber.documentId).join(',');

  useEffect(() => {
    if (!ids) return undefined;
    let active = true;
    Promise.all(
      ids.split(',').map((documentId) =>
        get<DeliveriesResponse>(`/${PLUGIN_ID}/subscribers/${encodeURIComponent(documentId)}/deliveries`, {
          params: { page: 1, pageSize: 1 },
        })
          .then(({ data }): [string, StatusCounts | null] => [documentId, data.meta.counts])
          .catch((): [string, StatusCounts | null] => [documentId, null]),
      ),
    ).then((entries) => active && setCounts(new Map(entries)));
    return () => {
      active = false;
    };
  }, [get, ids, version]);

  return counts;
};
