export const PLUGIN_ID = 'syndication';
