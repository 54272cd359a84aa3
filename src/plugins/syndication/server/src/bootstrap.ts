import type { Core } from '@strapi/strapi';
import { DAY_MS, parseSchedule, type SyndicationConfig } from './config';
import { getService, PLUGIN_ID } from './utils/get-service';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as SyndicationConfig;
  getService(strapi, 'eventCapture').trackedTypes(); // fails fast on a misconfigured content type
  const retryWindow = parseSchedule(config.retrySchedule).reduce((sum, delay) => sum + delay, 0);
  if (retryWindow < DAY_MS) {
    strapi.log.warn(`[syndication] the retry schedule spans ${Math.round(retryWindow / 60_000)} minutes: partners down for longer will miss events`);
  }
  await getService(strapi, 'outboxStore').ensureTables();
  getService(strapi, 'deliveryWorker').start();
};

export default bootstrap;
