// Journey: the console and the admin API refuse everyone who is not an admin — readers get a plain
// 404 page or a 403, visitors are sent to sign in or get a 401 — and nobody else sees its data.
import type { APIRequestContext, APIResponse, Locator, Page } from '@playwright/test';
import { SEED_POST } from '../support/blog';
import { expect, test } from './fixtures';

// Each journey drives several browsers through many pages; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

const PAGES = ['/admin', '/admin?status=spam', '/admin/settings', '/admin/log', '/admin/log?comment=1'];

function adminApiCalls(userId: string): { name: string; send: (api: APIRequestContext) => Promise<APIResponse> }[] {
  return [
    { name: 'GET /api/admin/comments', send: (api) => api.get('/api/admin/comments?status=pending') },
    { name: 'POST /api/admin/comments/1/approve', send: (api) => api.post('/api/admin/comments/1/approve') },
    {
      name: 'POST /api/admin/comments/bulk/delete',
      send: (api) => api.post('/api/admin/comments/bulk/delete', { data: { ids: [1, 2] } }),
    },
    { name: 'GET /api/admin/settings', send: (api) => api.get('/api/admin/settings') },
    { name: 'PUT /api/admin/settings', send: (api) => api.put('/api/admin/settings', { data: { holdFor: 'nobody' } }) },
    { name: 'POST /api/admin/posts/{id}/close', send: (api) => api.post(`/api/admin/posts/${SEED_POST.id}/close`) },
    {
      name: 'POST /api/admin/users/{id}/ban',
      send: (api) => api.post(`/api/admin/users/${userId}/ban`, { data: { reason: 'no' } }),
    },
    { name: 'POST /api/admin/users/{id}/unban', send: (api) => api.post(`/api/admin/users/${userId}/unban`) },
  ];
}

test('a signed-in reader gets 404 pages and 403 answers from everything admin, and no Admin link', async ({
  admin,
  accounts,
  browse,
  db,
}) => {
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
  expect(
    (await db.postThread.findUnique({ where: { postId: SEED_POST.id }, select: { closed: true } }))?.closed ?? false,
  ).toBe(false);
});

test('a signed-out visitor is sent to sign in by every admin page, gets 401 from the API, and comes back after signing in', async ({
  admin,
  accounts,
  browse,
}) => {
  const page = await browse(null);
  for (const path of [...PAGES, `/admin/users/${admin.user.id}`]) {
    await page.goto(path);
    await expect(page, path).toHaveURL(
      (url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === path,
    );
    await expect(page.locator('main'), path).toContainText('Sign in as an admin to moderate the blog.');
    await expect(page.locator('main'), path).not.toContainText('post a comment');
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

/** A form's markup as the page that renders it sends it without JavaScript: action id and every field. */
function formMarkup(form: Locator): Promise<string> {
  return form.evaluate((element) => element.outerHTML);
}

/**
 * Posts `markup` (a form) from a same-origin page of `page`, as its own session, to `action` (the
 * page the form came from) by clicking `button` (a selector), with `fields` typed into it first.
 * Answers the POST's status.
 */
async function replay(
  page: Page,
  markup: string,
  action: string,
  button: string,
  fields: Record<string, string> = {},
): Promise<number> {
  await page.goto('/robots.txt');
  await page.evaluate(
    ({ html, to, values }) => {
      document.body.innerHTML = html;
      const form = document.querySelector('form');
      form?.setAttribute('action', to);
      // The settings form asks for a change (another "Hold for"), so a replay that got through
      // would show in the settings, not only in the log.
      document.querySelector('input[name="holdFor"]:not([checked])')?.setAttribute('checked', '');
      for (const [name, value] of Object.entries(values))
        form?.querySelector(`[name="${name}"]`)?.setAttribute('value', value);
    },
    { html: markup, to: action, values: fields },
  );
  const answer = page.waitForResponse((response) => response.request().method() === 'POST');
  await page.locator(button).click();
  return (await answer).status();
}

test('the console’s own forms, replayed by a reader or a visitor, change nothing', async ({
  admin,
  accounts,
  browse,
  heldComment,
  db,
}) => {
  const { id } = await heldComment('replayed', 'Held while others try the admin’s buttons');
  // The admin's queue and settings forms as a browser without JavaScript sends them: the
  // server action's id and every field, exactly as the admin would post them.
  const adminPage = await browse(admin.user, { javaScriptEnabled: false });
  await adminPage.goto('/admin?status=pending');
  const approveButton = `button[value="approve:${id}"]`;
  const approveForm = await formMarkup(adminPage.locator('form').filter({ has: adminPage.locator(approveButton) }));
  await adminPage.goto('/admin/settings');
  const settingsForm = await formMarkup(adminPage.getByRole('form', { name: 'Comment settings' }));
  const settingsBefore: unknown = await (await admin.api.get('/api/admin/settings')).json();
  const settingsSaves = () => db.auditEntry.count({ where: { targetType: 'settings' } });
  const savesBefore = await settingsSaves();

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

test('the admin’s buttons on a post and on a commenter’s page, replayed by a reader or a visitor, change nothing', async ({
  admin,
  accounts,
  browse,
  heldComment,
  db,
}) => {
  const held = await heldComment('moderated', 'Held while others press its buttons on the post page');
  const [target, banned] = await Promise.all([accounts.create('unbanned'), accounts.create('banned')]);
  const ban = await admin.api.post(`/api/admin/users/${banned.id}/ban`, {
    data: { reason: 'Banned before the replays' },
  });
  expect(ban.status(), await ban.text()).toBe(201);

  // Every other admin form, as the admin's browser without JavaScript has it: closing the post and
  // a comment's buttons on the post page, banning and unbanning on a commenter's page.
  const adminPage = await browse(admin.user, { javaScriptEnabled: false });
  const userPage = (user: { id: string }) => `/admin/users/${user.id}`;
  const buttonOf = (label: string) => `button:text-is("${label}")`;
  await adminPage.goto(SEED_POST.path);
  const closeForm = await formMarkup(
    adminPage.locator('form').filter({ has: adminPage.locator(buttonOf('Close comments')) }),
  );
  const moderateForm = await formMarkup(adminPage.getByRole('form', { name: `Moderate comment ${held.id}` }));
  await adminPage.goto(userPage(target));
  const banForm = await formMarkup(adminPage.getByRole('form', { name: `Ban ${target.name}` }));
  await adminPage.goto(userPage(banned));
  const unbanForm = await formMarkup(adminPage.locator('form').filter({ has: adminPage.locator(buttonOf('Unban')) }));
  const banFields = { reason: 'Replayed by someone who is not an admin' };

  /** What any of these forms would change, had it got through. */
  const state = async () => ({
    closed:
      (await db.postThread.findUnique({ where: { postId: SEED_POST.id }, select: { closed: true } }))?.closed ?? false,
    held: (await db.comment.findUniqueOrThrow({ where: { id: held.id }, select: { status: true } })).status,
    bansOfTarget: await db.ban.findMany({ where: { userId: target.id }, select: { id: true, liftedAt: true } }),
    bansOfBanned: await db.ban.findMany({ where: { userId: banned.id }, select: { id: true, liftedAt: true } }),
    logEntries: await db.auditEntry.count(),
  });
  const readers = [await accounts.create('replayer'), null];
  const pages = await Promise.all(readers.map((who) => browse(who, { javaScriptEnabled: false })));
  const name = (index: number) => (readers[index] ? 'reader' : 'visitor');

  // While the post is open: close it, approve the held comment, ban one commenter, unban another.
  const open = await state();
  expect(open.closed).toBe(false);
  expect(open.held).toBe('pending');
  expect(open.bansOfTarget).toEqual([]);
  expect(open.bansOfBanned).toEqual([{ id: expect.any(Number), liftedAt: null }]);
  for (const [index, page] of pages.entries()) {
    for (const [what, path, html, button, fields] of [
      ['close comments', SEED_POST.path, closeForm, buttonOf('Close comments'), {}],
      ['approve a comment', SEED_POST.path, moderateForm, 'button[value="approve"]', {}],
      ['ban', userPage(target), banForm, 'button[type="submit"]', banFields],
      ['unban', userPage(banned), unbanForm, buttonOf('Unban'), {}],
    ] as const) {
      const status = await replay(page, html, path, button, fields);
      expect(status, `${name(index)} replaying "${what}"`).toBeLessThan(500);
    }
  }
  expect(await state(), 'nothing they sent took effect').toEqual(open);

  // Once the admin has closed the post: reopen it.
  const close = await admin.api.post(`/api/admin/posts/${SEED_POST.id}/close`);
  expect(close.status(), await close.text()).toBe(200);
  await adminPage.goto(SEED_POST.path);
  const reopenForm = await formMarkup(
    adminPage.locator('form').filter({ has: adminPage.locator(buttonOf('Reopen comments')) }),
  );
  const closed = await state();
  expect(closed.closed).toBe(true);
  for (const [index, page] of pages.entries()) {
    const status = await replay(page, reopenForm, SEED_POST.path, buttonOf('Reopen comments'));
    expect(status, `${name(index)} replaying "reopen comments"`).toBeLessThan(500);
  }
  expect(await state(), 'nothing they sent took effect').toEqual(closed);

  // The same replays by the admin do take effect: the forms were real, the viewer was the difference.
  await replay(adminPage, reopenForm, SEED_POST.path, buttonOf('Reopen comments'));
  await expect.poll(async () => (await state()).closed, 'reopened by the admin').toBe(false);
  await replay(adminPage, closeForm, SEED_POST.path, buttonOf('Close comments'));
  await expect.poll(async () => (await state()).closed, 'closed by the admin').toBe(true);
  await replay(adminPage, moderateForm, SEED_POST.path, 'button[value="approve"]');
  await expect.poll(async () => (await state()).held, 'approved by the admin').toBe('published');
  await replay(adminPage, banForm, userPage(target), 'button[type="submit"]', banFields);
  await expect.poll(async () => (await state()).bansOfTarget.length, 'banned by the admin').toBe(1);
  await replay(adminPage, unbanForm, userPage(banned), buttonOf('Unban'));
  await expect
    .poll(async () => (await state()).bansOfBanned[0]?.liftedAt ?? null, 'unbanned by the admin')
    .not.toBeNull();
});

test('an admin whose role was taken away meanwhile is told once, in the settings form, and what they typed stays', async ({
  admin,
  db,
}) => {
  const { page } = admin;
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Comment settings' });
  await expect(form.locator('input[name="js"]')).toBeAttached();
  const perPage = form.getByLabel('Top-level comments per page');
  await perPage.fill('37');
  await db.user.update({ where: { id: admin.user.id }, data: { role: 'reader' }, select: { id: true } });
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toHaveText('Only the blog’s admins can do that.');
  await expect(form.getByText('Only the blog’s admins can do that.')).toHaveCount(1);
  await expect(perPage).toHaveValue('37');
});
