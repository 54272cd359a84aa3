import { errors } from '@strapi/utils';
import type { Context } from 'koa';

type Action = (ctx: Context) => Promise<unknown>;

interface UsersPermissionsPlugin {
  controllers: { user: Record<string, Action> };
}

/**
 * users-permissions answers a GET or DELETE of `/api/users/:id` for a user that does not
 * exist with 204 and no body, as if it had succeeded: here it is a 404 saying so.
 */
export default (plugin: UsersPermissionsPlugin) => {
  const { user } = plugin.controllers;
  for (const action of ['findOne', 'destroy']) {
    const original = user[action];
    user[action] = async (ctx: Context) => {
      await original(ctx);
      if (ctx.body === null || ctx.body === undefined)
        throw new errors.NotFoundError(`No user has id "${String(ctx.params.id)}"`);
    };
  }
  return plugin;
};
