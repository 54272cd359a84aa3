#!/usr/bin/env node
'use strict';
/**
 * npm run seed — loads the demo content (database/demo-content.json) into the configured
 * database. Entries already there (matched by slug) are left as they are, so running it
 * again changes nothing.
 */
const path = require('path');
const { compileStrapi, createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');

const main = async () => {
  // This script loads the content itself; the app's first-boot loader stays out of the way.
  process.env.SEED_DEMO_CONTENT = 'false';
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const { distDir } = await compileStrapi({ appDir });
  const strapi = await createStrapi({ appDir, distDir, autoReload: false, serveAdminPanel: false }).load();
  try {
    const { loadDemoContent } = require(path.join(distDir, 'src', 'demo-content', 'load-demo-content'));
    const report = await loadDemoContent(strapi);
    const line = (counts) => Object.entries(counts).map(([type, count]) => `${count} ${type}`).join(', ');
    process.stdout.write(`Demo content: created ${line(report.created)}; already there ${line(report.existing)}.\n`);
  } finally {
    await strapi.destroy();
  }
};

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  },
);
