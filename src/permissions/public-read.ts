import type { Core } from '@strapi/strapi';

/** The content types anyone may read (published versions only). */
export const PUBLIC_CONTENT_TYPES = [
  'api::article.article',
  'api::organization.organization',
  'api::official.official',
  'api::statement.statement',
  'api::meeting.meeting',
] as const;

const READ_ACTIONS = ['find', 'findOne'] as const;

/** Public reads the plugins offer: view reports and feeds (recording a view needs no permission). */
const PLUGIN_READ_ACTIONS: Record<string, string[]> = {
  'view-counter': ['plugin::view-counter.series.findOne', 'plugin::view-counter.top.find'],
  syndication: ['plugin::syndication.feeds.find'],
};

/**
 * Lets the users-permissions Public role read the public content and reports, so a fresh install
 * serves its API without anyone clicking through Settings. Grants only what is missing,
 * never writes, and never removes what an administrator added.
 */
export const grantPublicRead = async (strapi: Core.Strapi, actions: readonly string[]) => {
  const role = (await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' }, select: ['id'] })) as { id: number } | null;
  if (!role) throw new Error('The users-permissions Public role is missing');

  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const existing = (await permissions.findMany({
    where: { role: role.id, action: { $in: [...actions] } },
    select: ['action'],
  })) as Array<{ action: string }>;
  const granted = new Set(existing.map((permission) => permission.action));
  const missing = actions.filter((action) => !granted.has(action));
  for (const action of missing) {
    await permissions.create({ data: { action, role: role.id } });
  }
  return missing;
};

/** What the Public role may do: read the content types, and the plugins' public reads when they are enabled. */
export const publicReadActions = (strapi: Core.Strapi): string[] => [
  ...PUBLIC_CONTENT_TYPES.flatMap((uid) => READ_ACTIONS.map((action) => `${uid}.${action}`)),
  ...Object.entries(PLUGIN_READ_ACTIONS).flatMap(([plugin, actions]) => (strapi.plugin(plugin) ? actions : [])),
];
