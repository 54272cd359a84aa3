/** @type {import('jest').Config} */
const tsTransform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tests/tsconfig.json' }],
};

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
  ],
};
