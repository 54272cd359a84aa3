import type { Core } from '@strapi/strapi';
import { getService, PLUGIN_ID } from './utils/get-service';

/** Read routes the Public role may call; recording needs no permission (auth: false). */
const PUBLIC_ACTIONS = [`plugin::${PLUGIN_ID}.series.findOne`, `plugin::${PLUGIN_ID}.top.find`];
const PRUNE_RULE = '17 * * * *';

const grantPublic = async (strapi: Core.Strapi) => {
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, select: ['id'] })) as { id: number } | null;
  if (!role) return;
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissions.findMany({
    where: { role: role.id, action: { $in: PUBLIC_ACTIONS } },
    select: ['action'],
  })) as Array<{ action: string }>;
  for (const action of PUBLIC_ACTIONS.filter((name) => !existing.some((row) => row.action === name))) {
    await permissions.create({ data: { action, role: role.id } });
  }
};

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  getService(strapi, 'trackedTypes').all(); // fails fast on a misconfigured content type
  await getService(strapi, 'viewStore').ensureTables();
  await getService(strapi, 'settings').load();
  if (strapi.plugin('users-permissions')) await grantPublic(strapi);

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
