import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end journeys in a real Chromium.
 *
 * By default two servers are started from one build: the blog's own content (`content/`) and a
 * fixture blog (`e2e/fixtures/content`) with many posts, drafts and future posts, so the real
 * content stays the owner's. With E2E_BASE_URL set, no server is started and only the read-only
 * journeys (tagged @read-only) run against that address, e.g. a deployed blog.
 */
const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '');
const sitePort = Number(process.env.E2E_PORT ?? 3100);
const fixturePort = sitePort + 1;

// Debian's chromium where there is one; CHROMIUM_PATH overrides; otherwise Playwright's own browser.
const executablePath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

const launchOptions = {
  executablePath,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

function server(port: number, env: Record<string, string>) {
  return {
    command: 'node scripts/start.mjs',
    url: `http://127.0.0.1:${port}/robots.txt`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    env: { PORT: String(port), HOST: '127.0.0.1', SITE_URL: `http://127.0.0.1:${port}`, ...env },
  };
}

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  use: { trace: 'retain-on-failure', launchOptions },
  grep: externalBaseUrl ? /@read-only/ : undefined,
  projects: [
    {
      name: 'site',
      testIgnore: /fixtures\//,
      testMatch: /.*\.spec\.ts/,
      use: { ...devices['Desktop Chrome'], baseURL: externalBaseUrl ?? `http://127.0.0.1:${sitePort}` },
      grepInvert: /@fixture-blog/,
    },
    ...(externalBaseUrl
      ? []
      : [
          {
            name: 'fixture-blog',
            testMatch: /.*\.spec\.ts/,
            grep: /@fixture-blog/,
            use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${fixturePort}` },
          },
        ]),
  ],
  webServer: externalBaseUrl
    ? undefined
    : [server(sitePort, {}), server(fixturePort, { CONTENT_DIR: 'e2e/fixtures/content' })],
});
