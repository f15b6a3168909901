import { defineConfig } from 'vitest/config';

const dataTests = ['**/*.int.test.ts'];
const ignored = ['**/node_modules/**', '**/dist/**', 'tests/browser/**', 'tests/bench/**'];

/** What both data projects share: one platform per project, each file from a client address of its own. */
const dataProject = {
  exclude: ignored,
  setupFiles: ['tests/support/client-address.ts'],
  testTimeout: 120_000,
  hookTimeout: 120_000,
};

/**
 * unit: no database. embedded / postgres: the same data tests, once on the embedded PostgreSQL the project
 * starts itself (domain events on the local bus), once on the external server (GEMENG_TEST_POSTGRES_URL, default
 * the CI's 127.0.0.1:5432; domain events on NATS JetStream). Each data project starts ONE platform in its global
 * setup, which its files share (tests/support/shared-stack.ts): files run in parallel, isolated by their own data.
 */
export default defineConfig({
  test: {
    // The platform's processes do most of the work; test files mostly wait for them (2 cores in CI).
    maxWorkers: Number(process.env.GEMENG_TEST_WORKERS) || 3,
    projects: [
      { test: { name: 'unit', include: ['**/*.unit.test.ts'], exclude: ignored } },
      {
        test: {
          name: 'embedded',
          include: [...dataTests, '**/*.embedded.test.ts'],
          globalSetup: ['tests/support/global-embedded.ts'],
          ...dataProject,
        },
      },
      {
        test: {
          name: 'postgres',
          include: dataTests,
          globalSetup: ['tests/support/global-postgres.ts'],
          ...dataProject,
        },
      },
    ],
  },
});
