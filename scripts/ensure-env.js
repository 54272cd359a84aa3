#!/usr/bin/env node
'use strict';
/**
 * Makes sure .env exists and holds every secret Strapi needs. A fresh clone has no .env:
 * this writes one from .env.example with fresh random secrets and says so. An existing
 * .env is only completed, never overwritten. The tests and benchmarks take their secrets
 * from `generateSecrets()`.
 */
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const envFile = path.join(root, '.env');
const exampleFile = path.join(root, '.env.example');

const secret = () => crypto.randomBytes(24).toString('base64');
const generators = {
  APP_KEYS: () => [secret(), secret(), secret(), secret()].join(','),
  ADMIN_JWT_SECRET: secret,
  API_TOKEN_SALT: secret,
  TRANSFER_TOKEN_SALT: secret,
  JWT_SECRET: secret,
  ENCRYPTION_KEY: secret,
};

/** A fresh value for every secret Strapi needs, by env var name. */
const generateSecrets = () => Object.fromEntries(Object.entries(generators).map(([name, generate]) => [name, generate()]));

const valueOf = (text, name) => {
  const match = text.match(new RegExp(`^${name}=(.*)$`, 'm'));
  return match ? match[1].trim() : '';
};

const isMissing = (text, name) => {
  const value = valueOf(text, name);
  return value === '' || value === 'generate-me';
};

const fill = (text) => {
  let result = text;
  const filled = [];
  for (const [name, generate] of Object.entries(generators)) {
    if (process.env[name] || !isMissing(result, name)) continue;
    const line = `${name}=${generate()}`;
    result = new RegExp(`^${name}=.*$`, 'm').test(result)
      ? result.replace(new RegExp(`^${name}=.*$`, 'm'), line)
      : `${result.replace(/\n?$/, '\n')}${line}\n`;
    filled.push(name);
  }
  return { result, filled };
};

const ensureEnv = () => {
  if (!fs.existsSync(envFile)) {
    const template = fs.readFileSync(exampleFile, 'utf8');
    const { result } = fill(template);
    fs.writeFileSync(envFile, result, { mode: 0o600 });
    process.stdout.write(`Created .env from .env.example with fresh random secrets (${Object.keys(generators).join(', ')}).\n`);
  } else {
    const { result, filled } = fill(fs.readFileSync(envFile, 'utf8'));
    if (filled.length > 0) {
      fs.writeFileSync(envFile, result);
      process.stdout.write(`Added missing secrets to .env: ${filled.join(', ')}.\n`);
    }
  }
};

if (require.main === module) ensureEnv();

module.exports = { generateSecrets };
