#!/usr/bin/env node
'use strict';
/**
 * npm run bench:views — how fast views are recorded, compared with the same process's
 * /_health and a one-article public GET, and whether every acknowledged view is counted.
 *
 * Starts the app on a fresh PostgreSQL database (or uses BENCH_URL), drives it with
 * autocannon from this machine (127.0.0.1 only, bounded runs) and prints one table.
 */
const { log, createDatabase, startApp, cannon, compile, machine, writeResult, browserUserAgent } = require('./lib');

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const DURATION_S = Number(process.env.BENCH_DURATION || 10);
const VIEWS = Number(process.env.BENCH_VIEWS || 12_000);
const LATENCY_VIEWS = Number(process.env.BENCH_LATENCY_VIEWS || 3_000);

let visitor = 0;
/** Each request is a new visitor: its own address (behind the trusted proxy) and browser. */
const viewRequests = (documentId, acknowledged) => [
  {
    method: 'POST',
    setupRequest: (request) => {
      visitor += 1;
      return {
        ...request,
        headers: {
          'content-type': 'text/plain;charset=UTF-8',
          'user-agent': browserUserAgent(visitor),
          'x-forwarded-for': `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`,
        },
        body: JSON.stringify({ type: 'article', documentId }),
      };
    },
    onResponse: (status) => {
      if (status === 202) acknowledged.count += 1;
    },
  },
];

const totalViews = async (url, documentId) => {
  const response = await fetch(`${url}/api/view-counter/views/article/${documentId}?days=1`);
  return (await response.json()).total;
};

const main = async () => {
  let database = null;
  let app = null;
  let url = process.env.BENCH_URL;
  try {
    if (!url) {
      log('Compiling and starting the app on a fresh PostgreSQL database...');
      await compile();
      database = await createDatabase('silk_bench_views');
      app = await startApp(database.url, { TRUST_PROXY: 'true', SEED_DEMO_CONTENT: 'true' });
      url = app.url;
    }
    const articles = await (await fetch(`${url}/api/articles?filters[slug][$eq]=recent-china-us-talks`)).json();
    const documentId = articles.data?.[0]?.documentId;
    if (!documentId) throw new Error('The demo article "recent-china-us-talks" is missing: seed the database first');
    const before = await totalViews(url, documentId);

    await cannon({ url: `${url}/_health`, connections: CONNECTIONS, duration: 2 }); // warm-up
    const health = await cannon({ url: `${url}/_health`, connections: CONNECTIONS, duration: DURATION_S });
    const article = await cannon({ url: `${url}/api/articles/${documentId}`, connections: CONNECTIONS, duration: DURATION_S });

    const acknowledged = { count: 0 };
    const sentBefore = visitor;
    const record = await cannon({
      url: `${url}/api/view-counter/views`,
      connections: CONNECTIONS,
      amount: VIEWS,
      requests: viewRequests(documentId, acknowledged),
    });
    const latency = await cannon({
      url: `${url}/api/view-counter/views`,
      connections: 10,
      amount: LATENCY_VIEWS,
      requests: viewRequests(documentId, acknowledged),
    });
    const sent = visitor - sentBefore;

    await new Promise((resolve) => setTimeout(resolve, 2_500)); // one flush interval and some
    const counted = (await totalViews(url, documentId)) - before;

    const result = {
      healthRps: health.requests.average,
      articleRps: article.requests.average,
      recordRps: record.requests.average,
      recordP99At50Ms: record.latency.p99,
      recordP99At10Ms: latency.latency.p99,
      recordErrors: record.non2xx + record.errors + latency.non2xx + latency.errors,
      sent,
      acknowledged: acknowledged.count,
      counted,
      lost: acknowledged.count - counted,
    };
    result.ratioToArticle = result.recordRps / result.articleRps;
    result.ratioToHealth = result.recordRps / result.healthRps;

    const row = (name, value, target) => log(`| ${name.padEnd(42)} | ${String(value).padStart(12)} | ${target.padEnd(14)} |`);
    log('');
    log(`View counter benchmark — PostgreSQL, ${CONNECTIONS} connections, ${machine()}`);
    log(`| ${'measure'.padEnd(42)} | ${'value'.padStart(12)} | ${'target'.padEnd(14)} |`);
    log(`|${'-'.repeat(44)}|${'-'.repeat(14)}|${'-'.repeat(16)}|`);
    row('GET /_health (req/s)', health.requests.average.toFixed(0), '');
    row('GET one article (req/s)', article.requests.average.toFixed(0), '');
    row(`POST view, ${CONNECTIONS} connections (views/s)`, record.requests.average.toFixed(0), '');
    row('POST view p99 at 10 connections (ms)', latency.latency.p99, '< 50');
    row('views/s ÷ article req/s', result.ratioToArticle.toFixed(2), '>= 1.0');
    row('views/s ÷ /_health req/s', result.ratioToHealth.toFixed(2), '>= 0.8 stretch');
    row('views sent', sent, '');
    row('views acknowledged (202)', acknowledged.count, '= sent');
    row('views counted', counted, '= sent');
    row('lost (acknowledged − counted)', result.lost, '0');
    log('');
    log(`Results written to ${writeResult('views', result)}`);
    if (result.lost !== 0 || counted !== sent) process.exitCode = 1;
  } finally {
    await app?.stop();
    await database?.drop();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
