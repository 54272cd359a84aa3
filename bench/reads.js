#!/usr/bin/env node
'use strict';
/**
 * npm run bench:reads — public reads a frontend makes, with the view counter on and off:
 * one article with all its relations (by slug, as a page would ask) and the article list.
 * Each variant runs in its own process on the same seeded PostgreSQL database; medians of
 * BENCH_ROUNDS (3) alternating rounds are compared.
 */
const { log, createDatabase, startApp, cannon, compile, machine, writeResult } = require('./lib');

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 50);
const DURATION_S = Number(process.env.BENCH_DURATION || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

const ARTICLE_PAGE =
  '/api/articles?filters[slug][$eq]=recent-china-us-talks&populate[publisher]=true&populate[officials]=true' +
  '&populate[organizations]=true&populate[statements]=true&populate[meetings]=true' +
  '&populate[sources][populate][publisher]=true&populate[seo]=true';
const ARTICLE_LIST = '/api/articles?sort=publishedAt:desc&pagination[pageSize]=10&fields[0]=title&fields[1]=slug&fields[2]=excerpt&fields[3]=publishedAt';

const measure = async (url) => {
  await cannon({ url: `${url}${ARTICLE_PAGE}`, connections: CONNECTIONS, duration: 2 }); // warm-up
  const page = await cannon({ url: `${url}${ARTICLE_PAGE}`, connections: CONNECTIONS, duration: DURATION_S });
  const list = await cannon({ url: `${url}${ARTICLE_LIST}`, connections: CONNECTIONS, duration: DURATION_S });
  if (page.non2xx || list.non2xx) throw new Error(`Non-2xx answers: ${page.non2xx + list.non2xx}`);
  return { pageRps: page.requests.average, pageP99Ms: page.latency.p99, listRps: list.requests.average, listP99Ms: list.latency.p99 };
};

const main = async () => {
  log('Compiling, seeding a fresh PostgreSQL database with the demo content...');
  await compile();
  const database = await createDatabase('silk_bench_reads');
  try {
    // Alternate the variants, several rounds, and compare medians: run-to-run noise on a
    // shared 2-core machine is about ±10%, as large as the effect being measured.
    const runs = { with: [], without: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [name, enabled] of [['with', 'true'], ['without', 'false']]) {
        const app = await startApp(database.url, { SEED_DEMO_CONTENT: 'true', VIEW_COUNTER_ENABLED: enabled });
        try {
          runs[name].push(await measure(app.url));
        } finally {
          await app.stop();
        }
      }
    }
    const median = (name, key) => {
      const values = runs[name].map((run) => run[key]).sort((a, b) => a - b);
      return values[Math.floor(values.length / 2)];
    };
    const result = {
      pageRpsWith: median('with', 'pageRps'),
      pageRpsWithout: median('without', 'pageRps'),
      listRpsWith: median('with', 'listRps'),
      listRpsWithout: median('without', 'listRps'),
      pageP99MsWith: median('with', 'pageP99Ms'),
      listP99MsWith: median('with', 'listP99Ms'),
      rounds: ROUNDS,
      runs,
    };
    result.pageSlowdown = 1 - result.pageRpsWith / result.pageRpsWithout;
    result.listSlowdown = 1 - result.listRpsWith / result.listRpsWithout;

    const pct = (value) => `${(value * 100).toFixed(1)}%`;
    log('');
    log(`Public read benchmark — PostgreSQL, ${CONNECTIONS} connections, ${machine()}`);
    log(`| request | view counter on (req/s, median of ${ROUNDS}) | off (req/s) | slower by | target |`);
    log('|---|---|---|---|---|');
    log(`| article page (by slug, all relations) | ${result.pageRpsWith.toFixed(0)} | ${result.pageRpsWithout.toFixed(0)} | ${pct(result.pageSlowdown)} | <= 10% |`);
    log(`| article list (10 per page) | ${result.listRpsWith.toFixed(0)} | ${result.listRpsWithout.toFixed(0)} | ${pct(result.listSlowdown)} | |`);
    log('');
    log(`Results written to ${writeResult('reads', result)}`);
    if (result.pageSlowdown > 0.1) process.exitCode = 1;
  } finally {
    await database.drop();
  }
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
