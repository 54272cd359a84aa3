import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];

export const TABLES = {
  events: 'syndication_events',
  deliveries: 'syndication_deliveries',
  attempts: 'syndication_attempts',
} as const;

export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

export interface OutboxEvent {
  id: string;
  type: string;
  contentType: string | null;
  documentId: string | null;
  occurredAt: number;
  /** The JSON body partners receive, exactly as signed. */
  payload: string;
}

export interface ClaimedDelivery {
  id: number;
  eventId: string;
  subscriberId: string;
  attempts: number;
  /** Attempts made before the current retry cycle (a redelivery starts a new one). */
  cycleStart: number;
}

export interface AttemptOutcome {
  status: DeliveryStatus;
  statusCode: number | null;
  error: string | null;
  startedAt: number;
  durationMs: number;
  /** When the next attempt is due, for a delivery left pending. */
  nextAttemptAt: number | null;
}

const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
  Array.isArray(result) ? result : ((result as { rows?: Array<Record<string, unknown>> }).rows ?? []);

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * The durable outbox: events, one delivery per (event, subscriber), and every attempt.
 * Deliveries are claimed with a lease so that, across any number of processes, each one
 * is being sent by at most one process at a time.
 */
export const createOutboxStore = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const table = (name: string) => {
    const schema = strapi.db.getSchemaName();
    return schema ? `${schema}.${name}` : name;
  };
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const ensureTables = async () => {
    await knex().transaction(async (trx) => {
      if (isPostgres()) await trx.raw('select pg_advisory_xact_lock(?)', [7_004_213]);
      const schema = strapi.db.getSchemaName();
      const builder = () => (schema ? trx.schema.withSchema(schema) : trx.schema);
      const create = async (name: string, define: Parameters<Knex['schema']['createTable']>[1]) => {
        if (!(await builder().hasTable(name))) await builder().createTable(name, define);
      };
      await create(TABLES.events, (t) => {
        t.string('id', 64).primary();
        t.string('type', 100).notNullable();
        t.string('content_type', 255);
        t.string('document_id', 64);
        t.bigInteger('occurred_at').notNullable();
        t.text('payload', 'longtext').notNullable();
        t.index(['occurred_at'], 'syndication_events_occurred_idx');
      });
      await create(TABLES.deliveries, (t) => {
        t.increments('id').primary();
        t.string('event_id', 64).notNullable();
        t.string('subscriber_id', 64).notNullable();
        t.string('status', 16).notNullable();
        t.integer('attempts').notNullable().defaultTo(0);
        t.integer('cycle_start').notNullable().defaultTo(0);
        t.bigInteger('next_attempt_at').notNullable();
        t.bigInteger('locked_until');
        t.string('locked_by', 64);
        t.integer('last_status_code');
        t.text('last_error');
        t.bigInteger('delivered_at');
        t.bigInteger('created_at').notNullable();
        t.unique(['event_id', 'subscriber_id'], { indexName: 'syndication_deliveries_event_subscriber_uq' });
        t.index(['status', 'next_attempt_at'], 'syndication_deliveries_due_idx');
        t.index(['subscriber_id', 'id'], 'syndication_deliveries_subscriber_idx');
      });
      await create(TABLES.attempts, (t) => {
        t.increments('id').primary();
        t.integer('delivery_id').notNullable();
        t.string('event_id', 64).notNullable();
        t.string('subscriber_id', 64).notNullable();
        t.integer('attempt').notNullable();
        t.bigInteger('started_at').notNullable();
        t.integer('duration_ms').notNullable();
        t.integer('status_code');
        t.text('error');
        t.string('outcome', 16).notNullable();
        t.bigInteger('next_attempt_at');
        t.string('worker', 64).notNullable();
        t.index(['subscriber_id', 'id'], 'syndication_attempts_subscriber_idx');
        t.index(['delivery_id'], 'syndication_attempts_delivery_idx');
      });
    });
  };

  /** Stores an event and its deliveries inside the caller's transaction. */
  const insertEvent = async (trx: Knex, event: OutboxEvent, subscriberIds: string[], now = Date.now()) => {
    await trx(table(TABLES.events)).insert({
      id: event.id,
      type: event.type,
      content_type: event.contentType,
      document_id: event.documentId,
      occurred_at: event.occurredAt,
      payload: event.payload,
    });
    if (subscriberIds.length === 0) return;
    await trx(table(TABLES.deliveries)).insert(
      subscriberIds.map((subscriberId) => ({
        event_id: event.id,
        subscriber_id: subscriberId,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        created_at: now,
      })),
    );
  };

  /**
   * Takes up to `limit` due deliveries for `workerId` until `now + leaseMs`. On PostgreSQL
   * rows another process is claiming are skipped (FOR UPDATE SKIP LOCKED); SQLite runs one
   * writer at a time, so the single statement is enough there.
   */
  const claimDue = async (workerId: string, limit: number, leaseMs: number, now = Date.now()): Promise<ClaimedDelivery[]> => {
    const lock = isPostgres() ? 'for update skip locked' : '';
    const result = await knex().raw(
      `update ?? set locked_until = ?, locked_by = ?
       where id in (
         select id from ?? where status = 'pending' and next_attempt_at <= ?
           and (locked_until is null or locked_until < ?)
         order by next_attempt_at, id limit ? ${lock}
       )
       returning id, event_id, subscriber_id, attempts, cycle_start`,
      [table(TABLES.deliveries), now + leaseMs, workerId, table(TABLES.deliveries), now, now, limit],
    );
    return rowsOf(result).map((row) => ({
      id: Number(row.id),
      eventId: String(row.event_id),
      subscriberId: String(row.subscriber_id),
      attempts: Number(row.attempts),
      cycleStart: Number(row.cycle_start),
    }));
  };

  const loadEvent = async (id: string): Promise<OutboxEvent | null> => {
    const row = (await knex()(table(TABLES.events)).where({ id }).first()) as Record<string, unknown> | undefined;
    if (!row) return null;
    return {
      id: String(row.id),
      type: String(row.type),
      contentType: (row.content_type as string | null) ?? null,
      documentId: (row.document_id as string | null) ?? null,
      occurredAt: Number(row.occurred_at),
      payload: String(row.payload),
    };
  };

  /**
   * Records one attempt and moves the delivery on, only if this worker still holds it.
   * Returns false when the lease was lost (another process took over).
   */
  const recordAttempt = async (delivery: ClaimedDelivery, workerId: string, outcome: AttemptOutcome) =>
    knex().transaction(async (trx) => {
      const attempt = delivery.attempts + 1;
      const updated = await trx(table(TABLES.deliveries))
        .where({ id: delivery.id, locked_by: workerId })
        .update({
          status: outcome.status,
          attempts: attempt,
          next_attempt_at: outcome.nextAttemptAt ?? outcome.startedAt,
          locked_until: null,
          locked_by: null,
          last_status_code: outcome.statusCode,
          last_error: outcome.error,
          delivered_at: outcome.status === 'delivered' ? outcome.startedAt + outcome.durationMs : null,
        });
      if (updated === 0) return false;
      await trx(table(TABLES.attempts)).insert({
        delivery_id: delivery.id,
        event_id: delivery.eventId,
        subscriber_id: delivery.subscriberId,
        attempt,
        started_at: outcome.startedAt,
        duration_ms: outcome.durationMs,
        status_code: outcome.statusCode,
        error: outcome.error,
        outcome: outcome.status === 'pending' ? 'retry' : outcome.status,
        next_attempt_at: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
        worker: workerId,
      });
      return true;
    });

  /** Settles a delivery without an attempt (subscriber deleted or disabled meanwhile). */
  const cancel = async (delivery: ClaimedDelivery, workerId: string, reason: string) => {
    await knex()(table(TABLES.deliveries))
      .where({ id: delivery.id, locked_by: workerId })
      .update({ status: 'cancelled', last_error: reason, locked_until: null, locked_by: null });
  };

  /** Hands back this worker's claimed but unsent deliveries (graceful shutdown). */
  const release = async (workerId: string) => {
    await knex()(table(TABLES.deliveries))
      .where({ locked_by: workerId, status: 'pending' })
      .update({ locked_until: null, locked_by: null });
  };

  /**
   * Sends a settled delivery again, now, with a fresh retry schedule. A delivery still
   * pending is refused (false): it may be in flight in some process this very moment.
   */
  const redeliver = async (deliveryId: number, now = Date.now()) => {
    const updated = await knex()(table(TABLES.deliveries))
      .where({ id: deliveryId })
      .whereNot({ status: 'pending' })
      .update({
        status: 'pending',
        next_attempt_at: now,
        cycle_start: knex().ref('attempts'),
        locked_until: null,
        locked_by: null,
      });
    return updated > 0;
  };

  /** A subscriber's deliveries, newest first, with their event. */
  const deliveries = async (subscriberId: string, page: number, pageSize: number) => {
    const [{ total }] = (await knex()(table(TABLES.deliveries))
      .where({ subscriber_id: subscriberId })
      .count({ total: '*' })) as Array<{ total: number | string }>;
    const rows = (await knex()
      .select('d.*', 'e.type', 'e.content_type', 'e.document_id', 'e.occurred_at')
      .from({ d: table(TABLES.deliveries) })
      .leftJoin({ e: table(TABLES.events) }, 'e.id', 'd.event_id')
      .where('d.subscriber_id', subscriberId)
      .orderBy('d.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)) as Array<Record<string, unknown>>;
    return {
      total: Number(total),
      rows: rows.map((row) => ({
        id: Number(row.id),
        eventId: String(row.event_id),
        eventType: (row.type as string | null) ?? null,
        contentType: (row.content_type as string | null) ?? null,
        documentId: (row.document_id as string | null) ?? null,
        occurredAt: num(row.occurred_at),
        status: row.status as DeliveryStatus,
        attempts: Number(row.attempts),
        nextAttemptAt: row.status === 'pending' ? num(row.next_attempt_at) : null,
        lastStatusCode: num(row.last_status_code),
        lastError: (row.last_error as string | null) ?? null,
        deliveredAt: num(row.delivered_at),
      })),
    };
  };

  /** Every attempt of one delivery, oldest first. */
  const attempts = async (deliveryId: number) => {
    const rows = (await knex()(table(TABLES.attempts)).where({ delivery_id: deliveryId }).orderBy('id', 'asc')) as Array<
      Record<string, unknown>
    >;
    return rows.map((row) => ({
      attempt: Number(row.attempt),
      startedAt: Number(row.started_at),
      durationMs: Number(row.duration_ms),
      statusCode: num(row.status_code),
      error: (row.error as string | null) ?? null,
      outcome: String(row.outcome),
      nextAttemptAt: num(row.next_attempt_at),
      worker: String(row.worker),
    }));
  };

  const deliveryById = async (id: number) =>
    (await knex()(table(TABLES.deliveries)).where({ id }).first()) as
      | { event_id: string; subscriber_id: string; status: DeliveryStatus }
      | undefined;

  /** Counts by status, for the admin overview and the benchmark. */
  const statusCounts = async (subscriberId?: string) => {
    const query = knex()(table(TABLES.deliveries)).select('status').count({ count: '*' }).groupBy('status');
    if (subscriberId) query.where({ subscriber_id: subscriberId });
    const rows = (await query) as Array<{ status: DeliveryStatus; count: number | string }>;
    return Object.fromEntries(rows.map((row) => [row.status, Number(row.count)])) as Partial<Record<DeliveryStatus, number>>;
  };

  return { ensureTables, insertEvent, claimDue, loadEvent, recordAttempt, cancel, release, redeliver, deliveries, attempts, deliveryById, statusCounts, table };
};

export type OutboxStoreService = ReturnType<typeof createOutboxStore>;
