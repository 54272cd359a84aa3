import { randomUUID } from 'crypto';
import type { Core, Modules, Schema, UID } from '@strapi/strapi';
import type { SyndicationConfig } from '../config';
import type { OutboxEvent } from './outbox-store';
import { eventType, TEST_EVENT, type EventAction } from '../utils/events';
import { getService, PLUGIN_ID } from '../utils/get-service';

export interface TrackedType {
  uid: UID.ContentType;
  /** Singular name, the first part of event types: "article". */
  name: string;
  pluralName: string;
}

type Snapshot = Record<string, unknown> & { documentId: string; slug?: string };
type Change = 'publish' | 'unpublish' | 'delete';

/** Which Document Service calls change what partners can see. Draft saves change nothing. */
const changeOf = (action: string, status: unknown): Change | null => {
  if (action === 'publish') return 'publish';
  if ((action === 'create' || action === 'update') && status === 'published') return 'publish';
  if (action === 'unpublish') return 'unpublish';
  if (action === 'delete') return 'delete';
  return null;
};

/**
 * Turns publications into outbox events. Runs as a Document Service middleware around the
 * editor's action, in the same transaction: the event and its deliveries are stored before
 * the action is acknowledged, and vanish with it if it fails.
 */
export const createEventCapture = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get(`plugin::${PLUGIN_ID}`) as SyndicationConfig;

  let tracked: TrackedType[] | null = null;
  const trackedTypes = (): TrackedType[] => {
    tracked ??= config().contentTypes.map((uid) => {
      const contentType = strapi.contentTypes[uid as UID.ContentType];
      if (!contentType) throw new Error(`[syndication] contentTypes lists "${uid}", which is not a content type`);
      return { uid: uid as UID.ContentType, name: contentType.info.singularName, pluralName: contentType.info.pluralName };
    });
    return tracked;
  };
  const trackedByUid = (uid: string) => trackedTypes().find((type) => type.uid === uid);

  /** Relations, media and components one level deep, components' own relations included: what a frontend asks REST for. */
  const populateFor = (uid: UID.Schema): Record<string, unknown> => {
    const attributes = strapi.getModel(uid).attributes as Record<string, Schema.Attribute.AnyAttribute>;
    return Object.fromEntries(
      Object.entries(attributes).flatMap(([name, attribute]): Array<[string, unknown]> => {
        if (attribute.type === 'relation') return 'target' in attribute && String(attribute.target).startsWith('admin::') ? [] : [[name, true]];
        if (attribute.type === 'media') return [[name, true]];
        if (attribute.type === 'component') {
          const nested = Object.entries(strapi.getModel(attribute.component as UID.Schema).attributes)
            .filter(([, sub]) => sub.type === 'relation' || sub.type === 'media')
            .map(([subName]) => [subName, true]);
          return [[name, nested.length > 0 ? { populate: Object.fromEntries(nested) } : true]];
        }
        return [];
      }),
    );
  };

  /** The published version as the public REST API returns it, or null when there is none. */
  const publishedSnapshot = async (type: TrackedType, documentId: string): Promise<Snapshot | null> => {
    const document = await strapi.documents(type.uid).findOne({
      documentId,
      status: 'published',
      populate: populateFor(type.uid) as never,
    });
    if (!document) return null;
    return (await strapi.contentAPI.sanitize.output(document, strapi.getModel(type.uid), {})) as Snapshot;
  };

  const wasPublished = async (type: TrackedType, documentId: string) =>
    (await strapi.db.query(type.uid).findOne({ select: ['id'], where: { documentId, publishedAt: { $notNull: true } } })) !== null;

  const canonicalUrl = (type: TrackedType, snapshot: Snapshot) => {
    const base = config().frontendUrl.replace(/\/+$/, '');
    return `${base}/${type.pluralName}/${encodeURIComponent(snapshot.slug ?? snapshot.documentId)}`;
  };

  const buildEvent = (type: string, tracked: TrackedType | null, documentId: string | null, data: unknown, url: string | null): OutboxEvent => {
    const id = `evt_${randomUUID().replace(/-/g, '')}`;
    const occurredAt = Date.now();
    const payload = JSON.stringify({ id, type, occurredAt: new Date(occurredAt).toISOString(), canonicalUrl: url, data });
    return { id, type, contentType: tracked?.uid ?? null, documentId, occurredAt, payload };
  };

  const middleware: Modules.Documents.Middleware.Middleware = async (context, next) => {
    const type = trackedByUid(context.uid);
    const params = context.params as { documentId?: string; status?: string };
    const change = type ? changeOf(context.action, params.status) : null;
    if (!type || !change) return next();

    return strapi.db.transaction(async ({ trx, onCommit }) => {
      // Publishing needs to know whether partners saw a version before; unpublishing and
      // deleting need that version itself, since it is gone afterwards.
      const before =
        params.documentId === undefined
          ? null
          : change === 'publish'
            ? await wasPublished(type, params.documentId)
            : await publishedSnapshot(type, params.documentId);
      const result = await next();
      const documentId = params.documentId ?? (result as { documentId?: string } | null)?.documentId;
      if (!documentId) return result;

      let action: EventAction | null = null;
      let snapshot: Snapshot | null = null;
      if (change === 'publish') {
        snapshot = await publishedSnapshot(type, documentId);
        action = before ? 'updated' : 'published';
      } else if (before && typeof before === 'object') {
        // Unpublished or deleted: partners get the version they last saw.
        snapshot = before;
        action = change === 'unpublish' ? 'unpublished' : 'deleted';
      }
      if (!action || !snapshot) return result;

      const name = eventType(type.name, action);
      const event = buildEvent(name, type, documentId, snapshot, canonicalUrl(type, snapshot));
      const subscribers = await getService(strapi, 'subscribers').matching(type.name, name);
      await getService(strapi, 'outboxStore').insertEvent(trx, event, subscribers);
      if (subscribers.length > 0) onCommit(() => getService(strapi, 'deliveryWorker').kick());
      return result;
    });
  };

  /** An event for one subscriber only, so an admin can check the endpoint and its verification. */
  const sendTestEvent = async (subscriberId: string) => {
    const event = buildEvent(TEST_EVENT, null, null, { message: 'This is a test event from the Silk Council CMS.' }, null);
    await strapi.db.transaction(async ({ trx }) => {
      await getService(strapi, 'outboxStore').insertEvent(trx, event, [subscriberId]);
    });
    getService(strapi, 'deliveryWorker').kick();
    return event;
  };

  return { middleware, trackedTypes, sendTestEvent, publishedSnapshot, canonicalUrl };
};

export type EventCaptureService = ReturnType<typeof createEventCapture>;
