// Journey: a visitor without an account. By default they are asked to sign in or register; when
// the blog lets anyone comment, they comment under a name and the comment waits for moderation.
import { postComment, publishedTotal, uniqueText } from '../support/api';
import { SEED_POST, SEED_RETURN_TO } from '../support/blog';
import {
  commentActions,
  expectCommentCount,
  openPost,
  postCommentForm,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

test(
  'by default a signed-out visitor gets sign-in and register links back to the post, and no comment box',
  { tag: '@one-database' },
  async ({ page }) => {
    await openPost(page);
    const postArea = page.locator('#post-a-comment');
    await expect(postArea).toContainText('Sign in or register to post a comment.');
    const returnTo = encodeURIComponent(SEED_RETURN_TO);
    await expect(postArea.getByRole('link', { name: 'Sign in', exact: true })).toHaveAttribute(
      'href',
      `/signin?returnTo=${returnTo}`,
    );
    await expect(postArea.getByRole('link', { name: 'register', exact: true })).toHaveAttribute(
      'href',
      `/register?returnTo=${returnTo}`,
    );
    await expect(page.locator('#comments textarea')).toHaveCount(0);
    await expect(postCommentForm(page)).toHaveCount(0);
    await expect(page.locator('#comments').getByRole('link', { name: 'Reply' })).toHaveCount(0);
  },
);

test.describe('when anyone may comment', () => {
  test.beforeEach(async ({ commentSettings }) => {
    await commentSettings.set({ whoMayComment: 'anyone', holdGuestComments: true });
  });

  test('a guest comment is held: the guest is told, and nobody sees it yet', async ({ page, browser, request }) => {
    await openPost(page);
    const before = await readCommentCount(page);
    const form = postCommentForm(page);
    await expect(form.getByRole('group', { name: 'Comment as a guest' })).toBeVisible();
    await waitForEnhancedForm(form);

    const text = uniqueText('A guest passing by');
    await form.getByRole('textbox', { name: 'Name' }).fill('Passing Guest');
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();

    await expect(form.getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');
    // Nowhere to take the guest: a keyboard or screen-reader user lands on the word that it was sent.
    await expect(form.getByRole('status')).toBeFocused();
    await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue('');
    await expect(page.locator('#comments')).not.toContainText(text);
    await expectCommentCount(page, before);

    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await openPost(otherPage);
      await expect(otherPage.locator('#comments')).not.toContainText(text);
      await expectCommentCount(otherPage, before);
    } finally {
      await other.close();
    }
    expect(await publishedTotal(request)).toBe(before);
    const listed = await (await request.get(`/api/posts/${SEED_POST.id}/comments?limit=200`)).text();
    expect(listed).not.toContain(text);
  });

  test(
    'a guest without a name gets a field error on Name and keeps the comment',
    { tag: '@one-database' },
    async ({ page }) => {
      await openPost(page);
      const form = postCommentForm(page);
      await waitForEnhancedForm(form);
      const text = uniqueText('Who wrote this?');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await form.getByRole('button', { name: 'Publish' }).click();

      const name = form.getByRole('textbox', { name: 'Name' });
      await expect(name).toHaveAttribute('aria-invalid', 'true');
      await expect(name).toHaveAccessibleDescription('Enter your name to comment as a guest.');
      // The refused field takes the focus, so a keyboard or screen-reader user lands on the message.
      await expect(name).toBeFocused();
      await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
      await expect(page.locator('#comments .comment-body').filter({ hasText: text })).toHaveCount(0);
    },
  );

  test('a guest replies under a comment: the reply box asks for a name too, and the reply is held', async ({
    page,
    accounts,
  }) => {
    const parent = await postComment(await accounts.apiAs(await accounts.create('answered')), uniqueText('Ask me'));
    await openPost(page);
    await commentActions(page, parent.id).getByRole('link', { name: 'Reply' }).click();
    const form = page.getByRole('form', { name: /^Reply to / });
    await waitForEnhancedForm(form);
    await expect(form.getByRole('group', { name: 'Comment as a guest' })).toBeVisible();

    const text = uniqueText('A guest answers');
    await form.getByRole('textbox', { name: /^Reply to / }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();
    const name = form.getByRole('textbox', { name: 'Name' });
    await expect(name).toHaveAccessibleDescription('Enter your name to comment as a guest.');
    await expect(form.getByRole('textbox', { name: /^Reply to / })).toHaveValue(text);

    await name.fill('Answering Guest');
    await form.getByRole('button', { name: 'Publish' }).press('Enter');
    await expect(form.getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');
    await expect(form.getByRole('status')).toBeFocused();
    // Nobody can see a guest's held reply yet, so there is nowhere to take the guest: the page stays,
    // and so does the word that it waits, past the page's next live check. (Not "network idle": while
    // other journeys comment on this post, each check is followed by a refresh, and on a busy machine
    // the quiet half-second between them may never come.)
    await page.waitForResponse((response) => new URL(response.url()).pathname.endsWith('/comments/version'));
    await expect(page).toHaveURL((url) => url.searchParams.get('reply') === String(parent.id));
    await expect(form.getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');
    await expect(page.locator('#comments')).not.toContainText(text);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('a guest comment lands back on the post with the "awaiting moderation" notice', async ({ page }) => {
      await openPost(page);
      const before = await readCommentCount(page);
      const form = postCommentForm(page);
      const text = uniqueText('A guest without scripts');
      await form.getByRole('textbox', { name: 'Name' }).fill('Plain Guest');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await form.getByRole('button', { name: 'Publish' }).click();

      await expect(page).toHaveURL(
        (url) => url.pathname === SEED_POST.path && url.searchParams.has('held') && url.hash === '#comments',
      );
      await expect(page.locator('#comments').getByRole('status')).toHaveText(
        'Thanks! Your comment was sent for moderation.',
      );
      await expect(page.locator('#comments')).not.toContainText(text);
      await expectCommentCount(page, before);

      // The notice is for the comment's writer: an address merely saying so shows nothing.
      const held = new URL(page.url()).searchParams.get('held') ?? '';
      for (const madeUp of ['1', `${held.split('.')[0]}.forged-signature`]) {
        await page.goto(`${SEED_POST.path}?held=${madeUp}#comments`);
        await expect(page.locator('#comments')).toBeVisible();
        await expect(page.locator('#comments')).not.toContainText('awaiting moderation');
      }
    });
  });
});
