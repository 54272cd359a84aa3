import { useCallback, useEffect, useRef, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { DeliveriesResponse } from '../api';
import { PLUGIN_ID } from '../pluginId';

/** How often the log reloads while some delivery is still pending. */
export const POLL_MS = 5000;

type LogState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; log: DeliveriesResponse; loadedAt: number };

/**
 * One page of a subscriber's deliveries with its status counts. While any delivery is pending
 * it reloads every POLL_MS (skipping hidden tabs) until none is, and stops on unmount. A failed
 * reload keeps the page shown and is tried again at the next tick.
 */
export const useDeliveryLog = (documentId: string, page: number, pageSize: number) => {
  const { get } = useFetchClient();
  const [state, setState] = useState<LogState>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [isRefreshing, setIsRefreshing] = useState(false);
  const hasPending = useRef(false);

  useEffect(() => {
    hasPending.current = false;
    setState({ status: 'loading' });
  }, [documentId, page, pageSize]);

  useEffect(() => {
    let active = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      timer = setTimeout(() => setVersion((current) => current + 1), POLL_MS);
    };

    if (hasPending.current && document.hidden) {
      poll();
    } else {
      setIsRefreshing(true);
      get<DeliveriesResponse>(`/${PLUGIN_ID}/subscribers/${encodeURIComponent(documentId)}/deliveries`, {
        params: { page, pageSize },
      })
        .then(({ data }) => {
          if (!active) return;
          setState({ status: 'ready', log: data, loadedAt: Date.now() });
          hasPending.current = (data.meta.counts.pending ?? 0) > 0;
          if (hasPending.current) poll();
        })
        .catch((error: unknown) => {
          if (!active) return;
          setState((current) => (current.status === 'ready' ? current : { status: 'error', error }));
          if (hasPending.current) poll();
        })
        .finally(() => active && setIsRefreshing(false));
    }

    return () => {
      active = false;
      clearTimeout(timer);
    };
  }, [get, documentId, page, pageSize, version]);

  const reload = useCallback(() => setVersion((current) => current + 1), []);
  return { state, reload, isRefreshing };
};
