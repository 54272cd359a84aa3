import type { Core } from '@strapi/strapi';
import type { ViewCounterConfig } from '../config';
import { PLUGIN_ID } from '../utils/get-service';

/** What an admin may change on the settings page; the rest comes only from config. */
export const EDITABLE_SETTINGS = ['dedupeMinutes', 'excludeBots', 'rateLimit'] as const;
export type EditableSettings = Pick<ViewCounterConfig, (typeof EDITABLE_SETTINGS)[number]>;

/** Other processes pick up a change saved in admin within this time. */
const REFRESH_MS = 5_000;

/**
 * Effective settings: the plugin store (saved from the admin settings page) over the
 * defaults from config/plugins.ts. Read synchronously on the hot path from a copy that is
 * refreshed in the background.
 */
export const createSettingsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const store = () => strapi.store({ type: 'plugin', name: PLUGIN_ID, key: 'settings' });
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as ViewCounterConfig;

  let overrides: Partial<EditableSettings> = {};
  let loadedAt = 0;
  let loading: Promise<void> | null = null;

  const pickEditable = (value: unknown): Partial<EditableSettings> => {
    if (!value || typeof value !== 'object') return {};
    const source = value as Record<string, unknown>;
    return Object.fromEntries(EDITABLE_SETTINGS.filter((key) => key in source).map((key) => [key, source[key]]));
  };

  const load = async () => {
    overrides = pickEditable(await store().get({}));
    loadedAt = Date.now();
  };

  const refreshInBackground = () => {
    if (loading || Date.now() - loadedAt < REFRESH_MS) return;
    loading = load()
      .catch((error: Error) => {
        strapi.log.warn(`[view-counter] could not reload settings: ${error.message}`);
      })
      .finally(() => {
        loading = null;
      });
  };

  const current = (): ViewCounterConfig => {
    refreshInBackground();
    return { ...config(), ...overrides };
  };

  const defaults = (): EditableSettings => {
    const { dedupeMinutes, excludeBots, rateLimit } = config();
    return { dedupeMinutes, excludeBots, rateLimit };
  };

  const editable = (): EditableSettings => {
    const { dedupeMinutes, excludeBots, rateLimit } = current();
    return { dedupeMinutes, excludeBots, rateLimit };
  };

  /** Saves an admin's settings (already validated); an empty object restores the config defaults. */
  const update = async (settings: Partial<EditableSettings>) => {
    await store().set({ value: pickEditable(settings) });
    await load();
    return editable();
  };

  return { load, current, editable, defaults, update };
};

export type SettingsService = ReturnType<typeof createSettingsService>;
