export const PLUGIN_ID = 'view-counter';
