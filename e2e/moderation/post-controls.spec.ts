// Journey: an admin on a post page sees held comments in place and moderates them there, and
// closes and reopens the post's comments.
import { postComment, sendComment, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { commentById, commentByText, commentCard, openPost, pauseLiveUpdates, postCommentForm } from '../support/post-page';
import { expect, logRows, queueRow, test } from './fixtures';

// Each journey drives several browsers through many pages; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('an admin sees held comments on the post, marked and with why, and approves or marks spam there', async ({
  admin,
  browse,
  heldComment,
}) => {
  const { text, id } = await heldComment('held', 'Waiting in the thread');

  const visitor = await browse(null);
  await openPost(visitor);
  await expect(visitor.locator('#comments')).not.toContainText(text);
  await expect(visitor.locator('#comments').getByRole('button', { name: 'Approve' })).toHaveCount(0);

  const { page } = admin;
  await openPost(page);
  // What changes on the admin's page must come from the button itself, not from the next live check.
  await pauseLiveUpdates(page);
  const item = commentById(page, id);
  await expect(item).toContainText(text);
  await expect(item.locator('.comment-pending')).toHaveText('Awaiting moderation (first comment).');
  await item.getByRole('button', { name: 'Approve' }).click();
  await expect(item.locator('.comment-pending')).toHaveCount(0);
  await expect(commentByText(visitor, text)).toBeVisible({ timeout: 5_000 });

  await item.getByRole('button', { name: 'Spam' }).click();
  await expect(commentById(page, id)).toHaveCount(0);
  await expect(commentById(visitor, id)).toHaveCount(0, { timeout: 5_000 });
  await page.goto('/admin?status=spam');
  await expect(queueRow(page, text)).toBeVisible();
});

test('a button on a page drawn before another admin acted leaves their decision standing, and says so', async ({ admin, db, heldComment }) => {
  const { id } = await heldComment('contested', 'Judged by two admins at once');
  const { page } = admin;
  await openPost(page);
  await pauseLiveUpdates(page);
  const approve = commentById(page, id).getByRole('button', { name: 'Approve' });
  await expect(approve).toBeVisible();
  // Another admin marks it as spam while this page still shows it waiting.
  expect((await admin.api.post(`/api/admin/comments/${id}/spam`)).status()).toBe(200);
  await approve.click();
  await expect(page.locator('#comments').getByRole('status')).toHaveText(
    'That comment was not changed: someone changed it since this page was drawn. Here it is as it stands now.',
  );
  expect((await db.comment.findUnique({ where: { id }, select: { status: true } }))?.status).toBe('spam');
});

test('an admin deletes a published comment from the post page; a deleted one with a reply can be restored there', async ({
  admin,
  accounts,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const [writer, replier] = await Promise.all([accounts.create('deleted'), accounts.create('answerer')]);
  const writerApi = await accounts.apiAs(writer);
  const alone = await postComment(writerApi, uniqueText('Deleted by an admin'));
  const parentText = uniqueText('Deleted, but answered');
  const parent = await postComment(writerApi, parentText);
  await postComment(await accounts.apiAs(replier), uniqueText('An answer that stays'), { parentId: parent.id });
  // One its own author took back, answered too, so that it keeps a place in the thread.
  const withdrawn = await postComment(writerApi, uniqueText('Taken back by its author'));
  await postComment(await accounts.apiAs(replier), uniqueText('Answering what was taken back'), { parentId: withdrawn.id });
  expect((await writerApi.delete(`/api/comments/${withdrawn.id}`)).status()).toBe(200);

  const { page } = admin;
  await openPost(page);
  // What changes on the admin's page must come from the button itself, not from the next live check.
  await pauseLiveUpdates(page);
  await commentById(page, alone.id).getByRole('button', { name: 'Delete' }).first().click();
  await expect(commentById(page, alone.id)).toHaveCount(0);
  const visitor = await browse(null);
  await openPost(visitor);
  await expect(commentById(visitor, alone.id)).toHaveCount(0);

  // A deleted comment with a reply keeps its place, and the admin can bring it back from there.
  await commentCard(page, parent.id).getByRole('button', { name: 'Delete' }).click();
  const placeholder = commentById(page, parent.id);
  // Readers are told who removed it: here not its author.
  const removedByAdmin = 'This comment has been removed by a blog administrator.';
  await expect(placeholder.locator(':scope > .comment-removed-note')).toHaveText(removedByAdmin);
  await expect(placeholder).not.toContainText(parentText);
  await openPost(visitor);
  await expect(commentById(visitor, parent.id).locator(':scope > .comment-removed-note')).toHaveText(removedByAdmin);
  // What its author deleted is not the admin's to bring back: no Restore, and a replayed form says why.
  await expect(commentById(page, withdrawn.id).getByRole('button', { name: 'Restore' })).toHaveCount(0);
  const restoreForm = placeholder.getByRole('form', { name: `Moderate comment ${parent.id}` });
  await restoreForm.locator('input[name="commentId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), String(withdrawn.id));
  await restoreForm.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('#comments').getByRole('status')).toHaveText(
    'Its author deleted this comment, so it stays deleted: a moderator can restore or mark as spam only what a moderator removed.',
  );
  await expect(commentById(page, withdrawn.id).locator(':scope > .comment-removed-note')).toHaveText(
    'This comment has been removed by the author.',
  );

  await placeholder.getByRole('form', { name: `Moderate comment ${parent.id}` }).getByRole('button', { name: 'Restore' }).click();
  await expect(commentCard(page, parent.id)).toContainText(parentText);
  await openPost(visitor);
  await expect(commentCard(visitor, parent.id)).toContainText(parentText);
});

test('an answered comment marked spam stays as a placeholder above the answer, and Restore brings it back', async ({
  admin,
  accounts,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const [writer, replier] = await Promise.all([accounts.create('spammed'), accounts.create('innocent')]);
  const parentText = uniqueText('Marked spam after an answer');
  const parent = await postComment(await accounts.apiAs(writer), parentText);
  const answerText = uniqueText('An innocent answer');
  const answer = await postComment(await accounts.apiAs(replier), answerText, { parentId: parent.id });

  const { page } = admin;
  await openPost(page);
  await pauseLiveUpdates(page);
  await commentCard(page, parent.id).getByRole('button', { name: 'Spam' }).click();
  const removedByAdmin = 'This comment has been removed by a blog administrator.';
  await expect(commentById(page, parent.id).locator(':scope > .comment-removed-note')).toHaveText(removedByAdmin);

  // Readers keep the answer, under a placeholder that says nothing of what was marked.
  const visitor = await browse(null);
  await openPost(visitor);
  const placeholder = commentById(visitor, parent.id);
  await expect(placeholder.locator(':scope > .comment-removed-note')).toHaveText(removedByAdmin);
  await expect(placeholder).not.toContainText(parentText);
  await expect(placeholder.locator(':scope > .comment-replies')).toContainText(answerText);
  await expect(commentById(visitor, answer.id)).toBeVisible();

  await commentById(page, parent.id).getByRole('form', { name: `Moderate comment ${parent.id}` }).getByRole('button', { name: 'Restore' }).click();
  await expect(commentCard(page, parent.id)).toContainText(parentText);
  await openPost(visitor);
  await expect(commentCard(visitor, parent.id)).toContainText(parentText);
});

test('closing a post keeps its thread readable but takes no comments; reopening brings the form back', async ({
  admin,
  accounts,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const reader = await accounts.create('closed');
  const readerApi = await accounts.apiAs(reader);
  const earlier = uniqueText('Said before the close');
  expect((await sendComment(readerApi, { body: earlier })).status()).toBe(201);

  const { page } = admin;
  await openPost(page);
  // What changes on the admin's page must come from the button itself, not from the next live check.
  await pauseLiveUpdates(page);
  await page.getByRole('button', { name: 'Close comments' }).click();
  await expect(page.getByRole('button', { name: 'Reopen comments' })).toBeVisible();
  await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.');

  const readerPage = await browse(reader);
  await openPost(readerPage);
  await expect(commentByText(readerPage, earlier)).toBeVisible();
  await expect(readerPage.locator('#post-a-comment')).toContainText('Comments are closed.');
  await expect(postCommentForm(readerPage)).toHaveCount(0);
  await expect(readerPage.getByRole('link', { name: 'Reply' })).toHaveCount(0);
  const refused = await sendComment(readerApi, { body: uniqueText('Too late') });
  expect(refused.status()).toBe(403);
  expect(((await refused.json()) as { error: string }).error).toBe('Comments are closed on this post.');

  await page.getByRole('button', { name: 'Reopen comments' }).click();
  await expect(page.getByRole('button', { name: 'Close comments' })).toBeVisible();
  await readerPage.reload();
  await expect(postCommentForm(readerPage)).toBeVisible();
  expect((await sendComment(readerApi, { body: uniqueText('Open again') })).status()).toBe(201);

  await page.goto('/admin/log');
  await expect(logRows(page).nth(0)).toContainText('reopen');
  await expect(logRows(page).nth(0)).toContainText('closed → open');
  await expect(logRows(page).nth(1)).toContainText('close');
  await expect(logRows(page).nth(1)).toContainText('open → closed');
  await expect(logRows(page).nth(1).getByRole('link', { name: SEED_POST.title })).toHaveAttribute('href', SEED_POST.path);
});
