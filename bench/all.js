#!/usr/bin/env node
'use strict';
/**
 * npm run bench — runs every benchmark (views, public reads, webhooks) against the app on
 * PostgreSQL, one after the other, and writes their figures as a markdown table into the
 * README's performance section (between the bench:start / bench:end markers).
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ROOT, machine, postgresVersion } = require('./lib');

const RESULTS = path.join(ROOT, '.tmp', 'bench');
const README = path.join(ROOT, 'README.md');
const BENCHMARKS = ['views', 'reads', 'webhooks'];

const main = async () => {
  let failed = false;
  for (const name of BENCHMARKS) {
    process.stdout.write(`\n=== bench:${name}\n`);
    try {
      execFileSync(process.execPath, [path.join(__dirname, `${name}.js`)], { stdio: 'inherit', cwd: ROOT });
    } catch {
      failed = true; // a missed target; the table still shows the figures
    }
  }

  const read = (name) => JSON.parse(fs.readFileSync(path.join(RESULTS, `${name}.json`), 'utf8'));
  const views = read('views');
  const reads = read('reads');
  const hooks = read('webhooks');
  const n = (value) => Math.round(value).toLocaleString('en-US');
  const slower = (value) => (value >= 0 ? `${(value * 100).toFixed(1)}% slower` : `${(-value * 100).toFixed(1)}% faster`);
  const ok = (pass) => (pass ? 'met' : '**missed**');

  const table = [
    `Measured by \`npm run bench\` on ${new Date(views.at).toISOString().slice(0, 10)}: ${machine()}, PostgreSQL ${await postgresVersion()}, app and load generator on the same machine (127.0.0.1).`,
    '',
    '| benchmark | measure | result | target |',
    '|---|---|---|---|',
    `| views | \`GET /_health\`, 50 connections | ${n(views.healthRps)} req/s | |`,
    `| views | one article \`GET /api/articles/:id\`, 50 connections | ${n(views.articleRps)} req/s | |`,
    `| views | record a view \`POST /api/view-counter/views\`, 50 connections | ${n(views.recordRps)} views/s | |`,
    `| views | ratio to the article GET | ${views.ratioToArticle.toFixed(2)} | ≥ 1.0: ${ok(views.ratioToArticle >= 1)} |`,
    `| views | ratio to \`/_health\` | ${views.ratioToHealth.toFixed(2)} | ≥ 0.8 (stretch): ${ok(views.ratioToHealth >= 0.8)} |`,
    `| views | p99 latency at 10 connections | ${views.recordP99At10Ms} ms | < 50 ms: ${ok(views.recordP99At10Ms < 50)} |`,
    `| views | sent / acknowledged / counted | ${n(views.sent)} / ${n(views.acknowledged)} / ${n(views.counted)} | all equal: ${ok(views.sent === views.counted && views.lost === 0)} |`,
    `| reads | article page by slug with all relations, counter on / off (medians of ${reads.rounds} rounds) | ${n(reads.pageRpsWith)} / ${n(reads.pageRpsWithout)} req/s (${slower(reads.pageSlowdown)}) | ≤ 10%: ${ok(reads.pageSlowdown <= 0.1)} |`,
    `| reads | article list, 10 per page, counter on / off | ${n(reads.listRpsWith)} / ${n(reads.listRpsWithout)} req/s (${slower(reads.listSlowdown)}) | |`,
    `| webhooks | ${n(hooks.published)} articles published: delivered / duplicated / lost | ${n(hooks.delivered)} / ${hooks.duplicated} / ${hooks.lost} | all, 0, 0: ${ok(hooks.delivered === hooks.published && !hooks.duplicated && !hooks.lost)} |`,
    `| webhooks | publish → receipt p50 / p99 | ${n(hooks.p50Ms)} ms / ${n(hooks.p99Ms)} ms | p50 < 1 s: ${ok(hooks.p50Ms < 1000)} |`,
  ].join('\n');

  const readme = fs.readFileSync(README, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!readme.includes(start) || !readme.includes(end)) throw new Error(`README.md lacks the ${start} / ${end} markers`);
  fs.writeFileSync(
    README,
    `${readme.slice(0, readme.indexOf(start) + start.length)}\n${table}\n${readme.slice(readme.indexOf(end))}`,
  );
  process.stdout.write(`\n${table}\n\nWritten to README.md\n`);
  if (failed) process.exitCode = 1;
};

main().catch((error) => {
  process.stderr.write(`${error.stack || error}\n`);
  process.exit(1);
});
