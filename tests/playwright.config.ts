import { defineConfig } from '@playwright/test';
import { browserFromEnvironment } from './support/chromium.ts';

/** Each database's run writes its own results, so that the two runs may go side by side. */
const database = process.env.GEMENG_TEST_DATABASE === 'postgres' ? 'postgres' : 'embedded';

/**
 * Browser tests against the real stack (database, subgraphs, router, shell), started once by
 * browser/global-setup.ts. Playwright cannot download browsers here: the global setup chooses CHROMIUM_PATH, a
 * system Chromium or the one inside @sparticuz/chromium (support/chromium.ts) and hands it to the workers.
 */
export default defineConfig({
  testDir: './browser',
  testMatch: '**/*.test.ts',
  globalSetup: './browser/global-setup.ts',
  outputDir: `../.gemeng/playwright/${database}/results`,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // One shared stack on small CI machines: two workers keep the router responsive.
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: `../.gemeng/playwright/${database}/report` }]]
    : 'list',
  use: {
    headless: true,
    // A fixed locale and time zone, so the language the shell negotiates does not depend on the machine.
    locale: 'en-GB',
    timezoneId: 'America/New_York',
    // Tracing records every action of every test (DOM snapshots, screencast): measured here, it doubled the
    // workers' and Chromium's CPU time. A failure keeps a screenshot; to debug one, run it again with
    // `--trace retain-on-failure`.
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: browserFromEnvironment(),
  },
});
