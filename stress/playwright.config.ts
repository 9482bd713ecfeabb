import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';

/**
 * `npm run test:stress`: faults and load, each test starting and stopping its own servers and
 * databases (SQLite files in a temporary folder; PostgreSQL databases named quire_stress_* on the
 * TEST_POSTGRES_URL server, default postgresql://postgres@127.0.0.1:5432/test; a private
 * PostgreSQL made with initdb for the outage). Kept out of `npm test`: the default Playwright
 * config only looks in e2e/, and they take minutes and a whole machine.
 * Ports: STRESS_PORT (default 3300) and the next few.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // The load tests alone are about five minutes each on 2 cores; a test past this is stuck.
  timeout: 12 * 60_000,
  // The whole suite is about five minutes in CI; a run three times that long is stuck somewhere.
  globalTimeout: 15 * 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  use: {
    launchOptions: chromiumLaunchOptions,
    // A click or page load that waits this long is stuck; without a bound it would wait for the
    // test's whole timeout and the run would not say which step hung.
    actionTimeout: 30_000,
    navigationTimeout: 60_000,
  },
});
