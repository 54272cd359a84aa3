'use strict';
/**
 * Runs the compiled app as its own process, the way `strapi start` does (createStrapi +
 * start, SIGTERM/SIGINT handled by Strapi's graceful destroy), without the admin panel.
 * Tests and benchmarks use it for restarts, kill -9 and several processes on one database.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel: false })
  .start()
  .catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });
