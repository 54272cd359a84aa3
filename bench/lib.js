'use strict';
/**
 * Shared plumbing for the benchmarks: a throwaway PostgreSQL database, the app started as
 * its own production process on it, and autocannon runs. Traffic goes to 127.0.0.1 only and
 * every run is bounded in requests and time.
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { generateSecrets } = require('../scripts/ensure-env');
const autocannon = require('autocannon');
const { Client } = require('pg');
const { compileStrapi } = require('@strapi/strapi');

const ROOT = path.resolve(__dirname, '..');
const RESULTS_DIR = path.join(ROOT, '.tmp', 'bench');
const ADMIN_URL = process.env.BENCH_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

const log = (...parts) => process.stdout.write(`${parts.join(' ')}\n`);

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const withAdmin = async (work) => {
  const client = new Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
};

const createDatabase = async (prefix) => {
  const name = `${prefix}_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
};

const postgresVersion = () => withAdmin(async (client) => (await client.query('show server_version')).rows[0].server_version.split(' ')[0]);

const SECRETS = generateSecrets();

/** Starts the compiled app as a production process on `databaseUrl`; resolves once healthy. */
const startApp = async (databaseUrl, env = {}) => {
  const port = await freePort();
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const logFile = fs.openSync(path.join(RESULTS_DIR, `app-${port}.log`), 'w');
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve-app.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...SECRETS,
      NODE_ENV: 'production',
      STRAPI_TELEMETRY_DISABLED: 'true',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_CLIENT: 'postgres',
      DATABASE_URL: databaseUrl,
      ...env,
    },
    stdio: ['ignore', logFile, logFile],
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The app exited (${child.exitCode}); see ${RESULTS_DIR}/app-${port}.log`);
    if (Date.now() > deadline) throw new Error('The app did not become healthy within 90 s');
    try {
      if ((await fetch(`${url}/_health`)).status === 204) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
};

/** One autocannon run; resolves with its result. */
const cannon = (options) =>
  new Promise((resolve, reject) => {
    autocannon({ timeout: 10, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });

/** Compiles the app's TypeScript into dist/ (the app is started from dist/). */
const compile = () => compileStrapi({ appDir: ROOT });

const machine = () => {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model?.trim() ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
};

const writeResult = (name, result) => {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ ...result, machine: machine(), at: new Date().toISOString() }, null, 2)}\n`);
  return file;
};

const browserUserAgent = (n) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.${n} Safari/537.36`;

module.exports = { ROOT, log, createDatabase, startApp, cannon, compile, machine, writeResult, browserUserAgent, postgresVersion };
