/** @type {import('jest').Config} */
const tsTransform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }],
};

/**
 * Real browser (Chromium) against the app with its admin panel: it needs the admin built
 * and a browser installed, so plain `jest` / `npm test` never runs it; only selecting the
 * project does (`npm run test:e2e` = `jest --selectProjects e2e`).
 */
const e2eProject = {
  displayName: 'e2e',
  testEnvironment: 'node',
  transform: tsTransform,
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
};
const selectsE2e = process.argv.some(
  (arg, index) =>
    /^--selectProjects=(.*,)?e2e(,|$)/.test(arg) ||
    (arg === 'e2e' && process.argv.slice(0, index).includes('--selectProjects')),
);

module.exports = {
  // Integration tests boot the whole app (and sometimes several processes) per file.
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: tsTransform,
      testMatch: ['<rootDir>/src/**/__tests__/**/*.test.ts'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      transform: tsTransform,
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
    },
    ...(selectsE2e ? [e2eProject] : []),
  ],
};
