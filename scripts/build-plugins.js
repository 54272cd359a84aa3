#!/usr/bin/env node
'use strict';
/**
 * Builds the local plugins in src/plugins with the Strapi plugin SDK. Strapi loads a local
 * plugin from its built dist/ and silently skips one that was never built, so every script
 * that starts or tests the app runs this first. A plugin whose dist/ is newer than all of
 * its sources is left alone; `--force` rebuilds everything.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const pluginsDir = path.resolve(__dirname, '..', 'src', 'plugins');
const sdkPackage = require.resolve('@strapi/sdk-plugin/package.json');
const sdkCli = path.join(path.dirname(sdkPackage), 'bin', 'strapi-plugin.js');
const force = process.argv.includes('--force');
const SOURCE_DIRS = ['admin', 'server'];
const SOURCE_FILES = ['package.json', 'tsconfig.json', 'tsconfig.build.json'];

const newestMtime = (target) => {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return fs
    .readdirSync(target)
    .filter((name) => name !== 'node_modules' && name !== 'dist')
    .reduce((newest, name) => Math.max(newest, newestMtime(path.join(target, name))), stat.mtimeMs);
};

const oldestBuildOutput = (pluginDir) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(pluginDir, 'package.json'), 'utf8'));
  const outputs = Object.values(pkg.exports || {})
    .filter((entry) => entry && typeof entry === 'object')
    .map((entry) => path.join(pluginDir, entry.require || entry.default));
  if (outputs.length === 0 || outputs.some((file) => !fs.existsSync(file))) return 0;
  return Math.min(...outputs.map((file) => fs.statSync(file).mtimeMs));
};

const plugins = fs.existsSync(pluginsDir)
  ? fs.readdirSync(pluginsDir).filter((name) => fs.existsSync(path.join(pluginsDir, name, 'package.json')))
  : [];

for (const name of plugins) {
  const pluginDir = path.join(pluginsDir, name);
  const sources = Math.max(
    ...SOURCE_DIRS.map((dir) => newestMtime(path.join(pluginDir, dir))),
    ...SOURCE_FILES.map((file) => newestMtime(path.join(pluginDir, file))),
  );
  if (!force && oldestBuildOutput(pluginDir) > sources) continue;
  process.stdout.write(`Building plugin ${name}...\n`);
  const started = Date.now();
  execFileSync(process.execPath, [sdkCli, 'build', '--silent'], { cwd: pluginDir, stdio: 'inherit' });
  process.stdout.write(`Built plugin ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
