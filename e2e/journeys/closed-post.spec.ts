// Journey on the fixture blog (e2e/fixtures/content): a post whose front matter says
// `comments: closed` keeps its thread readable but takes no new comments, by form or by API.
import { postComment, sendComment, signInWithApi, uniqueText } from '../support/api';
import { FIXTURE_BLOG_FORM_MIN_SECONDS } from '../support/blog';
import { waitForEnhancedForm } from '../support/post-page';
import { expect, test } from '../support/journeys';

/** e2e/fixtures/content/posts/2022-08-02-a-long-table-in-vladivostok.md (`comments: closed`; id = slug). */
const CLOSED_POST = { id: 'a-long-table-in-vladivostok', path: '/2022/08/a-long-table-in-vladivostok' };

test(
  'a post closed in its front matter refuses comments with 403 and says "Comments are closed."',
  { tag: '@fixture-blog' },
  async ({ page, accounts }) => {
    const reader = await accounts.create('closed');
    const api = await accounts.apiAs(reader);
    const refused = await sendComment(api, { body: uniqueText('Too late for this one') }, CLOSED_POST.id);
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({ request: 'Comments are closed on this post.' });

    await page.goto(CLOSED_POST.path);
    await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.');
    await expect(page.locator('#comments textarea')).toHaveCount(0);
    await expect(page.locator('#comments').getByRole('link', { name: 'Reply' })).toHaveCount(0);
  },
);

// An address of its own: this blog keeps the real limit of five new accounts an hour per address,
// which the other journeys here and the page-cache journeys use up.
test.describe(() => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.10' } });

  test(
    'a post closed while a reader is typing keeps their box and text on the open page; Publish says why',
    { tag: '@fixture-blog' },
    async ({ page, accounts, db }) => {
      // A post no other test comments on, closed by an admin while the reader is typing.
      const post = { id: 'rail-freight-through-kazakhstan', path: '/2021/02/rail-freight-through-kazakhstan' };
      await signInWithApi(page.request, await accounts.create('typing-on'));
      await page.goto(post.path);
      const form = page.getByRole('form', { name: 'Your comment' });
      await waitForEnhancedForm(form);
      const text = uniqueText('Half a thought when the post closed');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
      await page.waitForTimeout(FIXTURE_BLOG_FORM_MIN_SECONDS * 1000);
      const closing = { closed: true, version: { increment: 1 } };
      await db.postThread.upsert({ where: { postId: post.id }, update: closing, create: { postId: post.id, closed: true, version: 1 } });
      try {
        // The open page hears of it at its next check and says so; the box stays with the text.
        await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.', { timeout: 10_000 });
        await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
        await form.getByRole('button', { name: 'Publish' }).click();
        await expect(form.getByRole('alert')).toHaveText('Comments are closed on this post.');
        await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
        // Nothing is wrong with the text: the box is not marked as the field to put right.
        await expect(form.getByRole('textbox', { name: 'Your comment' })).not.toHaveAttribute('aria-invalid');
      } finally {
        await db.postThread.update({ where: { postId: post.id }, data: { closed: false, version: { increment: 1 } } });
      }
    },
  );
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test(
    'a comment sent after its post was closed comes back with its text and the reason',
    { tag: '@fixture-blog' },
    async ({ page, accounts, db }) => {
      // A post no other test comments on, closed by an admin while the reader is typing.
      const post = { id: 'summer-in-the-far-east', path: '/2019/07/summer-in-the-far-east' };
      await signInWithApi(page.request, await accounts.create('typing-late'));
      await page.goto(post.path);
      const form = page.getByRole('form', { name: 'Your comment' });
      const text = uniqueText('Written while the post was still open');
      await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
      // This blog wants a form open a few seconds before it is sent, as a person's would be.
      await page.waitForTimeout(FIXTURE_BLOG_FORM_MIN_SECONDS * 1000);
      await db.postThread.upsert({ where: { postId: post.id }, update: { closed: true }, create: { postId: post.id, closed: true } });
      try {
        await form.getByRole('button', { name: 'Publish' }).click();
        await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.');
        await expect(form).toContainText('Comments are closed on this post.');
        await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
      } finally {
        await db.postThread.update({ where: { postId: post.id }, data: { closed: false } });
      }
    },
  );

  test(
    'a reply sent after its post was closed comes back under its comment with its text and the reason',
    { tag: '@fixture-blog' },
    async ({ page, accounts, db }) => {
      // Another post no other test comments on, so closing it cannot touch the test above.
      const post = { id: 'winter-solstice-dumplings', path: '/2021/12/winter-solstice-dumplings' };
      const asker = await accounts.create('asker');
      const parent = await postComment(await accounts.apiAs(asker), uniqueText('Answer me'), { postId: post.id });
      await signInWithApi(page.request, await accounts.create('replying-late'));
      await page.goto(`${post.path}?reply=${parent.id}`);
      const form = page.getByRole('form', { name: `Reply to ${asker.name}` });
      const text = uniqueText('A reply written while the post was still open');
      await form.getByRole('textbox', { name: `Reply to ${asker.name}` }).fill(text);
      await page.waitForTimeout(FIXTURE_BLOG_FORM_MIN_SECONDS * 1000);
      await db.postThread.update({ where: { postId: post.id }, data: { closed: true } });
      try {
        await form.getByRole('button', { name: 'Publish' }).click();
        await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.');
        await expect(form).toContainText('Comments are closed on this post.');
        await expect(form.getByRole('textbox', { name: `Reply to ${asker.name}` })).toHaveValue(text);
      } finally {
        await db.postThread.update({ where: { postId: post.id }, data: { closed: false } });
      }
    },
  );
});

// An address of its own, for the same reason as above.
test.describe(() => {
  test.use({ extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.11' } });

  test(
    'an admin cannot reopen a post its front matter closes: the API answers 409 saying why, and so does the post page',
    { tag: '@fixture-blog' },
    async ({ page, accounts, db }) => {
      const owner = await accounts.create('reopener');
      await db.user.update({ where: { email: owner.email }, data: { role: 'admin' }, select: { id: true } });
      const why = 'Comments are closed by the post’s front matter (comments: closed).';

      const reopen = await (await accounts.apiAs(owner)).post(`/api/admin/posts/${CLOSED_POST.id}/reopen`);
      expect(reopen.status()).toBe(409);
      expect(((await reopen.json()) as { errors: Record<string, string> }).errors).toEqual({
        request: `${why} Reopening here cannot open them.`,
      });
      expect(await db.postThread.findUnique({ where: { postId: CLOSED_POST.id }, select: { closed: true } })).not.toEqual({
        closed: false,
      });

      await signInWithApi(page.request, owner);
      await page.goto(CLOSED_POST.path);
      const controls = page.getByRole('group', { name: 'Admin' });
      await expect(controls).toContainText(why);
      await expect(controls.getByRole('button', { name: 'Reopen comments' })).toHaveCount(0);
    },
  );
});
