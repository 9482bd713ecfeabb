// Journey: a moderator removes a comment while its author is rewriting it. The author's words are
// not taken off the page with it: the box stays with the text and says why it cannot be saved.
import { postComment, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { waitForEnhancedForm } from '../support/post-page';
import { expect, test } from './fixtures';

test('with JavaScript, the edit box of a comment a moderator removes keeps the text and says it cannot be saved', async ({
  accounts,
  admin,
  browse,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const author = await accounts.create('rewriter');
  const page = await browse(author);
  const comment = await postComment(page.context().request, uniqueText('Soon rewritten, then removed'));
  await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
  const editForm = page.getByRole('form', { name: 'Edit your comment' });
  await waitForEnhancedForm(editForm);
  const typed = uniqueText('Half of a better version');
  await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(typed);
  // Meanwhile the author has gone on to write a new comment: the kept box must not take the keyboard.
  const newComment = page.locator('#post-a-comment').getByRole('textbox', { name: 'Your comment', exact: true });
  await newComment.click();
  await newComment.pressSequentially('Meanwhile');

  const removal = await admin.api.post(`/api/admin/comments/${comment.id}/delete`);
  expect(removal.status(), await removal.text()).toBe(200);

  // The live update draws the thread without the comment; the box stays, outside it.
  await expect(page.locator(`li#c${comment.id}`)).toHaveCount(0, { timeout: 15_000 });
  await expect(editForm.getByRole('alert')).toHaveText(
    'This comment was removed while you were rewriting it, so it can no longer be saved. Copy your text if you want to keep it.',
  );
  await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
  await expect(editForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  await expect(newComment).toBeFocused();

  // Previewed, it still cannot be saved, and still says why.
  await editForm.getByRole('button', { name: 'Preview' }).click();
  await expect(editForm.getByRole('region', { name: 'Preview (not published yet)' })).toContainText(typed);
  await expect(editForm.getByRole('alert')).toContainText('This comment was removed while you were rewriting it');
  await expect(editForm.getByRole('button', { name: 'Save' })).toBeDisabled();

  // Cancel puts it away, text and all. Its Edit link went with the comment: the focus goes to the
  // comments' heading, not to the top of the page.
  await editForm.getByRole('link', { name: 'Cancel' }).focus();
  await page.keyboard.press('Enter');
  await expect(editForm).toHaveCount(0);
  await expect(page.locator('#comments-heading')).toBeFocused();
  await page.reload();
  await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
});
