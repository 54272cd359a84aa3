import type { Core, UID } from '@strapi/strapi';
import { viewsInResponses } from './middlewares/views-in-responses';
import { getService, PLUGIN_ID } from './utils/get-service';

export const ACTIONS = [
  { section: 'plugins', displayName: 'Read view counts', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Reset a view count', uid: 'reset', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Change settings', uid: 'settings', pluginName: PLUGIN_ID },
];

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);

  strapi.server.use(viewsInResponses({}, { strapi }));

  // A deleted document's counts go with it.
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (context.action === 'delete') {
      const { documentId } = context.params as { documentId?: string };
      const tracked = getService(strapi, 'trackedTypes').byUid(context.uid as UID.ContentType);
      if (tracked && documentId) {
        await getService(strapi, 'viewStore').forget(tracked.uid, documentId);
        getService(strapi, 'trackedTypes').forget(tracked.uid, documentId);
      }
    }
    return result;
  });
};

export default register;
