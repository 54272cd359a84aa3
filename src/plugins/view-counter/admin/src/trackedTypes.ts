import { useSyncExternalStore } from 'react';
import type { TrackedType } from './api';

/**
 * The content types whose views are counted, by UID. Loaded once per admin session by the
 * plugin's Initializer (before the admin renders), because the Content Manager's list-view
 * column hook is synchronous and must know them the moment it runs.
 */
let trackedByUid = new Map<string, TrackedType>();
const listeners = new Set<() => void>();

export const setTrackedTypes = (types: TrackedType[]) => {
  trackedByUid = new Map(types.map((type) => [type.uid, type]));
  listeners.forEach((listener) => listener());
};

export const getTrackedType = (uid: string | undefined): TrackedType | undefined =>
  uid === undefined ? undefined : trackedByUid.get(uid);

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

const snapshot = () => trackedByUid;

export const useTrackedTypes = (): ReadonlyMap<string, TrackedType> => useSyncExternalStore(subscribe, snapshot);
