'use strict';
/**
 * Runs the compiled app as its own process, the way `strapi start` does (createStrapi +
 * start, SIGTERM/SIGINT handled by Strapi's graceful destroy), without the admin panel
 * unless SERVE_ADMIN=true (the browser tests; it needs the admin built into dist/build).
 * Tests and benchmarks use it for restarts, kill -9 and several processes on one database.
 */
const path = require('path');
const { createStrapi } = require('@strapi/strapi');

const appDir = path.resolve(__dirname, '..');
const serveAdminPanel = process.env.SERVE_ADMIN === 'true';
createStrapi({ appDir, distDir: path.join(appDir, 'dist'), autoReload: false, serveAdminPanel })
  .start()
  .catch((error) => {
    process.stderr.write(`${error.stack || error}\n`);
    process.exit(1);
  });
