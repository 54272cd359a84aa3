import { useEffect, useRef } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { ContentTypesResponse, TrackedType } from '../api';
import { PLUGIN_ID } from '../pluginId';
import { setTrackedTypes } from '../trackedTypes';

/** A hung request must not keep the whole admin on its loading screen. */
const LOAD_TIMEOUT_MS = 10_000;

interface InitializerProps {
  setPlugin: (id: string) => void;
}

/**
 * Rendered by the admin inside its authenticated layout before any page; the admin waits for
 * `setPlugin` because the plugin registers with `isReady: false` (the pattern the i18n plugin
 * uses for its locales). Users without the read permission track nothing, so they see no counts.
 */
const Initializer = ({ setPlugin }: InitializerProps) => {
  const { get } = useFetchClient();
  const setPluginRef = useRef(setPlugin);

  useEffect(() => {
    let active = true;
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), LOAD_TIMEOUT_MS);
    // Not gated on useRBAC: in Strapi 5.54 it can answer "not allowed" for good when it runs
    // before the user's permissions have loaded. The route checks the read permission itself;
    // a user without it gets a 403 and tracks nothing.
    get<ContentTypesResponse>(`/${PLUGIN_ID}/content-types`, { signal: controller.signal })
      .then(({ data }) => data.data)
      .catch((): TrackedType[] => [])
      .then((types) => {
        clearTimeout(timeout);
        if (!active) return;
        setTrackedTypes(types);
        setPluginRef.current(PLUGIN_ID);
      });
    return () => {
      active = false;
      clearTimeout(timeout);
      controller.abort();
    };
  }, [get]);

  return null;
};

export { Initializer };
