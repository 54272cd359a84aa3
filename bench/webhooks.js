#!/usr/bin/env node
'use strict';
/**
 * npm run bench:webhooks — publishes 1,000 articles through the REST API and measures the
 * signed webhooks a local partner receives: delivered, duplicated, lost, and the time from
 * publishing to receipt. Starts the app on a fresh PostgreSQL database.
 */
const http = require('http');
const { Webhook } = require('standardwebhooks');
const { log, createDatabase, startApp, compile, machine, writeResult } = require('./lib');
const { json, registerFirstAdmin, createApiToken } = require('./admin-session');

const ARTICLES = Number(process.env.BENCH_ARTICLES || 1000);
const CONCURRENCY = Number(process.env.BENCH_PUBLISH_CONCURRENCY || 10);
const RECEIPT_TIMEOUT_MS = 180_000;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** The partner: verifies every signature and notes when each event arrived. */
const startPartner = () =>
  new Promise((resolve) => {
    const receipts = [];
    let verifier = null;
    let badSignatures = 0;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        const at = Date.now();
        try {
          const event = verifier.verify(body, req.headers);
          receipts.push({ at, id: event.id, type: event.type, title: event.data?.title });
        } catch {
          badSignatures += 1;
        }
        res.writeHead(204).end();
      });
    });
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${server.address().port}/webhooks`,
        receipts,
        setSecret: (secret) => (verifier = new Webhook(secret)),
        badSignatures: () => badSignatures,
        close: () => new Promise((done) => server.close(done)),
      }),
    );
  });

const main = async () => {
  log('Compiling and starting the app on a fresh PostgreSQL database...');
  await compile();
  const database = await createDatabase('silk_bench_webhooks');
  const partner = await startPartner();
  const app = await startApp(database.url, { SYNDICATION_ALLOW_PRIVATE_TARGETS: 'true', SEED_DEMO_CONTENT: 'false' });
  try {
    const admin = await registerFirstAdmin(app.url);
    const token = await createApiToken(app.url, admin);
    const subscriber = await json(
      await fetch(`${app.url}/content-manager/collection-types/plugin::syndication.subscriber`, {
        method: 'POST',
        headers: { ...admin, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Benchmark partner', url: partner.url }),
      }),
    );
    partner.setSecret(subscriber.data.secret);

    log(`Publishing ${ARTICLES} articles, ${CONCURRENCY} at a time...`);
    const publishedAt = new Map();
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ARTICLES) {
          const n = next;
          next += 1;
          const title = `Benchmark article ${n}`;
          publishedAt.set(title, Date.now());
          await json(
            await fetch(`${app.url}/api/articles`, {
              method: 'POST',
              headers: { ...token, 'content-type': 'application/json' },
              body: JSON.stringify({ data: { title, excerpt: `Article number ${n}` } }),
            }),
          );
        }
      }),
    );
    const publishSeconds = (Date.now() - started) / 1000;

    const deadline = Date.now() + RECEIPT_TIMEOUT_MS;
    const published = () => partner.receipts.filter((r) => r.type === 'article.published');
    while (new Set(published().map((r) => r.id)).size < ARTICLES && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await new Promise((resolve) => setTimeout(resolve, 3_000)); // any duplicate would arrive now

    const receipts = published();
    const firstReceipt = new Map();
    for (const receipt of receipts) if (!firstReceipt.has(receipt.id)) firstReceipt.set(receipt.id, receipt);
    const latencies = [...firstReceipt.values()]
      .map((receipt) => receipt.at - publishedAt.get(receipt.title))
      .sort((a, b) => a - b);
    const result = {
      published: ARTICLES,
      delivered: firstReceipt.size,
      duplicated: receipts.length - firstReceipt.size,
      lost: ARTICLES - firstReceipt.size,
      badSignatures: partner.badSignatures(),
      publishPerSecond: ARTICLES / publishSeconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1],
    };
    const row = (name, value, target) => log(`| ${name.padEnd(36)} | ${String(value).padStart(10)} | ${target.padEnd(10)} |`);
    log('');
    log(`Webhook benchmark — PostgreSQL, ${machine()}`);
    log(`| ${'measure'.padEnd(36)} | ${'value'.padStart(10)} | ${'target'.padEnd(10)} |`);
    log(`|${'-'.repeat(38)}|${'-'.repeat(12)}|${'-'.repeat(12)}|`);
    row('articles published', ARTICLES, '');
    row('publishes per second (REST, c=10)', result.publishPerSecond.toFixed(0), '');
    row('events delivered', result.delivered, `${ARTICLES}`);
    row('duplicates', result.duplicated, '0');
    row('lost', result.lost, '0');
    row('bad signatures', result.badSignatures, '0');
    row('publish → receipt p50 (ms)', result.p50Ms, '< 1000');
    row('publish → receipt p99 (ms)', result.p99Ms, '');
    log('');
    log(`Results written to ${writeResult('webhooks', result)}`);
    if (result.lost || result.duplicated || result.badSignatures || result.p50Ms >= 1000) process.exitCode = 1;
  } finally {
    await app.stop();
    await partner.close();
    await database.drop();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
