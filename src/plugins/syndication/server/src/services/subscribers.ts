import { randomBytes } from 'crypto';
import type { Core, Modules, UID } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { TargetRefusedError } from './target-guard';
import { EVENT_ACTIONS, eventType } from '../utils/events';
import { getService, SUBSCRIBER_UID } from '../utils/get-service';

export interface Subscriber {
  documentId: string;
  name: string;
  url: string;
  secret: string;
  events: string[] | null;
  contentTypes: string[] | null;
  enabled: boolean;
  disabledReason: string | null;
}

const SECRET_PATTERN = /^whsec_([A-Za-z0-9+/]+={0,2})$/;
const WRITE_ACTIONS = new Set(['create', 'update']);

/** A fresh Standard Webhooks secret: "whsec_" and 32 random bytes in base64. */
export const generateSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

const fieldError = (field: string, message: string, value?: unknown) =>
  new errors.ValidationError(`${field} ${message}`, {
    errors: [{ path: [field], message: `${field} ${message}`, name: 'ValidationError', value }],
  });

/** Subscribers: what each wants, and the rules for saving one. */
export const createSubscribersService = ({ strapi }: { strapi: Core.Strapi }) => {
  /** Type names (singular) of the syndicated content types, e.g. ['article', 'statement', 'meeting']. */
  const typeNames = () => getService(strapi, 'eventCapture').trackedTypes().map((tracked) => tracked.name);
  const knownEvents = () => typeNames().flatMap((name) => EVENT_ACTIONS.map((action) => eventType(name, action)));

  const checkList = (field: string, value: unknown, allowed: string[]) => {
    if (value === null || value === undefined) return;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || !allowed.includes(item))) {
      throw fieldError(field, `must be a list of ${allowed.join(', ')} (empty means all)`, value);
    }
  };

  const checkSecret = (secret: string) => {
    const match = SECRET_PATTERN.exec(secret);
    const bytes = match ? Buffer.from(match[1], 'base64').length : 0;
    if (bytes < 24 || bytes > 64) {
      throw fieldError('secret', 'must be "whsec_" followed by 24 to 64 bytes in base64 (leave it empty to generate one)');
    }
  };

  /**
   * Document Service middleware for subscriber writes (admin or code): generates a secret
   * when none is given (an empty value on update rotates it), checks the URL against the
   * SSRF guard, and checks the event and content type lists.
   */
  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    if (context.uid !== SUBSCRIBER_UID || !WRITE_ACTIONS.has(context.action)) return next();
    const params = context.params as { data?: Record<string, unknown> };
    const data = { ...(params.data ?? {}) };

    if (context.action === 'create' || 'url' in data) {
      if (typeof data.url !== 'string') throw fieldError('url', 'is required');
      try {
        await getService(strapi, 'targetGuard').checkUrl(data.url);
      } catch (error) {
        if (error instanceof TargetRefusedError) throw fieldError('url', error.message, data.url);
        throw error;
      }
    }
    if (data.secret === null || data.secret === '' || (context.action === 'create' && data.secret === undefined)) {
      data.secret = generateSecret();
    } else if (data.secret !== undefined) {
      if (typeof data.secret !== 'string') throw fieldError('secret', 'must be a string');
      data.secret = data.secret.trim();
      checkSecret(data.secret as string);
    }
    checkList('events', data.events, knownEvents());
    checkList('contentTypes', data.contentTypes, typeNames());
    if (data.enabled === true && data.disabledReason === undefined) data.disabledReason = null;

    params.data = data;
    return next();
  };

  /** Enabled subscribers that want this event. An empty list of events or types means all. */
  const matching = async (typeName: string, type: string): Promise<string[]> => {
    const subscribers = (await strapi.db.query(SUBSCRIBER_UID as UID.Schema).findMany({
      where: { enabled: true },
      select: ['documentId', 'events', 'contentTypes'],
    })) as Array<Pick<Subscriber, 'documentId' | 'events' | 'contentTypes'>>;
    const wants = (list: string[] | null, item: string) => !Array.isArray(list) || list.length === 0 || list.includes(item);
    return subscribers
      .filter((subscriber) => wants(subscriber.events, type) && wants(subscriber.contentTypes, typeName))
      .map((subscriber) => subscriber.documentId);
  };

  const findOne = async (documentId: string) =>
    (await strapi.db.query(SUBSCRIBER_UID as UID.Schema).findOne({ where: { documentId } })) as Subscriber | null;

  /** Turns a subscriber off after its endpoint answered 410 Gone. */
  const disable = async (documentId: string, reason: string) => {
    await strapi.db.query(SUBSCRIBER_UID as UID.Schema).updateMany({
      where: { documentId },
      data: { enabled: false, disabledReason: reason.slice(0, 500) },
    });
  };

  return { middleware, matching, findOne, disable, knownEvents, typeNames };
};

export type SubscribersService = ReturnType<typeof createSubscribersService>;
