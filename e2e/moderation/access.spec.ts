// Journey: the console and the admin API refuse everyone who is not an admin — readers get a plain
// 404 page or a 403, visitors are sent to sign in or get a 401 — and nobody else sees its data.
import type { APIRequestContext, APIResponse, Page } from '@playwright/test';
import { SEED_POST } from '../support/blog';
import { expect, test } from './fixtures';

// Each journey drives several browsers through many pages; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

const PAGES = ['/admin', '/admin?status=spam', '/admin/settings', '/admin/log', '/admin/log?comment=1'];

function adminApiCalls(userId: string): { name: string; send: (api: APIRequestContext) => Promise<APIResponse> }[] {
  return [
    { name: 'GET /api/admin/comments', send: (api) => api.get('/api/admin/comments?status=pending') },
    { name: 'POST /api/admin/comments/1/approve', send: (api) => api.post('/api/admin/comments/1/approve') },
    { name: 'POST /api/admin/comments/bulk/delete', send: (api) => api.post('/api/admin/comments/bulk/delete', { data: { ids: [1, 2] } }) },
    { name: 'GET /api/admin/settings', send: (api) => api.get('/api/admin/settings') },
    { name: 'PUT /api/admin/settings', send: (api) => api.put('/api/admin/settings', { data: { holdFor: 'nobody' } }) },
    { name: 'POST /api/admin/posts/{id}/close', send: (api) => api.post(`/api/admin/posts/${SEED_POST.id}/close`) },
    { name: 'POST /api/admin/users/{id}/ban', send: (api) => api.post(`/api/admin/users/${userId}/ban`, { data: { reason: 'no' } }) },
    { name: 'POST /api/admin/users/{id}/unban', send: (api) => api.post(`/api/admin/users/${userId}/unban`) },
  ];
}

test('a signed-in reader gets 404 pages and 403 answers from everything admin, and no Admin link', async ({ admin, accounts, browse, db }) => {
  const reader = await accounts.create('curious');
  const page = await browse(reader);
  const secret = admin.user.email;

  for (const path of [...PAGES, `/admin/users/${admin.user.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 }), path).toContainText('does not exist');
    await expect(page.locator('body'), path).not.toContainText(secret);
    await expect(page.getByRole('navigation', { name: 'Admin' }), path).toHaveCount(0);
  }
  await page.goto(SEED_POST.path);
  await expect(page.getByRole('navigation', { name: 'Account' })).not.toContainText('Admin');
  await expect(page.getByRole('button', { name: 'Close comments' })).toHaveCount(0);

  const api = await accounts.apiAs(reader);
  const settingsBefore: unknown = await (await admin.api.get('/api/admin/settings')).json();
  const settingsSaves = () => db.auditEntry.count({ where: { targetType: 'settings' } });
  const savesBefore = await settingsSaves();
  for (const call of adminApiCalls(admin.user.id)) {
    const response = await call.send(api);
    expect(response.status(), call.name).toBe(403);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort(), call.name).toEqual(['error', 'errors']);
    expect(body.error, call.name).toBe('Only the blog’s admins can do that.');
  }
  // Nothing they tried took effect.
  expect(await (await admin.api.get('/api/admin/settings')).json()).toEqual(settingsBefore);
  expect(await settingsSaves(), 'no settings save was logged').toBe(savesBefore);
  expect(await db.ban.count({ where: { userId: admin.user.id } })).toBe(0);
  expect((await db.postThread.findUnique({ where: { postId: SEED_POST.id }, select: { closed: true } }))?.closed ?? false).toBe(false);
});

test('a signed-out visitor is sent to sign in by every admin page, gets 401 from the API, and comes back after signing in', async ({
  admin,
  accounts,
  browse,
}) => {
  const page = await browse(null);
  for (const path of [...PAGES, `/admin/users/${admin.user.id}`]) {
    await page.goto(path);
    await expect(page, path).toHaveURL((url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === path);
    await expect(page.locator('body'), path).not.toContainText(admin.user.email);
  }

  const api = await accounts.anonymousApi();
  for (const call of adminApiCalls(admin.user.id)) {
    const response = await call.send(api);
    expect(response.status(), call.name).toBe(401);
    expect(Object.keys((await response.json()) as object).sort(), call.name).toEqual(['error', 'errors']);
  }

  // Signing in as the admin from there lands on the page asked for.
  await page.goto('/admin/log');
  await page.getByLabel('Email').fill(admin.user.email);
  await page.getByLabel('Password').fill(admin.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/admin/log');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Moderation log');
});

test('admin pages are kept out of search engines', async ({ admin }) => {
  for (const path of ['/admin', '/admin/settings', '/admin/log', `/admin/users/${admin.user.id}`]) {
    await admin.page.goto(path);
    await expect(admin.page.locator('meta[name="robots"]'), path).toHaveAttribute('content', /noindex/);
  }
});

test('the console’s own forms, replayed by a reader or a visitor, change nothing', async ({ admin, accounts, browse, heldComment, db }) => {
  const { id } = await heldComment('replayed', 'Held while others try the admin’s buttons');
  // The admin's queue and settings forms as a browser without JavaScript sends them: the
  // server action's id and every field, exactly as the admin would post them.
  const adminPage = await browse(admin.user, { javaScriptEnabled: false });
  await adminPage.goto('/admin?status=pending');
  const approveButton = `button[value="approve:${id}"]`;
  const approveForm = await adminPage
    .locator('form')
    .filter({ has: adminPage.locator(approveButton) })
    .evaluate((form) => form.outerHTML);
  await adminPage.goto('/admin/settings');
  const settingsForm = await adminPage.getByRole('form', { name: 'Comment settings' }).evaluate((form) => form.outerHTML);
  const settingsBefore: unknown = await (await admin.api.get('/api/admin/settings')).json();
  const settingsSaves = () => db.auditEntry.count({ where: { targetType: 'settings' } });
  const savesBefore = await settingsSaves();

  /** Posts `markup` (a form) from a same-origin page of `page`, as its own session, by clicking `button` (a selector). */
  async function replay(page: Page, markup: string, action: string, button: string): Promise<number> {
    await page.goto('/robots.txt');
    await page.evaluate(
      ({ html, to }) => {
        document.body.innerHTML = html;
        document.querySelector('form')?.setAttribute('action', to);
        // The settings form asks for a change (another "Hold for"), so a replay that got through
        // would show in the settings, not only in the log.
        document.querySelector('input[name="holdFor"]:not([checked])')?.setAttribute('checked', '');
      },
      { html: markup, to: action },
    );
    const answer = page.waitForResponse((response) => response.request().method() === 'POST');
    await page.locator(button).click();
    return (await answer).status();
  }

  for (const who of [await accounts.create('replayer'), null]) {
    const page = await browse(who, { javaScriptEnabled: false });
    for (const [path, html, button] of [
      ['/admin?status=pending', approveForm, approveButton],
      ['/admin/settings', settingsForm, 'button[type="submit"]'],
    ] as const) {
      const status = await replay(page, html, path, button);
      expect(status, `${who ? 'reader' : 'visitor'} replaying ${path}`).toBeLessThan(500);
    }
  }
  // Nothing they sent took effect.
  expect((await db.comment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('pending');
  expect(await (await admin.api.get('/api/admin/settings')).json()).toEqual(settingsBefore);
  expect(await settingsSaves(), 'no settings save was logged').toBe(savesBefore);
  expect(await db.auditEntry.count({ where: { targetType: 'comment', targetId: String(id) } })).toBe(0);

  // The same replay by the admin does approve it: the forms were real, the viewer was the difference.
  await replay(adminPage, approveForm, '/admin?status=pending', approveButton);
  await expect
    .poll(async () => (await db.comment.findUniqueOrThrow({ where: { id }, select: { status: true } })).status)
    .toBe('published');
});
