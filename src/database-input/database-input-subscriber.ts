import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  checkData,
  checkPagination,
  createWhereChecks,
  type AttributesOf,
  type DatabaseAttribute,
  type InputIssue,
} from './database-input';

interface QueryEvent {
  model: { uid: string };
  params: Record<string, unknown>;
}

const READ_EVENTS = ['beforeFindOne', 'beforeFindMany', 'beforeCount', 'beforeDelete', 'beforeDeleteMany'] as const;
const WRITE_EVENTS = ['beforeCreate', 'beforeUpdate', 'beforeUpdateMany'] as const;

/** The attributes of a model as the database layer knows them (components and media as relations). */
export const databaseAttributesOf =
  (strapi: Core.Strapi): AttributesOf =>
  (uid) =>
    strapi.db.metadata.has(uid)
      ? (strapi.db.metadata.get(uid).attributes as unknown as Record<string, DatabaseAttribute>)
      : undefined;

/** Throws a 400 listing the issues, if any. */
export const refuseInputIssues = (issues: InputIssue[]) => {
  if (issues.length === 0) return;
  const message =
    issues.length === 1
      ? issues[0].message
      : `${issues.length} errors occurred: ${issues.map((issue) => issue.message).join('; ')}`;
  throw new errors.ValidationError(message, {
    errors: issues.map((issue) => ({ path: issue.path.split('.'), message: issue.message, name: 'ValidationError' })),
  });
};

/**
 * Runs the database input checks on every query, as a database lifecycle subscriber rather
 * than a Document Service middleware: users-permissions (`/api/users`, `/api/auth/*`) and
 * upload (`/api/upload/files`) query the database directly, and their input is as public
 * as the content types'.
 */
export const subscribeDatabaseInputChecks = (strapi: Core.Strapi) => {
  const attributesOf = databaseAttributesOf(strapi);
  const { checkWhere, checkPopulate } = createWhereChecks(attributesOf);

  const checkQuery = ({ model, params }: QueryEvent) =>
    refuseInputIssues([
      ...checkWhere(model.uid, params.where),
      ...checkPopulate(model.uid, params.populate),
      ...checkPagination(params),
    ]);
  const checkWrite = ({ model, params }: QueryEvent) =>
    refuseInputIssues([...checkData(model.uid, params.data, attributesOf), ...checkWhere(model.uid, params.where)]);
  const checkWriteMany = ({ model, params }: QueryEvent) =>
    refuseInputIssues(
      (Array.isArray(params.data) ? params.data : []).flatMap((data) => checkData(model.uid, data, attributesOf)),
    );

  strapi.db.lifecycles.subscribe({
    ...Object.fromEntries(READ_EVENTS.map((event) => [event, checkQuery])),
    ...Object.fromEntries(WRITE_EVENTS.map((event) => [event, checkWrite])),
    beforeCreateMany: checkWriteMany,
  } as unknown as Parameters<Core.Strapi['db']['lifecycles']['subscribe']>[0]);
};
