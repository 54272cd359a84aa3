import compileApp from '../helpers/global-setup';
import { ensureAdminBuild } from './helpers/admin-build';

/**
 * Compiles the app into dist/ (like the integration tests) and builds the admin panel the
 * browser tests open, unless dist/build is already made from the same inputs. The local
 * plugins must be built first (`pretest:e2e` runs scripts/build-plugins.js).
 */
export default async function globalSetup() {
  await compileApp();
  await ensureAdminBuild((line) => process.stdout.write(`\n${line}\n`));
}
