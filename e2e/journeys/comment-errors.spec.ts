// Journey: a comment the blog refuses is not lost — the reader sees why, next to the text they wrote.
import { signInWithApi, uniqueText } from '../support/api';
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
