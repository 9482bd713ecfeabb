// The database goes away under a running blog. Posts live in content files, so the post page, the
// home page and the feed keep answering 200; the comment section, the comment form, the API and
// /api/health say the comments are unavailable; when the database is back everything works again
// without restarting the app.
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { keepLogs, say, startApp, type App } from './support/app';
import { publishWithoutHolding, startPrivatePostgres, tempDir } from './support/databases';
import { POST_PATH, postId, readThroughApi, registerAndSignIn, sendComment, signIn, type Reader } from './support/readers';

const PORT = Number(process.env.STRESS_PORT ?? 3300);
const UNAVAILABLE = /Comments are temporarily unavailable/;
const CONSOLE_UNAVAILABLE = /The database is not answering right now\. Nothing was changed/;
const ADMIN = { email: 'owner@example.com', password: 'outage-owner-password' };
// Each outage test passes in under a minute; a step that waits longer is stuck, and should fail
// naming that step rather than hold the run for the whole config's timeout.
const OUTAGE_TEST_TIMEOUT_MS = 4 * 60_000;
const STEP_TIMEOUT_MS = 30_000;

/** fetch that gives up: a request the blog never answers fails the test like a 5xx. */
function ask(url: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
}

/** Pages from content files answer 200; everything about comments says it is unavailable. */
async function expectDegraded(app: App, reader: Reader, provider: string): Promise<void> {
  for (const address of ['/', POST_PATH, '/feeds/posts/default']) {
    const response = await ask(`${app.url}${address}`);
    expect(response.status, `${address} is served from the content files`).toBe(200);
  }
  // The page cache notices the outage at its next poll (500 ms); until then it may serve the page from before.
  await expect
    .poll(
      async () => (await (await ask(`${app.url}${POST_PATH}`)).text()).match(UNAVAILABLE)?.[0] ?? 'comments shown',
    )
    .toMatch(UNAVAILABLE);
  const health = await ask(`${app.url}/api/health`);
  const report = (await health.json()) as { database: { ok: boolean; provider: string; error?: string } };
  expect(health.status, JSON.stringify(report)).toBe(503);
  expect(report.database).toMatchObject({ ok: false, provider });
  // Why is for the owner's log: the driver's message can name internal hosts.
  expect(report.database.error, 'health says what is down, not the driver’s message').toBe('database unavailable');
  await expect
    .poll(() => readFileSync(app.logFile, 'utf8'), { message: 'the server log says why', timeout: STEP_TIMEOUT_MS })
    .toMatch(/quire: \/api\/health: database unavailable: \S.{3,}/);
  expect((await ask(`${app.url}/api/posts/${postId}/comments`)).status, 'the comment API says 503').toBe(503);
  // A comment's link says it cannot be looked up now, in a page the page cache does not keep.
  const permalink = await (await ask(`${app.url}/comments/1`)).text();
  expect(permalink).toMatch(/The comment cannot be looked up right now/);
  expect(permalink, 'the permalink page is marked partial').toContain('data-quire-partial');
  for (const feed of [`/feeds/${postId}/comments/default`, '/feeds/comments/default']) {
    const response = await ask(`${app.url}${feed}`);
    expect(response.status, `${feed} says 503`).toBe(503);
    expect(response.headers.get('retry-after'), `${feed} says when to come back`).toBe('60');
    expect(await response.text()).toMatch(UNAVAILABLE);
  }
  const attempt = await sendComment(app.url, reader, 'Written while the database is down');
  expect(attempt.status, `POST comment: ${attempt.error}`).toBe(503);
  expect(attempt.error).toMatch(UNAVAILABLE);
  // Auth.js renewing the session cannot check the sign-in now; it must not sign the reader out.
  const session = await ask(`${app.url}/api/auth/session`, { headers: { cookie: reader.cookie } });
  expect(session.status, 'the session endpoint answers').toBe(200);
  expect(((await session.json()) as { user?: unknown } | null)?.user, 'the session is still there').toBeTruthy();
  const cleared = session.headers.getSetCookie().filter((cookie) => /session-token=;|session-token=[^;]*;.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/i.test(cookie));
  expect(cleared, 'the session cookie is not cleared').toEqual([]);
  const signedIn = { cookie: reader.cookie, 'content-type': 'application/json' };
  const edit = await ask(`${app.url}/api/comments/1`, { method: 'PATCH', headers: signedIn, body: '{"body": "Edited"}' });
  expect(edit.status, 'an edit through the API says 503').toBe(503);
  const removal = await ask(`${app.url}/api/comments/1`, { method: 'DELETE', headers: signedIn });
  expect(removal.status, 'a delete through the API says 503').toBe(503);
}

/** Health is back, the thread shows, and a reader can publish again (through the API). */
async function expectRecovered(app: App, reader: Reader): Promise<void> {
  await expect.poll(async () => (await ask(`${app.url}/api/health`)).status, { timeout: STEP_TIMEOUT_MS }).toBe(200);
  await expect
    .poll(async () =>
      /id="comments-heading"[^>]*>(No comments|[\d,]+ comments?)</.test(
        await (await ask(`${app.url}${POST_PATH}`)).text(),
      ),
    )
    .toBe(true);
  const attempt = await sendComment(app.url, reader, `Written after the database came back ${Date.now()}`);
  expect(attempt.status, `POST comment: ${attempt.error}`).toBe(201);
  expect((await readThroughApi(app.url)).comments.map((comment) => comment.id)).toContain(attempt.id);
  const feed = await ask(`${app.url}/feeds/${postId}/comments/default`);
  expect(feed.status, 'the comment feed is back').toBe(200);
  expect(await feed.text()).toContain(`/comments/${attempt.id}<`);
}

/** A browser page on the post, signed in as `reader`, with the comment form ready. */
async function openPostAs(browser: Browser, app: App, reader: Reader, javaScriptEnabled = true): Promise<Page> {
  const page = await openAs(browser, app, reader, POST_PATH, javaScriptEnabled);
  await expect(page.getByText('Commenting as')).toBeVisible();
  return page;
}

/** A browser page at `address`, signed in as `reader`. */
async function openAs(browser: Browser, app: App, reader: Reader, address: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: app.url, javaScriptEnabled });
  await context.addCookies(
    reader.cookie.split('; ').map((pair) => {
      const at = pair.indexOf('=');
      return { name: pair.slice(0, at), value: pair.slice(at + 1), url: app.url };
    }),
  );
  const page = await context.newPage();
  await page.goto(address);
  return page;
}

/** Submits the comment form while the database is down: a clear error, and the text is still there. */
async function expectFormKeepsText(page: Page, text: string): Promise<void> {
  const form = page.locator('#post-a-comment form');
  await form.getByLabel('Your comment').fill(text);
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(form.getByRole('alert')).toContainText(UNAVAILABLE, { timeout: STEP_TIMEOUT_MS });
  await expect(form.getByLabel('Your comment')).toHaveValue(text);
}

/** The sign-in form while the database is down: it says so (not "wrong password") and keeps the email. */
async function expectSignInSaysUnavailable(browser: Browser, app: App, reader: Reader): Promise<void> {
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto('/signin');
  const form = page.locator('form').filter({ has: page.getByLabel('Password') });
  await form.getByLabel('Email').fill(reader.email);
  await form.getByLabel('Password').fill(reader.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(form.getByRole('alert')).toContainText('Signing in is not possible right now', { timeout: STEP_TIMEOUT_MS });
  await expect(form.getByLabel('Email')).toHaveValue(reader.email);
  await context.close();
}

/** Registering while the database is down: the form says so and keeps what was typed; the API says 503. */
async function expectRegisteringSaysUnavailable(browser: Browser, app: App): Promise<void> {
  const api = await ask(`${app.url}/api/users`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'late@example.com', name: 'Late', password: 'long-enough-password' }),
  });
  expect(api.status, 'POST /api/users says 503').toBe(503);
  expect(((await api.json()) as { errors: { request: string } }).errors.request).toMatch(/Registering is not possible right now/);
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto('/register');
  const form = page.locator('form').filter({ has: page.getByLabel('Display name') });
  await form.getByLabel('Email').fill('late@example.com');
  await form.getByLabel('Display name').fill('Late Reader');
  await form.getByLabel('Password').fill('long-enough-password');
  await form.getByRole('button', { name: 'Register' }).click();
  await expect(form.getByRole('alert')).toContainText('Registering is not possible right now', { timeout: STEP_TIMEOUT_MS });
  await expect(form.getByLabel('Email')).toHaveValue('late@example.com');
  await expect(form.getByLabel('Display name')).toHaveValue('Late Reader');
  await context.close();
}

/** A console page opened during the outage: a page saying why, with the way back, not a blank server error. */
async function expectConsoleSaysUnavailable(app: App, admin: Reader): Promise<void> {
  for (const address of ['/admin', '/admin/settings', '/admin/log']) {
    const response = await ask(`${app.url}${address}`, { headers: { cookie: admin.cookie }, redirect: 'manual' });
    expect(response.status, `${address} sends the admin to the page saying why`).toBe(307);
    const location = new URL(response.headers.get('location') ?? '', app.url);
    expect(`${location.pathname}${location.search}`).toBe(`/admin/unavailable?returnTo=${encodeURIComponent(address)}`);
    const page = await ask(location.href, { headers: { cookie: admin.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('The database is not answering right now, so the moderation console cannot be shown.');
    expect(html).toContain(`href="${address}">Try again</a>`);
  }
  // Only a console address is gone back to.
  const elsewhere = await ask(`${app.url}/admin/unavailable?returnTo=${encodeURIComponent('https://elsewhere.example/admin')}`);
  expect(await elsewhere.text()).toContain('href="/admin">Try again</a>');
}

/** The comment settings, opened while the database was up: saving during the outage keeps every edit and says why. */
async function expectSettingsKeepEdits(app: App, settings: Page, admin: Reader): Promise<void> {
  const form = settings.getByRole('form', { name: 'Comment settings' });
  await form.getByLabel('Moderation words').fill('typed\nduring the outage');
  await form.getByLabel('Hold comments with this many links').fill('7');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toContainText(CONSOLE_UNAVAILABLE, { timeout: STEP_TIMEOUT_MS });
  await expect(form.getByLabel('Moderation words')).toHaveValue('typed\nduring the outage');
  await expect(form.getByLabel('Hold comments with this many links')).toHaveValue('7');
  const api = await ask(`${app.url}/api/admin/settings`, {
    method: 'PUT',
    headers: { cookie: admin.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ holdLinkCount: 7 }),
  });
  expect(api.status, 'PUT /api/admin/settings says 503').toBe(503);
  expect(((await api.json()) as { errors: { request: string } }).errors.request).toMatch(CONSOLE_UNAVAILABLE);
}

/** A reader banned by the admin through the API, with their page in the console open in the admin's browser. */
async function openBannedReaderPage(browser: Browser, app: App, admin: Reader, databaseUrl: string): Promise<Page> {
  const banned = await registerAndSignIn(app.url, 'outage-banned');
  const { createDb } = await import('@/lib/db');
  const db = createDb(databaseUrl);
  const { id } = await db.user.findUniqueOrThrow({ where: { email: banned.email }, select: { id: true } }).finally(() => db.$disconnect());
  const ban = await ask(`${app.url}/api/admin/users/${id}/ban`, {
    method: 'POST',
    headers: { cookie: admin.cookie, 'content-type': 'application/json' },
    body: JSON.stringify({ reason: 'Banned before the outage' }),
  });
  expect(ban.status, await ban.text()).toBe(201);
  const page = await openAs(browser, app, admin, `/admin/users/${id}`);
  await expect(page.getByRole('button', { name: 'Unban' })).toBeVisible();
  return page;
}

/**
 * The admin's buttons during the outage: Unban says why where it is; closing the post from its page
 * lands back on the post, whose thread says nothing changed. Neither is an error page.
 */
async function expectAdminButtonsDegrade(userPage: Page, postPage: Page): Promise<void> {
  await userPage.getByRole('button', { name: 'Unban' }).click();
  await expect(userPage.locator('#ban').getByRole('alert')).toContainText(CONSOLE_UNAVAILABLE, { timeout: STEP_TIMEOUT_MS });
  await expect(userPage.getByRole('button', { name: 'Unban' })).toBeVisible();
  await postPage.getByRole('button', { name: 'Close comments' }).click();
  await expect(postPage.locator('#comments')).toContainText(CONSOLE_UNAVAILABLE, { timeout: STEP_TIMEOUT_MS });
  await expect(postPage.getByRole('heading', { level: 1 })).toBeVisible();
}

/**
 * The reader's own comment, opened for editing while the database was up: saving the edit during
 * the outage keeps the new text and says why; Delete lands back on the post, which says comments
 * are unavailable, instead of an error page.
 */
async function expectOwnCommentDegrades(page: Page, commentId: number): Promise<void> {
  const item = page.locator(`li#c${commentId}`);
  const edit = item.getByRole('form', { name: 'Edit your comment' });
  await edit.getByLabel('Edit your comment').fill('Edited while the database is down');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit.getByRole('alert')).toContainText(UNAVAILABLE, { timeout: STEP_TIMEOUT_MS });
  await expect(edit.getByLabel('Edit your comment')).toHaveValue('Edited while the database is down');
  const actions = item.locator(':scope > article .comment-actions');
  await actions.locator('summary').filter({ hasText: /^Delete$/ }).click();
  await actions.getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.locator('#comments')).toContainText(UNAVAILABLE, { timeout: STEP_TIMEOUT_MS });
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function expectFormPublishes(page: Page, text: string): Promise<void> {
  const form = page.locator('#post-a-comment form');
  await form.getByLabel('Your comment').fill(text);
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(page.locator('.comment-list')).toContainText(text, { timeout: STEP_TIMEOUT_MS });
}

test('PostgreSQL stopped under a running blog, then started again', async ({ browser }) => {
  test.setTimeout(OUTAGE_TEST_TIMEOUT_MS);
  const dir = tempDir('outage-postgres');
  say('starting a private PostgreSQL (initdb) and the blog on it');
  const postgres = startPrivatePostgres(PORT + 1);
  let app: App | undefined;
  try {
    app = await startApp({
      name: 'outage-postgres',
      port: PORT,
      databaseUrl: postgres.url,
      logDir: dir,
      env: { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    });
    await publishWithoutHolding(postgres.url);
    const reader = await registerAndSignIn(app.url, 'outage');
    const admin = await signIn(app.url, ADMIN.email, ADMIN.password);
    const settings = await openAs(browser, app, admin, '/admin/settings');
    await expect(settings.getByRole('form', { name: 'Comment settings' })).toBeVisible();
    const bannedPage = await openBannedReaderPage(browser, app, admin, postgres.url);
    const adminPost = await openAs(browser, app, admin, POST_PATH);
    await expect(adminPost.getByRole('button', { name: 'Close comments' })).toBeVisible();
    const page = await openPostAs(browser, app, reader);
    // Without JavaScript the refused comment comes back in a page rendered while the database is
    // down, whose comment section says it is unavailable: the form must still be there, with the text.
    const plain = await openPostAs(browser, app, reader, false);
    const own = await sendComment(app.url, reader, 'Mine, to edit and delete during the outage');
    expect(own.status, `POST comment: ${own.error}`).toBe(201);
    // The open pages take the new comment in by themselves (a live update redraws them). Stopped
    // before one has, it would be redrawn during the outage: "comments are unavailable", and the
    // admin's buttons gone before the test could press them.
    for (const open of [adminPost, page])
      await expect(open.locator(`li#c${own.id}`)).toBeVisible({ timeout: STEP_TIMEOUT_MS });
    const editing = await page.context().newPage();
    await editing.goto(`${POST_PATH}?edit=${own.id}#c${own.id}`);
    await expect(editing.getByRole('form', { name: 'Edit your comment' })).toBeVisible();

    say('stopping PostgreSQL');
    postgres.stop();
    await expectDegraded(app, reader, 'postgresql');
    await expectFormKeepsText(page, 'Typed while PostgreSQL is stopped');
    await expectFormKeepsText(plain, 'Typed without JavaScript while PostgreSQL is stopped');
    await expect(plain.locator('#comments')).toContainText(UNAVAILABLE);
    await plain.context().close();
    await expectOwnCommentDegrades(editing, own.id!);
    await expectSignInSaysUnavailable(browser, app, reader);
    await expectRegisteringSaysUnavailable(browser, app);
    await expectSettingsKeepEdits(app, settings, admin);
    await expectConsoleSaysUnavailable(app, admin);
    await expectAdminButtonsDegrade(bannedPage, adminPost);

    say('starting PostgreSQL again; the blog is not restarted');
    postgres.start();
    await expectRecovered(app, reader);
    await page.reload();
    await expectFormPublishes(page, `Published through the form after the outage ${Date.now()}`);
    await page.context().close();
  } finally {
    await app?.stop();
    postgres.destroy();
    await keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite file unopenable, then held by another process', async ({ browser }) => {
  test.setTimeout(OUTAGE_TEST_TIMEOUT_MS);
  // Why not chmod, or moving the file away under the running app? Root ignores permissions, and the
  // app keeps one SQLite connection open for its life: an open file survives being renamed, deleted
  // or chmod-ed, so the app would not notice. What a running app does meet is (1) a file it cannot
  // open when it (re)connects (a wrong path, a volume not mounted yet): modelled by a folder standing
  // where the file should be, which no user can open as a database; and (2) a file it cannot write
  // because another process holds the write lock (a stuck admin script, a backup tool): modelled by
  // a second connection holding BEGIN IMMEDIATE. Both are real SQLite errors from the real driver.
  const dir = tempDir('outage-sqlite');
  const file = path.join(dir, 'quire.db');
  const databaseUrl = `file:${file}`;
  let app: App | undefined;
  let holder: Database.Database | undefined;
  try {
    const { applyMigrations } = await import('@/lib/db/migrate');
    await applyMigrations({ url: databaseUrl });
    await publishWithoutHolding(databaseUrl);
    // A reader signs up first: without a database nobody can. The session cookie outlives a restart.
    app = await startApp({ name: 'outage-sqlite', port: PORT, databaseUrl, logDir: dir });
    const reader = await registerAndSignIn(app.url, 'outage');
    await app.stop();

    say('(1) a folder where the SQLite file should be; starting the blog on that path');
    renameSync(file, `${file}.away`);
    mkdirSync(file);
    app = await startApp({ name: 'outage-sqlite', port: PORT, databaseUrl, logDir: dir });
    await expectDegraded(app, reader, 'sqlite');

    say('(1) the file is back; the blog is not restarted');
    rmSync(file, { recursive: true });
    renameSync(`${file}.away`, file);
    await expectRecovered(app, reader);

    say('(2) another process holds the write lock');
    const page = await openPostAs(browser, app, reader);
    holder = new Database(file, { timeout: 1_000 });
    holder.exec('BEGIN IMMEDIATE');
    const attempt = await sendComment(app.url, reader, 'Written while another process holds the database');
    expect(attempt.status, `POST comment: ${attempt.error}`).toBe(503);
    expect(attempt.error).toMatch(UNAVAILABLE);
    await expectFormKeepsText(page, 'Typed while the SQLite file is locked');

    say('(2) the lock is released; the blog is not restarted');
    holder.exec('ROLLBACK');
    holder.close();
    holder = undefined;
    await expectRecovered(app, reader);
    await page.reload();
    await expectFormPublishes(page, `Published through the form after the lock ${Date.now()}`);
    await page.context().close();
  } finally {
    holder?.close();
    await app?.stop();
    await keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});
