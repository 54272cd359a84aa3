import type { Core } from '@strapi/strapi';

interface PoolStats {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Waits until no query runs or waits for a connection. After a write, Strapi emits its
 * document events (entry.create, entry.publish, ...) once the response is gone, loading the
 * entry with all its relations; destroying the pool under those queries fails the test file
 * with "aborted" (PostgreSQL, where they run in parallel on several connections).
 */
export const waitForIdleDatabase = async (strapi: Core.Strapi, timeoutMs = 5_000) => {
  const pool = (strapi.db.connection.client as { pool?: PoolStats }).pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + timeoutMs;
  // Two idle looks in a row: an event's queries come one after another, not all at once.
  for (let idleLooks = 0; idleLooks < 2 && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    idleLooks = busy() ? 0 : idleLooks + 1;
  }
};
