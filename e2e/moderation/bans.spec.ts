// Journey: an admin bans a commenter and hides what they wrote; the banned reader is told why
// they cannot comment; lifting the ban brings back exactly the comments the ban hid.
import { postComment, sendComment, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { commentByText, openPost, pauseLiveUpdates, postCommentForm, waitForEnhancedForm } from '../support/post-page';
import { expect, logRows, queueRow, test } from './fixtures';

// Each journey drives several browsers through many pages; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('a ban with hidden comments refuses new ones with a clear message; unbanning restores exactly those', async ({
  admin,
  accounts,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const troll = await accounts.create('troll');
  const trollApi = await accounts.apiAs(troll);
  const first = uniqueText('First thing the troll said');
  const second = uniqueText('Second thing the troll said');
  const alreadySpam = uniqueText('Spam before the ban');
  await postComment(trollApi, first);
  await postComment(trollApi, second);
  const spam = await postComment(trollApi, alreadySpam);
  expect((await admin.api.post(`/api/admin/comments/${spam.id}/spam`)).status()).toBe(200);

  const visitor = await browse(null);
  await openPost(visitor);
  await expect(commentByText(visitor, first)).toBeVisible();

  // The troll is writing another comment when the ban comes.
  const trollPage = await browse(troll);
  await openPost(trollPage);
  // The troll presses Publish before their page's next live update, which would already put the
  // ban's message in place of the box (as a reload does, below): held still here, so the race
  // between the two is not the test's.
  await pauseLiveUpdates(trollPage);
  const trollForm = postCommentForm(trollPage);
  await waitForEnhancedForm(trollForm);
  await trollForm.getByRole('textbox', { name: 'Your comment' }).fill('Still here');

  // From the queue row to the commenter's page.
  const { page } = admin;
  await page.goto('/admin?status=published');
  await queueRow(page, first).getByRole('link', { name: `Ban ${troll.name}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(troll.name);
  await expect(page.locator('.user-facts')).toContainText(troll.email);
  await expect(page.locator('.user-facts')).toContainText('2 published, 0 pending, 1 spam, 0 deleted');

  const form = page.getByRole('form', { name: `Ban ${troll.name}` });
  await expect(form.locator('input[name="js"]')).toBeAttached();
  await form.getByRole('button', { name: 'Ban' }).click();
  await expect(form.getByLabel('Reason')).toHaveAccessibleDescription('Give a reason for the ban.');
  await form.getByLabel('Reason').fill('Trolling the thread');
  await form.getByLabel('Hide their existing comments').check();
  await form.getByRole('button', { name: 'Ban' }).click();
  await expect(page.getByRole('status')).toHaveText('Banned. 2 comments hidden.');
  await expect(page.locator('.active-ban')).toContainText('Banned for good');
  await expect(page.locator('.active-ban')).toContainText('Trolling the thread');
  await expect(page.locator('.active-ban')).toContainText('2 comments hidden by this ban');

  // Hidden from readers, on the page and in the API.
  await visitor.reload();
  await expect(visitor.locator('#comments')).not.toContainText(first);
  await expect(visitor.locator('#comments')).not.toContainText(second);
  const listed = (await (await visitor.request.get(`/api/posts/${SEED_POST.id}/comments?limit=200`)).json()) as { comments: { html: string }[] };
  expect(listed.comments.some((c) => c.html.includes(first) || c.html.includes(second))).toBe(false);

  // The troll is refused, with the reason in plain words, through the API and through the form.
  const refused = await sendComment(trollApi, { body: uniqueText('Let me back in') });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toBe('Your account may no longer comment on this blog.');
  await trollForm.getByRole('button', { name: 'Publish' }).click();
  await expect(trollForm.getByRole('alert')).toHaveText('Your account may no longer comment on this blog.');
  await expect(trollForm.getByRole('textbox', { name: 'Your comment' })).toHaveValue('Still here');
  // The page is drawn again as it is now (live updates held): the ban's word, not "Commenting as".
  await expect(trollPage.locator('#post-a-comment > .status-message')).toHaveText('Your account may no longer comment on this blog.');
  await expect(trollPage.locator('#post-a-comment .commenting-as')).toHaveCount(0);
  await expect(trollForm.getByRole('textbox', { name: 'Your comment' })).toHaveValue('Still here');
  // A page opened now says so where the comment box would be, and offers no Reply or Edit.
  await trollPage.reload();
  await expect(trollPage.locator('#post-a-comment')).toContainText('Your account may no longer comment on this blog.');
  await expect(postCommentForm(trollPage)).toHaveCount(0);
  await expect(trollPage.locator('#comments').getByRole('link', { name: /^(Reply|Edit)$/ })).toHaveCount(0);

  // Unban: the two hidden comments return; the one marked spam before stays spam.
  await page.getByRole('button', { name: 'Unban' }).click();
  await expect(page.getByRole('status')).toHaveText('Ban lifted. 2 comments restored.');
  await expect(page.locator('.user-facts')).toContainText('2 published, 0 pending, 1 spam, 0 deleted');
  await visitor.reload();
  await expect(commentByText(visitor, first)).toBeVisible();
  await expect(commentByText(visitor, second)).toBeVisible();
  await expect(visitor.locator('#comments')).not.toContainText(alreadySpam);
  expect((await sendComment(trollApi, { body: uniqueText('Behaving now') })).status()).toBe(201);

  await page.goto('/admin/log');
  const unbanned = logRows(page).filter({ hasText: 'restored 2 comments' });
  await expect(unbanned).toHaveCount(1);
  await expect(unbanned).toContainText('unban');
  const banned = logRows(page).filter({ hasText: 'Trolling the thread (hid 2 comments)' });
  await expect(banned).toHaveCount(1);
  await expect(banned.getByRole('link', { name: troll.name })).toHaveAttribute('href', `/admin/users/${troll.id}`);
  // And each comment the ban hid has its own lines: hidden for the ban, back when it was lifted.
  await expect(logRows(page).filter({ hasText: 'its author was banned: Trolling the thread' })).toHaveCount(2);
  await expect(logRows(page).filter({ hasText: 'its author’s ban was lifted' })).toHaveCount(2);

  // Filtering by admin finds these entries too.
  await page.getByRole('combobox', { name: 'Admin' }).selectOption({ label: admin.user.name });
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`admin=${admin.user.id}`));
  await expect(logRows(page).first()).toContainText('unban');
  for (const row of await logRows(page).all()) await expect(row.locator('td:nth-child(2)')).toHaveText(admin.user.name);
});
