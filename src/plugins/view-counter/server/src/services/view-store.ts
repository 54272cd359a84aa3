import type { Core } from '@strapi/strapi';

type Knex = Core.Strapi['db']['connection'];
type Runner = Pick<Knex, 'raw'>;

/** One counted view, already deduplicated and checked against publication. */
export interface CountedView {
  uid: string;
  documentId: string;
  /** Epoch milliseconds. */
  at: number;
}

/** A view waiting for the dedupe decision: `visitor` is the keyed hash, or null when dedupe is off. */
export interface PendingView extends CountedView {
  visitor: string | null;
}

export type Period = '24h' | '7d' | '30d' | 'all';

export interface TopDocument {
  documentId: string;
  title: string | null;
  slug: string | null;
  views: number;
}

export const TABLES = {
  totals: 'view_counter_totals',
  days: 'view_counter_days',
  hours: 'view_counter_hours',
  visitors: 'view_counter_visitors',
  keys: 'view_counter_keys',
} as const;

/** Hourly buckets only serve the 24h period; two days of them are enough. */
const HOURS_KEPT = 48;
const ROWS_PER_STATEMENT = 400;

export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
export const hourOf = (at: number) => new Date(at).toISOString().slice(0, 13);

const chunk = <T>(items: T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

const placeholders = (rows: number, columns: number) =>
  Array.from({ length: rows }, () => `(${Array.from({ length: columns }, () => '?').join(', ')})`).join(', ');

/** Sums views per key; keys sorted so concurrent writers lock rows in the same order. */
const tally = (views: CountedView[], keyOf: (view: CountedView) => string) => {
  const counts = new Map<string, number>();
  for (const view of views) counts.set(keyOf(view), (counts.get(keyOf(view)) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
};

const SEP = '\u0000';

/**
 * All SQL of the view counter. Counts live in their own tables, never in the documents'
 * rows, and every change is an atomic `views = views + n` upsert: no read-modify-write,
 * so concurrent requests and processes never lose or invent an increment.
 */
export const createViewStore = ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection;
  const table = (name: string) => {
    const schema = strapi.db.getSchemaName();
    return schema ? `${schema}.${name}` : name;
  };
  const isPostgres = () => strapi.db.dialect.client === 'postgres';

  const ensureTables = async () => {
    await knex().transaction(async (trx) => {
      // Several processes may boot at once on one PostgreSQL database.
      if (isPostgres()) await trx.raw('select pg_advisory_xact_lock(?)', [7_004_212]);
      const schema = strapi.db.getSchemaName();
      const builder = () => (schema ? trx.schema.withSchema(schema) : trx.schema);
      const create = async (name: string, define: Parameters<Knex['schema']['createTable']>[1]) => {
        if (!(await builder().hasTable(name))) await builder().createTable(name, define);
      };
      await create(TABLES.totals, (t) => {
        t.string('content_type', 255).notNullable();
        t.string('document_id', 64).notNullable();
        t.bigInteger('views').notNullable().defaultTo(0);
        t.primary(['content_type', 'document_id']);
      });
      await create(TABLES.days, (t) => {
        t.string('content_type', 255).notNullable();
        t.string('document_id', 64).notNullable();
        t.string('day', 10).notNullable();
        t.bigInteger('views').notNullable().defaultTo(0);
        t.primary(['content_type', 'document_id', 'day']);
        t.index(['content_type', 'day'], 'view_counter_days_type_day_idx');
      });
      await create(TABLES.hours, (t) => {
        t.string('content_type', 255).notNullable();
        t.string('document_id', 64).notNullable();
        t.string('hour', 13).notNullable();
        t.bigInteger('views').notNullable().defaultTo(0);
        t.primary(['content_type', 'document_id', 'hour']);
        t.index(['content_type', 'hour'], 'view_counter_hours_type_hour_idx');
      });
      await create(TABLES.visitors, (t) => {
        t.string('content_type', 255).notNullable();
        t.string('document_id', 64).notNullable();
        t.string('visitor', 64).notNullable();
        t.bigInteger('seen_at').notNullable();
        t.primary(['content_type', 'document_id', 'visitor']);
        t.index(['seen_at'], 'view_counter_visitors_seen_idx');
      });
      await create(TABLES.keys, (t) => {
        t.string('day', 10).notNullable().primary();
        t.string('secret', 128).notNullable();
      });
    });
  };

  /**
   * The dedupe decision, atomic across processes: a visitor row is inserted, or refreshed
   * when its window has passed; only views whose row was written count.
   */
  const firstVisits = async (trx: Runner, views: PendingView[], windowMs: number, now: number): Promise<CountedView[]> => {
    // Batches can hold many thousands of views: no spreading them into push() arguments.
    let counted: CountedView[] = views.filter((view) => view.visitor === null);

    // Within one batch the first view of a visitor wins; the rest are inside its window.
    const first = new Map<string, PendingView>();
    for (const view of views) {
      if (view.visitor === null) continue;
      const key = [view.uid, view.documentId, view.visitor].join(SEP);
      if (!first.has(key)) first.set(key, view);
    }
    const candidates = [...first.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, view]) => view);
    const cutoff = now - windowMs;
    for (const rows of chunk(candidates, ROWS_PER_STATEMENT)) {
      const result = await trx.raw(
        `insert into ?? (content_type, document_id, visitor, seen_at) values ${placeholders(rows.length, 4)}
         on conflict (content_type, document_id, visitor)
         do update set seen_at = excluded.seen_at where ??.seen_at <= ?
         returning content_type, document_id, visitor`,
        [
          table(TABLES.visitors),
          ...rows.flatMap((view) => [view.uid, view.documentId, view.visitor, view.at]),
          TABLES.visitors,
          cutoff,
        ],
      );
      const written = new Set(
        rowsOf(result).map((row) => [row.content_type, row.document_id, row.visitor].join(SEP)),
      );
      counted = counted.concat(rows.filter((view) => written.has([view.uid, view.documentId, view.visitor].join(SEP))));
    }
    return counted;
  };

  const increment = async (trx: Runner, name: string, bucketColumn: string | null, counts: Array<[string, number]>) => {
    const columns = bucketColumn ? `content_type, document_id, ${bucketColumn}, views` : 'content_type, document_id, views';
    const conflict = bucketColumn ? `content_type, document_id, ${bucketColumn}` : 'content_type, document_id';
    const width = bucketColumn ? 4 : 3;
    for (const rows of chunk(counts, ROWS_PER_STATEMENT)) {
      await trx.raw(
        `insert into ?? (${columns}) values ${placeholders(rows.length, width)}
         on conflict (${conflict}) do update set views = ??.views + excluded.views`,
        [table(name), ...rows.flatMap(([key, count]) => [...key.split(SEP), count]), name],
      );
    }
  };

  /** Documents among `documentIds` of `uid` that have a published version. */
  const publishedAmong = async (trx: Runner, uid: string, documentIds: string[]) => {
    const meta = strapi.db.metadata.get(uid as never);
    const published = new Set<string>();
    for (const ids of chunk([...new Set(documentIds)], ROWS_PER_STATEMENT)) {
      const result = await trx.raw(
        `select distinct document_id from ?? where published_at is not null and document_id in (${ids.map(() => '?').join(', ')})`,
        [table(meta.tableName), ...ids],
      );
      for (const row of rowsOf(result)) published.add(row.document_id as string);
    }
    return published;
  };

  /**
   * Writes one batch of views in one transaction: drops views of documents that are no
   * longer published, applies the dedupe window, then adds the counts. Returns how many
   * views were counted. Either everything is written or nothing (the caller retries).
   */
  const applyBatch = async (views: PendingView[], windowMs: number, now = Date.now()) => {
    if (views.length === 0) return 0;
    const written = await knex().transaction(async (trx) => {
      const live: PendingView[] = [];
      for (const uid of new Set(views.map((view) => view.uid))) {
        const ofType = views.filter((view) => view.uid === uid);
        const published = await publishedAmong(trx, uid, ofType.map((view) => view.documentId));
        for (const view of ofType) if (published.has(view.documentId)) live.push(view);
      }
      const counted = await firstVisits(trx, live, windowMs, now);
      if (counted.length === 0) return 0;
      await increment(trx, TABLES.totals, null, tally(counted, (v) => [v.uid, v.documentId].join(SEP)));
      await increment(trx, TABLES.days, 'day', tally(counted, (v) => [v.uid, v.documentId, dayOf(v.at)].join(SEP)));
      await increment(trx, TABLES.hours, 'hour', tally(counted, (v) => [v.uid, v.documentId, hourOf(v.at)].join(SEP)));
      return counted.length;
    });
    if (written > 0) recent.clear();
    return written;
  };

  /**
   * Totals recently read, for REST responses: a popular page read many times a second costs
   * one query per `maxAgeMs`. This process's own flushes and resets clear it, so only
   * another process's views can be missing, for at most `maxAgeMs`.
   */
  const recent = new Map<string, { views: number; readAt: number }>();
  const RECENT_MAX_ENTRIES = 10_000;

  const recentTotals = async (uid: string, documentIds: string[], maxAgeMs: number, now = Date.now()) => {
    const result = new Map<string, number>();
    const missing: string[] = [];
    for (const id of documentIds) {
      const hit = recent.get(`${uid}:${id}`);
      if (hit && now - hit.readAt < maxAgeMs) result.set(id, hit.views);
      else missing.push(id);
    }
    if (missing.length === 0) return result;
    const fresh = await totals(uid, missing);
    if (recent.size > RECENT_MAX_ENTRIES) recent.clear();
    for (const id of missing) {
      const views = fresh.get(id) ?? 0;
      recent.set(`${uid}:${id}`, { views, readAt: now });
      result.set(id, views);
    }
    return result;
  };

  /** All-time totals of some documents, in one query. */
  const totals = async (uid: string, documentIds: string[]): Promise<Map<string, number>> => {
    const result = new Map<string, number>();
    for (const ids of chunk([...new Set(documentIds)], ROWS_PER_STATEMENT)) {
      const rows = await knex()
        .select('document_id', 'views')
        .from(table(TABLES.totals))
        .where('content_type', uid)
        .whereIn('document_id', ids);
      for (const row of rows as Array<{ document_id: string; views: number | string }>) {
        result.set(row.document_id, Number(row.views));
      }
    }
    return result;
  };

  /** Total and one entry per day (oldest first, zero-filled) for the last `days` days. */
  const series = async (uid: string, documentId: string, days: number, now = Date.now()) => {
    const dates = Array.from({ length: days }, (_, i) => dayOf(now - (days - 1 - i) * 86_400_000));
    const rows = (await knex()
      .select('day', 'views')
      .from(table(TABLES.days))
      .where({ content_type: uid, document_id: documentId })
      .andWhere('day', '>=', dates[0])) as Array<{ day: string; views: number | string }>;
    const byDay = new Map(rows.map((row) => [row.day, Number(row.views)]));
    const total = (await totals(uid, [documentId])).get(documentId) ?? 0;
    return { total, days: dates.map((date) => ({ date, views: byDay.get(date) ?? 0 })) };
  };

  /** Most viewed published documents of a type in a period, with their title and slug. */
  const top = async (
    uid: string,
    fields: { title: string; slug: string | null },
    period: Period,
    limit: number,
    now = Date.now(),
  ): Promise<TopDocument[]> => {
    const meta = strapi.db.metadata.get(uid as never);
    const column = (attribute: string | null) =>
      attribute ? ((meta.attributes[attribute] as { columnName?: string } | undefined)?.columnName ?? attribute) : null;
    const titleColumn = column(fields.title);
    const slugColumn = column(fields.slug);

    const source =
      period === 'all'
        ? { name: TABLES.totals, bucket: null, from: null }
        : period === '24h'
          ? { name: TABLES.hours, bucket: 'hour', from: hourOf(now - 23 * 3_600_000) }
          : { name: TABLES.days, bucket: 'day', from: dayOf(now - ((period === '7d' ? 7 : 30) - 1) * 86_400_000) };

    const query = knex()
      .select({
        documentId: 'c.document_id',
        title: knex().raw(titleColumn ? `max(??)` : 'null', titleColumn ? [`c.${titleColumn}`] : []),
        slug: knex().raw(slugColumn ? `max(??)` : 'null', slugColumn ? [`c.${slugColumn}`] : []),
      })
      .sum({ views: 'v.views' })
      .from({ v: table(source.name) })
      .join({ c: table(meta.tableName) }, function joinPublished() {
        this.on('c.document_id', '=', 'v.document_id').andOnNotNull('c.published_at');
      })
      .where('v.content_type', uid)
      .groupBy('c.document_id')
      .orderBy([{ column: 'views', order: 'desc' }, { column: 'c.document_id', order: 'asc' }])
      .limit(limit);
    if (source.bucket && source.from) query.andWhere(`v.${source.bucket}`, '>=', source.from);

    const rows = (await query) as Array<{ documentId: string; title: string | null; slug: string | null; views: number | string }>;
    return rows.map((row) => ({ ...row, views: Number(row.views) }));
  };

  /** Forgets every count of one document (admin reset, or the document was deleted). */
  const forget = async (uid: string, documentId: string) => {
    recent.delete(`${uid}:${documentId}`);
    await knex().transaction(async (trx) => {
      for (const name of [TABLES.totals, TABLES.days, TABLES.hours, TABLES.visitors]) {
        await trx(table(name)).where({ content_type: uid, document_id: documentId }).delete();
      }
    });
  };

  /** Drops what is no longer needed: expired visitor rows, old buckets, old keys. */
  const prune = async (windowMs: number, retentionDays: number, now = Date.now()) => {
    await knex()(table(TABLES.visitors)).where('seen_at', '<', now - Math.max(windowMs, 60_000)).delete();
    await knex()(table(TABLES.days)).where('day', '<', dayOf(now - retentionDays * 86_400_000)).delete();
    await knex()(table(TABLES.hours)).where('hour', '<', hourOf(now - HOURS_KEPT * 3_600_000)).delete();
    await knex()(table(TABLES.keys)).where('day', '<', dayOf(now - 86_400_000)).delete();
  };

  /** The secret for one day's visitor hashes, created by whichever process needs it first. */
  const daySecret = async (day: string, candidate: string): Promise<string> => {
    await knex().raw(`insert into ?? (day, secret) values (?, ?) on conflict (day) do nothing`, [
      table(TABLES.keys),
      day,
      candidate,
    ]);
    const row = (await knex().select('secret').from(table(TABLES.keys)).where({ day }).first()) as { secret: string };
    return row.secret;
  };

  return { ensureTables, applyBatch, totals, recentTotals, series, top, forget, prune, daySecret };
};

/** Rows of a raw query result: PostgreSQL wraps them in `rows`, SQLite returns the array. */
const rowsOf = (result: unknown): Array<Record<string, unknown>> =>
  Array.isArray(result) ? result : ((result as { rows?: Array<Record<string, unknown>> }).rows ?? []);

export type ViewStoreService = ReturnType<typeof createViewStore>;
