import type { Core } from '@strapi/strapi';
import { getService } from './utils/get-service';

/** Hourly, off the hour. */
const PRUNE_RULE = '17 * * * *';

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'trackedTypes').all(); // fails fast on a misconfigured content type
  await getService(strapi, 'viewStore').ensureTables();
  await getService(strapi, 'settings').load();

  strapi.cron.add({
    viewCounterPrune: {
      task: async () => {
        const { dedupeMinutes, retentionDays } = getService(strapi, 'settings').current();
        await getService(strapi, 'viewStore').prune(dedupeMinutes * 60_000, retentionDays);
      },
      options: { rule: PRUNE_RULE },
    },
  });
  getService(strapi, 'recorder').start();
};

export default bootstrap;
