import { factories, type UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { databaseAttributesOf, refuseInputIssues } from '../database-input/database-input-subscriber';
import { createWhereChecks } from '../database-input/database-input';
import { restQueryProblem, writeBodyProblem } from './rest-input';

/** The part of a core collection-type service this controller calls. */
interface CoreDeleteService {
  delete(documentId: string, params: unknown): Promise<{ deletedEntries: number }>;
}

const refuse = (problem: string | null) => {
  if (problem) throw new errors.ValidationError(problem);
};

/**
 * The core REST controller of a content type, stricter about its input (see rest-input.ts)
 * and answering 404, not 204, when asked to delete a document that does not exist.
 */
export const createStrictCoreController = (uid: UID.ContentType) =>
  factories.createCoreController(uid, ({ strapi }) => {
    const { checkWhere, checkPopulate } = createWhereChecks(databaseAttributesOf(strapi), { oneValuePerOperator: true });
    return {
      async validateQuery(ctx: Context) {
        refuse(restQueryProblem(ctx.query));
        await super.validateQuery(ctx);
        // Strapi reads some filters loosely (findOne ignores them, `$null: "maybe"` becomes true): the same 400 everywhere.
        refuseInputIssues([...checkWhere(uid, ctx.query.filters), ...checkPopulate(uid, ctx.query.populate)]);
      },

      async create(ctx: Context) {
        refuse(writeBodyProblem(ctx.request.body));
        return super.create(ctx);
      },

      async update(ctx: Context) {
        refuse(writeBodyProblem(ctx.request.body));
        return super.update(ctx);
      },

      async delete(ctx: Context) {
        await this.validateQuery(ctx);
        const query = await strapi.contentAPI.sanitize.query(ctx.query, strapi.getModel(uid), { auth: ctx.state.auth });
        const service = strapi.service(uid as unknown as UID.Service) as unknown as CoreDeleteService;
        const { deletedEntries } = await service.delete(ctx.params.id, query);
        if (deletedEntries === 0) throw new errors.NotFoundError(`No document has documentId "${String(ctx.params.id)}"`);
        ctx.status = 204;
      },
    };
  });
