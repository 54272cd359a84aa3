import { useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { Catalog, CatalogResponse } from '../api';
import { PLUGIN_ID } from '../pluginId';

/** The events and content types a subscriber can ask for; `null` until loaded or if it failed. */
export const useCatalog = () => {
  const { get } = useFetchClient();
  const [catalog, setCatalog] = useState<Catalog | null>(null);

  useEffect(() => {
    let active = true;
    get<CatalogResponse>(`/${PLUGIN_ID}/catalog`)
      .then(({ data }) => active && setCatalog(data.data))
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [get]);

  return catalog;
};
