import type { Core } from '@strapi/strapi';
import type { DeliveryWorkerService } from '../services/delivery-worker';
import type { EventCaptureService } from '../services/event-capture';
import type { FeedsService } from '../services/feeds';
import type { OutboxStoreService } from '../services/outbox-store';
import type { SubscribersService } from '../services/subscribers';
import type { TargetGuardService } from '../services/target-guard';

export const PLUGIN_ID = 'syndication';
export const SUBSCRIBER_UID = 'plugin::syndication.subscriber';

interface Services {
  deliveryWorker: DeliveryWorkerService;
  eventCapture: EventCaptureService;
  feeds: FeedsService;
  outboxStore: OutboxStoreService;
  subscribers: SubscribersService;
  targetGuard: TargetGuardService;
}

export const getService = <Name extends keyof Services>(strapi: Core.Strapi, name: Name): Services[Name] =>
  strapi.plugin(PLUGIN_ID).service(name) as Services[Name];
