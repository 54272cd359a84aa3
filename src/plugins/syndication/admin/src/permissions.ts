import { PLUGIN_ID } from './pluginId';

/** The plugin's RBAC actions, as registered by its server part. */
export const PERMISSIONS = {
  read: [{ action: `plugin::${PLUGIN_ID}.read`, subject: null }],
  deliver: [{ action: `plugin::${PLUGIN_ID}.deliver`, subject: null }],
};
