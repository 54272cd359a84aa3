/** Shapes of the plugin's admin routes (server/src/routes/admin.ts) and the Content Manager routes used here. */
import { PLUGIN_ID } from './pluginId';

export const SUBSCRIBER_UID = `plugin::${PLUGIN_ID}.subscriber`;

/** The Content Manager edit view of a subscriber (or its create view). */
export const subscriberEditPath = (documentId: string) => `/content-manager/collection-types/${SUBSCRIBER_UID}/${documentId}`;
export const subscriberCreatePath = () => `/content-manager/collection-types/${SUBSCRIBER_UID}/create`;

/** This plugin's page in the admin, relative to the admin root (`app.addMenuLink` wants it without a slash). */
export const PLUGIN_PAGE = `plugins/${PLUGIN_ID}`;
export const deliveryLogPath = (documentId: string) => `/${PLUGIN_PAGE}/${documentId}`;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';
export const DELIVERY_STATUSES: DeliveryStatus[] = ['delivered', 'pending', 'failed', 'cancelled'];

export type StatusCounts = Partial<Record<DeliveryStatus, number>>;

/** A subscriber as the Content Manager lists it. */
export interface Subscriber {
  id: number;
  documentId: string;
  name: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  events: string[] | null;
  contentTypes: string[] | null;
}

export interface Pagination {
  page: number;
  pageSize: number;
  total: number;
  pageCount: number;
}

export interface SubscriberListResponse {
  results: Subscriber[];
  pagination: Pagination;
}

export interface Catalog {
  /** `article.published`, ... */
  events: string[];
  /** Singular names: `article`, ... */
  contentTypes: string[];
}

export interface CatalogResponse {
  data: Catalog;
}

export interface Delivery {
  id: number;
  eventId: string;
  eventType: string | null;
  /** The content type's UID (`api::article.article`), null for test events. */
  contentType: string | null;
  documentId: string | null;
  /** Epoch milliseconds. */
  occurredAt: number | null;
  status: DeliveryStatus;
  attempts: number;
  /** Only for pending deliveries. */
  nextAttemptAt: number | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: number | null;
}

export interface DeliveriesResponse {
  data: Delivery[];
  meta: {
    subscriber: Pick<Subscriber, 'documentId' | 'name' | 'url' | 'enabled'> & {
      /** Shown when the server sends it; the page falls back to a generic hint. */
      disabledReason?: string | null;
    };
    counts: StatusCounts;
    pagination: Pagination;
  };
}

/** `retry`: failed and rescheduled; `gone`: the partner answered 410 and the subscriber was disabled. */
export type AttemptOutcome = 'delivered' | 'retry' | 'failed' | 'gone' | 'cancelled' | (string & {});

export interface Attempt {
  attempt: number;
  startedAt: number;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  outcome: AttemptOutcome;
  nextAttemptAt: number | null;
  worker: string;
}

export interface AttemptsResponse {
  data: Attempt[];
}

export interface RedeliverResponse {
  data: { id: number; eventId: string; status: 'pending' };
}

export interface TestEventResponse {
  data: { eventId: string; type: string };
}

/** The part of `GET /content-manager/content-types` used to link an event to its document. */
export interface ContentTypeSummary {
  uid: string;
  kind: 'collectionType' | 'singleType';
  info: { singularName: string; displayName: string };
}

export interface ContentTypesResponse {
  data: ContentTypeSummary[];
}

/** The deliveries route accepts at most this page size. */
export const MAX_PAGE_SIZE = 100;
