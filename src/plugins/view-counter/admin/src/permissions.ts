import { PLUGIN_ID } from './pluginId';

/** The plugin's RBAC actions, as registered by its server part. */
export const PERMISSIONS = {
  read: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
  reset: [{ action: `plugin::${PLUGIN_ID}.reset`, subject: null }],
  settings: [{ action: `plugin::${PLUGIN_ID}.settings`, subject: null }],
};
