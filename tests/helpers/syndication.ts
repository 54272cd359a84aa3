import type { Core, UID } from '@strapi/strapi';
import { Webhook } from 'standardwebhooks';
import type { ReceivedRequest } from './receiver';

export const SUBSCRIBER = 'plugin::syndication.subscriber' as UID.ContentType;

export interface WebhookEvent {
  id: string;
  type: string;
  occurredAt: string;
  canonicalUrl: string | null;
  data: Record<string, any>;
}

/** Creates a subscriber through the Document Service (the admin's path); returns it with its generated secret. */
export const createSubscriber = async (strapi: Core.Strapi, data: Record<string, unknown>) => {
  const created = await strapi.documents(SUBSCRIBER).create({ data: { name: 'Partner', ...data } as never });
  const stored = (await strapi.db.query(SUBSCRIBER).findOne({ where: { documentId: created.documentId } })) as {
    documentId: string;
    secret: string;
  };
  return stored;
};

/**
 * Verifies a received webhook the way a partner would, with the standardwebhooks library;
 * throws if the signature or timestamp is wrong.
 */
export const verify = (secret: string, request: ReceivedRequest): WebhookEvent =>
  new Webhook(secret).verify(request.body, {
    'webhook-id': String(request.headers['webhook-id']),
    'webhook-timestamp': String(request.headers['webhook-timestamp']),
    'webhook-signature': String(request.headers['webhook-signature']),
  }) as WebhookEvent;

/** Delivery rows of the outbox, straight from the database. */
export const deliveryRows = (strapi: Core.Strapi) => strapi.db.connection('syndication_deliveries').orderBy('id');
export const attemptRows = (strapi: Core.Strapi) => strapi.db.connection('syndication_attempts').orderBy('id');

export const waitUntil = async (check: () => Promise<boolean>, timeoutMs = 15_000, what = 'condition') => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
