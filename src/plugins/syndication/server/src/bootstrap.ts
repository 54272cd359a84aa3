import type { Core } from '@strapi/strapi';
import { DAY_MS, parseSchedule, type SyndicationConfig } from './config';
import { getService, PLUGIN_ID } from './utils/get-service';

/** Feeds are public; everything else here is for admins. */
const PUBLIC_ACTIONS = [`plugin::${PLUGIN_ID}.feeds.find`];

const grantPublic = async (strapi: Core.Strapi) => {
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, select: ['id'] })) as { id: number } | null;
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissions.findMany({ where: { role: role.id, action: { $in: PUBLIC_ACTIONS } }, select: ['action'] })) as Array<{
    action: string;
  }>;
  for (const action of PUBLIC_ACTIONS.filter((name) => !existing.some((row) => row.action === name))) {
    await permissions.create({ data: { action, role: role.id } });
  }
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  const config = strapi.config.get(`plugin::${PLUGIN_ID}`) as SyndicationConfig;
  getService(strapi, 'eventCapture').trackedTypes(); // fails fast on a misconfigured content type
  const retryWindow = parseSchedule(config.retrySchedule).reduce((sum, delay) => sum + delay, 0);
  if (retryWindow < DAY_MS) {
    strapi.log.warn(`[syndication] the retry schedule spans ${Math.round(retryWindow / 60_000)} minutes: partners down for longer will miss events`);
  }
  await getService(strapi, 'outboxStore').ensureTables();
  if (strapi.plugin('users-permissions')) await grantPublic(strapi);
  getService(strapi, 'deliveryWorker').start();
};

export default bootstrap;
