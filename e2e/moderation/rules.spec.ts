// Journey: the admin sets the comment rules in the console, and new comments follow them — links
// and moderation words hold a comment (saying why), blocked words send it straight to Spam.
import { sendComment, uniqueSuffix, uniqueText } from '../support/api';
import { expect, logRows, queueRow, test } from './fixtures';

// Each journey drives several browsers through many pages; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('the settings form names each bad field, keeps what was typed, and saves (logged)', async ({ admin }) => {
  const { page } = admin;
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Comment settings' });
  await expect(form.locator('input[name="js"]')).toBeAttached();
  const links = form.getByLabel('Hold comments with this many links');
  const perPage = form.getByLabel('Top-level comments per page');
  const words = form.getByLabel('Moderation words');
  const word = `kept${uniqueSuffix()}`;

  await links.fill('lots');
  await perPage.fill('2');
  await words.fill(`${word}\nsecond word`);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toHaveText('The settings were not saved: fix the fields marked below.');
  await expect(links).toHaveAttribute('aria-invalid', 'true');
  await expect(links).toHaveAccessibleDescription(/Enter a whole number from 0 to 100\./);
  await expect(perPage).toHaveAccessibleDescription(/Enter a whole number from 5 to 500\./);
  await expect(links).toHaveValue('lots');
  await expect(perPage).toHaveValue('2');
  await expect(words).toHaveValue(`${word}\nsecond word`);

  await links.fill('3');
  await perPage.fill('50');
  await form.getByRole('radio', { name: 'Nobody' }).check();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
  await page.reload();
  await expect(form.getByLabel('Hold comments with this many links')).toHaveValue('3');
  await expect(form.getByLabel('Moderation words')).toHaveValue(`${word}\nsecond word`);
  await expect(form.getByRole('radio', { name: 'Nobody' })).toBeChecked();

  await page.goto('/admin/log');
  const entry = logRows(page).first();
  await expect(entry).toContainText('settings');
  await expect(entry).toContainText('holdLinkCount: 2 → 3');
  await expect(entry).toContainText(`moderationWords: (none) → ${word}, second word`);
  await expect(entry).toContainText(admin.user.name);
});

test('a settings form opened before another admin saved keeps their change, and refuses to overwrite a setting both changed', async ({
  admin,
}) => {
  const { page } = admin;
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Comment settings' });
  await expect(form.locator('input[name="js"]')).toBeAttached();
  const word = `meanwhile${uniqueSuffix()}`;
  // Another admin saves while this form is open.
  expect((await admin.api.put('/api/admin/settings', { data: { blockWords: [word], editWindowMinutes: 45 } })).status()).toBe(200);

  const editWindow = form.getByLabel('Edit window (minutes)');
  await form.getByLabel('Reply depth').fill('4');
  await editWindow.fill('20');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('alert')).toHaveText(
    'The settings were not saved: another admin changed Edit window (minutes) since you opened this page. What you typed is kept below.',
  );
  await expect(editWindow).toHaveValue('20');
  await expect(editWindow).toHaveAccessibleDescription(/Another admin changed this to 45 since you opened the page\./);
  await expect(form.getByLabel('Reply depth')).toHaveValue('4');
  await expect(form.getByLabel('Blocked words')).toHaveValue(word);

  // Told, the admin saves again: their edit window replaces the other's, and the blocked word stays.
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');
  expect(await (await admin.api.get('/api/admin/settings')).json()).toMatchObject({ blockWords: [word], editWindowMinutes: 20, maxReplyDepth: 4 });
});

test('two links and a moderation word hold a comment, saying why; a blocked word sends it to Spam', async ({ admin, accounts }) => {
  const { page } = admin;
  const held = `heldword${uniqueSuffix()}`;
  const blocked = `blockedword${uniqueSuffix()}`;

  // Through the console, so the rules are the ones an admin would set.
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Comment settings' });
  await expect(form.locator('input[name="js"]')).toBeAttached();
  await form.getByRole('radio', { name: 'Nobody' }).check();
  await form.getByLabel('Hold comments with this many links').fill('2');
  await form.getByLabel('Moderation words').fill(held);
  await form.getByLabel('Blocked words').fill(blocked);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Settings saved.');

  const api = await accounts.apiAs(await accounts.create('rules'));
  const plain = uniqueText('Nothing to see here');
  const linky = uniqueText('See https://example.com/a and https://example.org/b');
  const wordy = uniqueText(`Have you heard of ${held}?`);
  const spammy = uniqueText(`Cheap ${blocked} for sale`);
  expect((await sendComment(api, { body: plain })).status()).toBe(201);
  for (const body of [linky, wordy, spammy]) expect((await sendComment(api, { body })).status()).toBe(202);

  await page.goto('/admin');
  await expect(queueRow(page, plain)).toHaveCount(0);
  await expect(queueRow(page, linky).locator('.held-reason')).toHaveText('Reason: 2 links');
  await expect(queueRow(page, wordy).locator('.held-reason')).toHaveText(`Reason: word: ${held}`);
  await expect(queueRow(page, spammy)).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Comments by status' }).getByRole('link', { name: /^Spam/ }).click();
  await expect(page).toHaveURL(/status=spam/);
  await expect(queueRow(page, spammy).locator('.held-reason')).toHaveText(`Reason: blocked word: ${blocked}`);
});
