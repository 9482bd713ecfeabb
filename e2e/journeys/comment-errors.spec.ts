// Journey: a comment the blog refuses is not lost — the reader sees why, next to the text they wrote.
import { postComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import {
  expectCommentCount,
  openPost,
  postCommentForm,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

/** Exactly `length` characters, starting with a findable token. */
function textOfLength(length: number): string {
  const start = `${uniqueText('Far too long')} `;
  return `${start}${'word '.repeat(length).slice(0, length - start.length - 1)}.`;
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('an over-long comment (10,001 characters) gets a field error and the text stays in the box', async ({
      page,
      accounts,
    }) => {
      const reader = await accounts.create('toolong');
      await signInWithApi(page.request, reader);
      await openPost(page);
      const before = await readCommentCount(page);

      const form = postCommentForm(page);
      const textbox = form.getByRole('textbox', { name: 'Your comment' });
      if (javaScriptEnabled) await waitForEnhancedForm(form);
      // The box itself stops at 10,000 (maxlength); a browser that ignores it, or a pasted draft
      // in an old page, reaches the server with more. Take the limit off as such a browser would.
      await textbox.evaluate((element) => element.removeAttribute('maxlength'));
      const text = textOfLength(10_001);
      expect(text).toHaveLength(10_001);
      await textbox.fill(text);
      await expect(textbox).toHaveValue(text);

      await form.getByRole('button', { name: 'Publish' }).click();

      const refused = postCommentForm(page).getByRole('textbox', { name: 'Your comment' });
      await expect(refused).toHaveAttribute('aria-invalid', 'true');
      await expect(refused).toHaveAccessibleDescription(/Comment must be at most 10,000 characters\./);
      await expect(refused).toHaveValue(text);
      await expect(page.locator('.comment-body').filter({ hasText: text.slice(0, 40) })).toHaveCount(0);
      await expectCommentCount(page, before);
    });
  });
}

test.describe('the edit window passing while the author types', () => {
  test('with JavaScript, a live refresh keeps the open edit box and its text, and says why it cannot be saved', async ({
    page,
    accounts,
    db,
  }) => {
    const author = await accounts.create('slow-editor');
    await signInWithApi(page.request, author);
    const comment = await postComment(page.request, uniqueText('Soon to be rethought'));
    await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
    const editForm = page.getByRole('form', { name: 'Edit your comment' });
    await waitForEnhancedForm(editForm);
    const typed = uniqueText('Typed slowly, over the edit window');
    await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(typed);

    // The window passes, and someone else's comment makes the open page refresh its thread.
    await db.comment.update({ where: { id: comment.id }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000) } });
    await postComment(await accounts.apiAs(await accounts.create('passer-by')), uniqueText('Meanwhile'));

    await expect(editForm.getByRole('alert')).toContainText('The time for editing this comment has passed', { timeout: 10_000 });
    await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
    await expect(editForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('Save after the window has passed is refused, and the edit box comes back with the text', async ({ page, accounts, db }) => {
      const author = await accounts.create('late-editor');
      await signInWithApi(page.request, author);
      const comment = await postComment(page.request, uniqueText('Soon to be rethought'));
      await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
      const editForm = page.getByRole('form', { name: 'Edit your comment' });
      const typed = uniqueText('Typed slowly, saved too late');
      await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(typed);

      await db.comment.update({ where: { id: comment.id }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000) } });
      await editForm.getByRole('button', { name: 'Save' }).click();

      // The refusal is told beside the text (the rule's own words), which is still there to copy.
      await expect(editForm).toContainText('this one can no longer be edited');
      await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
      await expect(page.locator(`li#c${comment.id} .comment-body`)).toHaveCount(0);
    });
  });
});
