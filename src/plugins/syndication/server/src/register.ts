import type { Core } from '@strapi/strapi';
import { getService, PLUGIN_ID } from './utils/get-service';

export const ACTIONS = [
  { section: 'plugins', displayName: 'Read the delivery log', uid: 'read', pluginName: PLUGIN_ID },
  { section: 'plugins', displayName: 'Redeliver and send test events', uid: 'deliver', pluginName: PLUGIN_ID },
];

const register = async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS);
  strapi.documents.use(getService(strapi, 'subscribers').middleware);
  strapi.documents.use(getService(strapi, 'eventCapture').middleware);
};

export default register;
