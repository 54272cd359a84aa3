import { useEffect, useSyncExternalStore } from 'react';
import { getFetchClient } from '@strapi/strapi/admin';
import { MAX_TOTALS_IDS, type TotalsResponse } from './api';
import { PLUGIN_ID } from './pluginId';

/**
 * All-time totals for the Content Manager list view. Every "Views" cell asks for its own
 * document; the requests made during one render are collected and sent as one `/totals`
 * request per content type (and per 100 documents), so a page of 50 entries costs one request.
 * A cell re-asks when it mounts, so revisiting the list refreshes the numbers while showing
 * the last known ones.
 */

/** `undefined`: not loaded yet; `null`: the request failed. */
type Total = number | null | undefined;

const totals = new Map<string, number | null>();
const listeners = new Set<() => void>();
const queued = new Map<string, Set<string>>();
let flushScheduled = false;

const keyOf = (type: string, documentId: string) => `${type}:${documentId}`;

const notify = () => listeners.forEach((listener) => listener());

const fetchTotals = async (type: string, documentIds: string[]) => {
  try {
    const { data } = await getFetchClient().get<TotalsResponse>(`/${PLUGIN_ID}/totals`, {
      params: { type, documentIds: documentIds.join(',') },
    });
    documentIds.forEach((documentId) => totals.set(keyOf(type, documentId), data.data[documentId] ?? 0));
  } catch {
    // Keep a number shown from an earlier load; otherwise the cell shows a dash.
    documentIds.forEach((documentId) => {
      const key = keyOf(type, documentId);
      if (typeof totals.get(key) !== 'number') totals.set(key, null);
    });
  }
  notify();
};

const flush = () => {
  flushScheduled = false;
  const batches = [...queued.entries()];
  queued.clear();
  for (const [type, ids] of batches) {
    const documentIds = [...ids];
    for (let start = 0; start < documentIds.length; start += MAX_TOTALS_IDS) {
      void fetchTotals(type, documentIds.slice(start, start + MAX_TOTALS_IDS));
    }
  }
};

const requestTotal = (type: string, documentId: string) => {
  const ids = queued.get(type) ?? new Set<string>();
  ids.add(documentId);
  queued.set(type, ids);
  if (!flushScheduled) {
    flushScheduled = true;
    // Cells mount in the same commit; their effects all run before this timer fires.
    setTimeout(flush, 0);
  }
};

/** Overrides a cached total, e.g. after an editor reset the count. */
export const setViewTotal = (type: string, documentId: string, total: number) => {
  totals.set(keyOf(type, documentId), total);
  notify();
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The all-time total of one document, loaded in a batch with the other cells on screen. */
export const useViewTotal = (type: string | undefined, documentId: string | undefined): Total => {
  useEffect(() => {
    if (type && documentId) requestTotal(type, documentId);
  }, [type, documentId]);
  return useSyncExternalStore(subscribe, () =>
    type && documentId ? totals.get(keyOf(type, documentId)) : undefined,
  );
};
