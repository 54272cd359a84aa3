import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Strapi calls this on SIGTERM/SIGINT before closing the HTTP server and the database. */
const destroy = async ({ strapi }: { strapi: Core.Strapi }) => {
  await getService(strapi, 'recorder').stop();
};

export default destroy;
