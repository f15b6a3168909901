import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real stack (database, subgraphs, router, shell), started once by
 * browser/global-setup.ts. Playwright cannot download browsers here: Debian's Chromium is used instead
 * (`apt-get install chromium`, or CHROMIUM_PATH).
 */
export default defineConfig({
  testDir: './browser',
  testMatch: '**/*.test.ts',
  globalSetup: './browser/global-setup.ts',
  outputDir: '../.gemeng/playwright/results',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // One shared stack on small CI machines: two workers keep the router responsive.
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: '../.gemeng/playwright/report' }]]
    : 'list',
  use: {
    headless: true,
    // A fixed locale and time zone, so the language the shell negotiates does not depend on the machine.
    locale: 'en-GB',
    timezoneId: 'America/New_York',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // No sandbox as root in containers; the rest avoids GPU, /dev/shm limits and background traffic.
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    },
  },
});
