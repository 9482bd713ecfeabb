// Journey: Preview, the comment box's second button (as on Blogger's "Post a Comment"), shows the
// comment as readers will see it, publishes nothing and keeps every word in the box; the edit box
// has it too.
import type { Locator, Page } from '@playwright/test';
import { postComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import {
  commentByText,
  commentCard,
  expectCommentCount,
  openPost,
  pauseLiveUpdates,
  postCommentForm,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

/** The preview inside a box. */
function previewIn(form: Locator): Locator {
  return form.getByRole('region', { name: 'Preview (not published yet)' });
}

/** Markdown with something of each kind a preview should show rendered, and a findable token. */
function markdownFor(label: string): { text: string; token: string } {
  const token = uniqueText(label);
  return { token, text: `**Strong words** about ${token}, and [a link](https://example.com/preview).\n\n> A quoted line` };
}

async function openForm(page: Page, form: Locator, javaScriptEnabled: boolean): Promise<void> {
  if (!javaScriptEnabled) return;
  await pauseLiveUpdates(page);
  await waitForEnhancedForm(form);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    test('Preview shows the comment rendered, publishes nothing and keeps the text; Publish then publishes it', async ({
      page,
      accounts,
    }) => {
      await signInWithApi(page.request, await accounts.create('previewer'));
      await openPost(page);
      const before = await readCommentCount(page);
      const form = postCommentForm(page);
      await openForm(page, form, javaScriptEnabled);
      const { text, token } = markdownFor('Previewed first');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);

      await form.getByRole('button', { name: 'Preview' }).click();

      const preview = previewIn(postCommentForm(page));
      await expect(preview).toBeVisible();
      // The reader is taken to it (without JavaScript the answer is a new page, which would open at its top).
      await expect(preview).toBeFocused();
      await expect(preview).toBeInViewport();
      await expect(preview.locator('strong')).toHaveText('Strong words');
      await expect(preview.getByRole('link', { name: 'a link' })).toHaveAttribute('href', 'https://example.com/preview');
      await expect(preview.locator('blockquote')).toHaveText('A quoted line');
      await expect(preview).not.toContainText('**');
      await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
      // Nothing reached the thread.
      await expect(commentByText(page, token)).toHaveCount(0);
      await expectCommentCount(page, before);

      await postCommentForm(page).getByRole('button', { name: 'Publish' }).click();
      const published = commentByText(page, token);
      await expect(published).toBeVisible();
      await expect(published.locator('.comment-body strong')).toHaveText('Strong words');
      await expectCommentCount(page, before + 1);
      await expect(previewIn(postCommentForm(page))).toHaveCount(0);
    });

    test('Preview of an empty box says what is missing beside the box', async ({ page, accounts }) => {
      await signInWithApi(page.request, await accounts.create('empty-preview'));
      await openPost(page);
      const form = postCommentForm(page);
      await openForm(page, form, javaScriptEnabled);
      await form.getByRole('textbox', { name: 'Your comment' }).fill('   ');

      await form.getByRole('button', { name: 'Preview' }).click();

      const textbox = postCommentForm(page).getByRole('textbox', { name: 'Your comment' });
      await expect(textbox).toHaveAttribute('aria-invalid', 'true');
      await expect(textbox).toHaveAccessibleDescription(/Write a comment to see its preview\./);
      await expect(textbox).toBeFocused();
      await expect(textbox).toBeInViewport();
      await expect(previewIn(postCommentForm(page))).toHaveCount(0);
    });

    test('the edit box previews the rewritten text and keeps the comment as it was until Save', async ({ page, accounts }) => {
      await signInWithApi(page.request, await accounts.create('edit-previewer'));
      const original = uniqueText('Before the rewrite');
      const comment = await postComment(page.request, original);
      await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
      const editForm = page.getByRole('form', { name: 'Edit your comment' });
      await openForm(page, editForm, javaScriptEnabled);
      const { text, token } = markdownFor('After the rewrite');
      await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(text);

      await editForm.getByRole('button', { name: 'Preview' }).click();

      const preview = previewIn(page.getByRole('form', { name: 'Edit your comment' }));
      await expect(preview.locator('strong')).toHaveText('Strong words');
      await expect(preview).toContainText(token);
      // Without JavaScript the answer opens at the comment the address names (#c…), box and preview with it.
      await expect(preview).toBeInViewport();
      if (javaScriptEnabled) await expect(preview).toBeFocused();
      await expect(page.getByRole('form', { name: 'Edit your comment' }).getByRole('textbox')).toHaveValue(text);
      // Not saved: a reader who is not its author still reads the comment as it was.
      const other = await accounts.anonymousApi();
      const seen = await other.get(SEED_POST.path);
      const html = await seen.text();
      expect(html).toContain(original);
      expect(html).not.toContain(token);

      await page.getByRole('form', { name: 'Edit your comment' }).getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
      await expect(commentCard(page, comment.id).locator('.comment-body strong')).toHaveText('Strong words');
    });
  });
}

test('with JavaScript, a reply box previews in place of its own, not in the new-comment box', async ({ page, accounts }) => {
  const [writer, replier] = await Promise.all([accounts.create('preview-parent'), accounts.create('preview-replier')]);
  const parent = await postComment(await accounts.apiAs(writer), uniqueText('Answered after a preview'));
  await signInWithApi(page.request, replier);
  await page.goto(`${SEED_POST.path}?reply=${parent.id}#c${parent.id}`);
  await pauseLiveUpdates(page);
  const replyForm = page.getByRole('form', { name: `Reply to ${writer.name}` });
  await waitForEnhancedForm(replyForm);
  const { text, token } = markdownFor('A reply, previewed');
  await replyForm.getByRole('textbox').fill(text);

  await replyForm.getByRole('button', { name: 'Preview' }).click();

  await expect(previewIn(replyForm)).toContainText(token);
  await expect(previewIn(postCommentForm(page))).toHaveCount(0);
  await expect(replyForm.getByRole('textbox')).toHaveValue(text);
  await expect(page).toHaveURL((url) => url.searchParams.get('reply') === String(parent.id));
});
