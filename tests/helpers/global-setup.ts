import path from 'path';
import { compileStrapi } from '@strapi/strapi';

/** Compiles the app's TypeScript into dist/ once; every test file then boots from it. */
export default async function globalSetup() {
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  await compileStrapi({ appDir: path.resolve(__dirname, '..', '..') });
}
