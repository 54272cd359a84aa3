import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import { getService } from '../utils/get-service';
import { validateDeliveriesQuery, validateDeliveryParams, validateSubscriberParams } from '../validation';

/** Admin routes: the delivery log, redelivery and test events. Subscribers themselves are edited in the Content Manager. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const subscriberOrThrow = async (documentId: string) => {
    const subscriber = await getService(strapi, 'subscribers').findOne(documentId);
    if (!subscriber) throw new errors.NotFoundError(`No subscriber has documentId "${documentId}"`);
    return subscriber;
  };

  return {
    async catalog(ctx: Context) {
      const subscribers = getService(strapi, 'subscribers');
      ctx.body = { data: { events: subscribers.knownEvents(), contentTypes: subscribers.typeNames() } };
    },

    async deliveries(ctx: Context) {
      const { documentId, page = 1, pageSize = 25 } = await validateDeliveriesQuery({ documentId: ctx.params.documentId, ...ctx.query });
      const subscriber = await subscriberOrThrow(documentId);
      const outbox = getService(strapi, 'outboxStore');
      const { total, rows } = await outbox.deliveries(documentId, page, pageSize);
      ctx.body = {
        data: rows,
        meta: {
          subscriber: {
            documentId,
            name: subscriber.name,
            url: subscriber.url,
            enabled: subscriber.enabled,
            disabledReason: subscriber.disabledReason,
          },
          counts: await outbox.statusCounts(documentId),
          pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) },
        },
      };
    },

    async attempts(ctx: Context) {
      const { id } = await validateDeliveryParams({ id: ctx.params.id });
      if (!(await getService(strapi, 'outboxStore').deliveryById(id))) throw new errors.NotFoundError(`No delivery ${id}`);
      ctx.body = { data: await getService(strapi, 'outboxStore').attempts(id) };
    },

    async redeliver(ctx: Context) {
      const { id } = await validateDeliveryParams({ id: ctx.params.id });
      const delivery = await getService(strapi, 'outboxStore').deliveryById(id);
      if (!delivery) throw new errors.NotFoundError(`No delivery ${id}`);
      const subscriber = await subscriberOrThrow(delivery.subscriber_id);
      if (!subscriber.enabled) throw new errors.ValidationError('The subscriber is disabled: enable it before redelivering');
      if (!(await getService(strapi, 'outboxStore').redeliver(id))) {
        throw new errors.ValidationError('This delivery is still pending: it will be sent (again) on its own');
      }
      getService(strapi, 'deliveryWorker').kick();
      ctx.status = 202;
      ctx.body = { data: { id, eventId: delivery.event_id, status: 'pending' } };
    },

    async sendTest(ctx: Context) {
      const { documentId } = await validateSubscriberParams({ documentId: ctx.params.documentId });
      const subscriber = await subscriberOrThrow(documentId);
      if (!subscriber.enabled) throw new errors.ValidationError('The subscriber is disabled: enable it before sending a test event');
      const event = await getService(strapi, 'eventCapture').sendTestEvent(documentId);
      ctx.status = 202;
      ctx.body = { data: { eventId: event.id, type: event.type } };
    },
  };
};
