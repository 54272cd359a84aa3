import { spawn } from 'child_process';
import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import { APP_ROOT, baseTestEnv } from '../../helpers/app';

/** Where `strapi build` writes the admin panel and where the server serves it from. */
export const ADMIN_BUILD_DIR = path.join(APP_ROOT, 'dist', 'build');
/** Hidden, so the admin's static file server never serves it. */
const STAMP_FILE = path.join(ADMIN_BUILD_DIR, '.inputs.sha256');

const filesUnder = (target: string): string[] => {
  if (!fs.existsSync(target)) return [];
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs
    .readdirSync(target)
    .filter((name) => name !== 'node_modules')
    .sort()
    .flatMap((name) => filesUnder(path.join(target, name)));
};

/**
 * Everything the admin bundle is made from: installed packages (the lockfile), the app's
 * config and admin customisations, and each local plugin's built admin (so
 * `scripts/build-plugins.js` must run first), plus the env vars Strapi bakes into the bundle.
 */
const adminInputs = () => {
  const pluginsDir = path.join(APP_ROOT, 'src', 'plugins');
  const plugins = fs.existsSync(pluginsDir) ? fs.readdirSync(pluginsDir).sort() : [];
  return [
    path.join(APP_ROOT, 'package-lock.json'),
    ...filesUnder(path.join(APP_ROOT, 'config')),
    ...filesUnder(path.join(APP_ROOT, 'src', 'admin')),
    ...plugins.flatMap((name) => [
      ...filesUnder(path.join(pluginsDir, name, 'package.json')),
      ...filesUnder(path.join(pluginsDir, name, 'dist', 'admin')),
    ]),
  ];
};

const bakedEnv = () =>
  Object.entries(process.env)
    .filter(([name]) => name.startsWith('STRAPI_ADMIN_') || name === 'PUBLIC_URL')
    .sort(([a], [b]) => a.localeCompare(b));

export const adminInputsHash = () => {
  const hash = crypto.createHash('sha256');
  for (const file of adminInputs()) {
    hash.update(path.relative(APP_ROOT, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  }
  hash.update(JSON.stringify(bakedEnv()));
  return hash.digest('hex');
};

const isCurrent = (hash: string) =>
  fs.existsSync(path.join(ADMIN_BUILD_DIR, 'index.html')) &&
  fs.existsSync(STAMP_FILE) &&
  fs.readFileSync(STAMP_FILE, 'utf8').trim() === hash;

const runStrapiBuild = () =>
  new Promise<void>((resolve, reject) => {
    const cli = path.join(path.dirname(require.resolve('@strapi/strapi/package.json')), 'bin', 'strapi.js');
    // Fresh secrets: loading the config needs them, a clean clone has no .env, and the
    // bundle does not contain them.
    const child = spawn(process.execPath, [cli, 'build'], {
      cwd: APP_ROOT,
      env: { ...baseTestEnv(), ...process.env, NODE_ENV: 'production', STRAPI_TELEMETRY_DISABLED: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`strapi build exited with ${code}:\n${output}`)),
    );
  });

/**
 * Builds the admin panel (about a minute) unless dist/build was made from the same inputs.
 * Returns whether it built.
 */
export const ensureAdminBuild = async (log: (line: string) => void = () => undefined) => {
  const hash = adminInputsHash();
  if (isCurrent(hash)) return false;
  const started = Date.now();
  log('Building the admin panel for the e2e tests (strapi build)...');
  await runStrapiBuild();
  fs.writeFileSync(STAMP_FILE, `${hash}\n`);
  log(`Built the admin panel in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
};
