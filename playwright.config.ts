import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { FIXTURE_BLOG_FORM_MIN_SECONDS } from './e2e/support/blog';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import type { ReaderPostSource } from './e2e/support/reader-post';

/**
 * End-to-end journeys in a real Chromium.
 *
 * One build serves several blogs side by side, each on a database of its own that is emptied when
 * its server starts:
 * - project `site`: the blog's own `content/` on SQLite (port 3100);
 * - project `fixture-blog`: `e2e/fixtures/content`, with many posts, drafts and scheduled posts, so
 *   the real content stays the owner's (3101; tests tagged @fixture-blog);
 * - project `site-postgres`: the `site` journeys again on PostgreSQL (3102), when TEST_POSTGRES_URL
 *   names a server (e.g. postgresql://postgres@127.0.0.1:5432/test).
 * With E2E_BASE_URL set no server starts, and only journeys tagged @read-only run against that
 * address (a deployed blog).
 */
const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '');
const basePort = Number(process.env.E2E_PORT ?? 3100);
const postgresServer = process.env.TEST_POSTGRES_URL;

function postgresUrl(database: string): string {
  const url = new URL(postgresServer ?? 'postgresql://postgres@127.0.0.1:5432/test');
  url.pathname = `/${database}`;
  return url.toString();
}

interface Blog {
  project: string;
  port: number;
  databaseUrl: string;
  contentDir?: string;
  /** A second instance on an existing database: started without emptying it, and with no project of its own. */
  sharesDatabase?: boolean;
}

const blogs: Blog[] = [
  { project: 'site', port: basePort, databaseUrl: `file:${path.resolve('data/e2e-site.db')}` },
  {
    project: 'fixture-blog',
    port: basePort + 1,
    databaseUrl: `file:${path.resolve('data/e2e-fixture.db')}`,
    contentDir: 'e2e/fixtures/content',
  },
  ...(postgresServer
    ? [
        { project: 'site-postgres', port: basePort + 2, databaseUrl: postgresUrl('quire_e2e_site') },
        // A second app instance on the same PostgreSQL, for the journeys that cross instances.
        { project: '', port: basePort + 3, databaseUrl: postgresUrl('quire_e2e_site'), sharesDatabase: true },
      ]
    : []),
];

const RENDERING_SPECS = [/hardening\/headers/, /reading\.spec/, /feeds\.spec/, /no-javascript\.spec/, /accessibility\.spec/];
/**
 * Journeys whose outcome does not depend on the kind of database (form messages, drafts kept in the
 * browser, the settings form, malformed requests, what a page view asks of the server) run on the
 * SQLite blog only. What each database does is proven on both by the unit suites and by the other journeys.
 */
const DATABASE_INDEPENDENT_SPECS = [
  /journeys\/account-errors/,
  /journeys\/comment-errors/,
  /journeys\/drafts/,
  /journeys\/preview/,
  /moderation\/rules/,
  /performance\/requests/,
];
/**
 * The moderation pages' journeys (the queue, the admin's buttons on a post) run on the SQLite blog
 * only: what moderating changes is proven on both databases by the admin API's journeys, which
 * call the same functions, and by the unit suites.
 */
const MODERATION_PAGE_SPECS = [/moderation\/queue/, /moderation\/post-controls/];
/**
 * Within the journeys both blogs run, the tests (or the variants, such as "without JavaScript") whose
 * database work a sibling test already does are tagged @one-database: they prove a form, a layout
 * or the browser's side, and run on the SQLite blog only.
 */
const ONE_DATABASE_TAG = /@one-database/;
/**
 * Specs that run once, like those above, but on the PostgreSQL blog when there is one, so the two
 * sides of the run (the SQLite blog; the fixture blog, then the PostgreSQL blog) finish together:
 * the payload corpus, who may use the console's doors (neither depends on the database), the
 * keyboard and small-screen journeys, and malformed requests.
 */
const SECOND_SIDE_SPECS = [
  /hardening\/payloads/,
  /moderation\/access/,
  /journeys\/keyboard-and-small-screens/,
  /hardening\/requests/,
];
const secondSideProject = postgresServer ? 'site-postgres' : 'site';

function otherInstanceOf(blog: Blog): string {
  const other = blogs.find((candidate) => candidate.sharesDatabase && candidate.databaseUrl === blog.databaseUrl);
  return other ? `http://127.0.0.1:${other.port}` : '';
}

export interface QuireTestOptions {
  /** The database behind this project's server, for tests that set blog settings directly. */
  databaseUrl: string;
  /** Another app instance serving the same database, where the project has one. */
  otherInstanceUrl: string;
  /** Where the read-only journeys take their post from: the seed post, or the blog's feed. */
  readerPostFrom: ReaderPostSource;
}

export default defineConfig<QuireTestOptions>({
  testDir: 'e2e',
  fullyParallel: false,
  // Each blog runs one test at a time (tests change its settings); with PostgreSQL the SQLite and
  // PostgreSQL blogs run side by side. E2E_WORKERS=1 runs everything one after the other.
  workers: Number(process.env.E2E_WORKERS ?? (postgresServer ? 2 : 1)),
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : [['list']],
  // Recording a trace of every test costs about a tenth of the suite's time on two cores; CI keeps
  // the log and the report's error context instead (rerun a failure with --trace on to get one).
  use: { trace: process.env.CI ? 'off' : 'retain-on-failure', launchOptions: chromiumLaunchOptions },
  grep: externalBaseUrl ? /@read-only/ : undefined,
  projects: externalBaseUrl
    ? [
        {
          name: 'deployed',
          use: {
            ...devices['Desktop Chrome'],
            baseURL: externalBaseUrl,
            databaseUrl: '',
            otherInstanceUrl: '',
            readerPostFrom: 'feed' as const,
          },
        },
      ]
    : [
        ...blogs.filter((blog) => !blog.sharesDatabase).map((blog) => ({
          name: blog.project,
          workers: 1,
          ...(blog.project === 'fixture-blog'
            ? { grep: /@fixture-blog/ }
            : { grepInvert: [/@fixture-blog/, ...(blog.project === 'site' ? [] : [ONE_DATABASE_TAG])] }),
          testIgnore: [
            // Journeys across two instances need the second instance only the PostgreSQL blog has.
            ...(otherInstanceOf(blog) ? [] : [/instances\//]),
            // Reading pages, feeds, headers and accessibility test rendering, which does not depend
            // on the database, so one blog proves each; so do the other specs that run once.
            ...(blog.project === 'site' ? [] : [...RENDERING_SPECS, ...DATABASE_INDEPENDENT_SPECS, ...MODERATION_PAGE_SPECS]),
            ...(blog.project === secondSideProject ? [] : SECOND_SIDE_SPECS),
          ],
          use: {
            ...devices['Desktop Chrome'],
            baseURL: `http://127.0.0.1:${blog.port}`,
            databaseUrl: blog.databaseUrl,
            otherInstanceUrl: otherInstanceOf(blog),
            readerPostFrom: 'seed' as const,
          },
        })),
        // The read-only journeys as an owner runs them against a deployed blog (E2E_BASE_URL), here
        // against the fixture blog, which has no seed post: they find their post in its feed. After
        // the fixture blog's own journeys, which change its settings.
        {
          name: 'read-only-fixture-blog',
          grep: /@read-only/,
          dependencies: ['fixture-blog'],
          use: {
            ...devices['Desktop Chrome'],
            baseURL: `http://127.0.0.1:${basePort + 1}`,
            databaseUrl: '',
            otherInstanceUrl: '',
            readerPostFrom: 'feed' as const,
          },
        },
      ],
  webServer: externalBaseUrl
    ? undefined
    : blogs.map((blog) => ({
        command: 'node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts',
        url: `http://127.0.0.1:${blog.port}/robots.txt`,
        timeout: 300_000,
        reuseExistingServer: false,
        // SIGTERM rather than Playwright's SIGKILL, so each server stops cleanly and drops the
        // PostgreSQL database it made (scripts/e2e-server.ts).
        gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 15_000 },
        stdout: 'pipe' as const,
        env: {
          PORT: String(blog.port),
          HOST: '127.0.0.1',
          SITE_URL: `http://127.0.0.1:${blog.port}`,
          DATABASE_URL: blog.databaseUrl,
          AUTH_SECRET: 'e2e-only-secret-not-for-real-blogs',
          // Hundreds of readers register and sign in; bcrypt at its lowest cost keeps that cheap.
          PASSWORD_HASH_COST: '4',
          // Tests change settings straight in the database; the page cache notices within 100 ms.
          PAGE_CACHE_POLL_MS: '100',
          // As if behind one reverse proxy: a test may speak from an address of its own.
          TRUST_PROXY: '1',
          // Email and password only, whatever the shell running the tests holds: the sign-in page's
          // journeys expect no provider buttons (which providers show is lib/auth/providers.test.ts).
          AUTH_GITHUB_ID: '',
          AUTH_GITHUB_SECRET: '',
          AUTH_GOOGLE_ID: '',
          AUTH_GOOGLE_SECRET: '',
          // Journeys sign in and post many times a minute from one address, typing at machine
          // speed, so the `site` blogs lift the rate limits and the minimum form time. The fixture
          // blog keeps the default limits and a minimum form time of its own, and
          // e2e/hardening/spam-and-limits.spec.ts proves them there.
          ...(blog.project === 'fixture-blog'
            ? { FORM_MIN_SECONDS: String(FIXTURE_BLOG_FORM_MIN_SECONDS) }
            : { RATE_LIMITS: 'off', FORM_MIN_SECONDS: '0' }),
          ...(blog.contentDir ? { CONTENT_DIR: blog.contentDir } : {}),
          ...(blog.sharesDatabase ? { E2E_KEEP_DATABASE: '1' } : {}),
        },
      })),
});
