import { createDeliveryWorker } from './delivery-worker';
import { createEventCapture } from './event-capture';
import { createFeedsService } from './feeds';
import { createOutboxStore } from './outbox-store';
import { createSubscribersService } from './subscribers';
import { createTargetGuard } from './target-guard';

export default {
  deliveryWorker: createDeliveryWorker,
  eventCapture: createEventCapture,
  feeds: createFeedsService,
  outboxStore: createOutboxStore,
  subscribers: createSubscribersService,
  targetGuard: createTargetGuard,
};
