import { defineConfig } from 'vitest/config';

const dataTests = ['**/*.int.test.ts'];
const ignored = ['**/node_modules/**', '**/dist/**', 'tests/browser/**', 'tests/bench/**'];

/**
 * unit: no database. embedded / postgres: the same data tests, once on the embedded PostgreSQL the project
 * starts itself, once on the external server (GEMENG_TEST_POSTGRES_URL, default the CI's 127.0.0.1:5432).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['**/*.unit.test.ts'], exclude: ignored } },
      {
        test: {
          name: 'embedded',
          include: [...dataTests, '**/*.embedded.test.ts'],
          exclude: ignored,
          globalSetup: ['tests/support/global-embedded.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: dataTests,
          exclude: ignored,
          globalSetup: ['tests/support/global-postgres.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
