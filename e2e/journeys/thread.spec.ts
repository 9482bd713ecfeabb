// Journeys through a thread: replying under a comment, editing one's own comment, deleting it.
import { newUserFields, postComment, postComments, signInWithApi, uniqueSuffix, uniqueText, type TestUser } from '../support/api';
import { FIXTURE_BLOG_FORM_MIN_SECONDS, SEED_POST } from '../support/blog';
import {
  commentActions,
  commentById,
  commentCard,
  deleteOwnComment,
  deleteStep,
  expectCommentCount,
  openPost,
  pauseLiveUpdates,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import type { Locator } from '@playwright/test';
import { expect, test } from '../support/journeys';

test('Reply under a comment opens a reply form; the published reply is nested under its parent', async ({
  page,
  accounts,
}) => {
  const [alice, bob] = await Promise.all([accounts.create('alice'), accounts.create('bob')]);
  const parentText = uniqueText('Parent comment');
  const parent = await postComment(await accounts.apiAs(bob), parentText);

  await signInWithApi(page.request, alice);
  await openPost(page);
  await pauseLiveUpdates(page);
  const before = await readCommentCount(page);

  await commentActions(page, parent.id).getByRole('link', { name: 'Reply' }).click();
  await expect(page).toHaveURL(
    (url) => url.pathname === SEED_POST.path && url.searchParams.get('reply') === String(parent.id),
  );
  const replyForm = page.getByRole('form', { name: `Reply to ${bob.name}` });
  await expect(replyForm).toBeVisible();
  await expect(page.locator(`li#c${parent.id} > .reply-form`)).toContainText(`Reply to ${bob.name}`);
  await waitForEnhancedForm(replyForm);

  const replyText = uniqueText('A reply under it');
  await replyForm.getByRole('textbox', { name: `Reply to ${bob.name}` }).fill(replyText);
  await replyForm.getByRole('button', { name: 'Publish' }).click();

  const nested = page.locator(`li#c${parent.id} > ol.comment-replies > li.comment`).filter({ hasText: replyText });
  await expect(nested).toBeVisible();
  await expect(nested.locator('.comment-author').first()).toHaveText(alice.name);
  // The box closes with the address that opened it, as the form's redirect closes it without
  // JavaScript, and the reader goes on from their reply.
  const replyAnchor = await nested.getAttribute('id');
  await expect(page).toHaveURL((url) => !url.searchParams.has('reply') && url.hash === `#${replyAnchor}`);
  await expect(replyForm).toHaveCount(0);
  await expect(nested.locator(':scope > article')).toBeFocused();
  // Not also at the top level.
  await expect(
    page
      .locator('#comments ol.comment-list > li.comment')
      .filter({ has: page.locator(':scope > article', { hasText: replyText }) }),
  ).toHaveCount(0);
  await expectCommentCount(page, before + 1);

  // Reply again: a fresh, empty box, not the last one's answer.
  await commentActions(page, parent.id).getByRole('link', { name: 'Reply' }).click();
  await expect(replyForm.getByRole('textbox', { name: `Reply to ${bob.name}` })).toHaveValue('');
  await expect(replyForm.getByRole('status')).toHaveCount(0);
  await expect(replyForm.getByRole('textbox', { name: `Reply to ${bob.name}` })).toBeFocused();

  // The same nesting for a reader who loads the page afresh.
  await page.reload();
  await expect(
    page.locator(`li#c${parent.id} > ol.comment-replies > li.comment`).filter({ hasText: replyText }),
  ).toBeVisible();
});

test('a reply held for moderation closes its box too, and the section says it waits', async ({
  page,
  accounts,
  commentSettings,
}) => {
  const [asker, answerer] = await Promise.all([accounts.create('asker'), accounts.create('held-replier')]);
  const parent = await postComment(await accounts.apiAs(asker), uniqueText('Held replies welcome'));
  await commentSettings.set({ holdFor: 'everyone' });
  await signInWithApi(page.request, answerer);
  await openPost(page);
  await pauseLiveUpdates(page);

  await commentActions(page, parent.id).getByRole('link', { name: 'Reply' }).click();
  const replyForm = page.getByRole('form', { name: `Reply to ${asker.name}` });
  await waitForEnhancedForm(replyForm);
  const replyText = uniqueText('An answer that waits');
  await replyForm.getByRole('textbox', { name: `Reply to ${asker.name}` }).fill(replyText);
  await replyForm.getByRole('button', { name: 'Publish' }).click();

  // Its author sees it in place, marked; the receipt the box gave is said where the box's answer lands.
  const nested = page.locator(`li#c${parent.id} > ol.comment-replies > li.comment`).filter({ hasText: replyText });
  await expect(nested.locator('.comment-pending')).toHaveText('Your comment is awaiting moderation.');
  await expect(replyForm).toHaveCount(0);
  await expect(page).toHaveURL((url) => !url.searchParams.has('reply') && url.searchParams.has('held'));
  await expect(page.locator('#comments').getByRole('status')).toHaveText('Thanks! Your comment was sent for moderation.');
  await expect(nested.locator(':scope > article')).toBeFocused();
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'editing with JavaScript' : 'editing without JavaScript', { tag: javaScriptEnabled ? [] : '@one-database' }, () => {
    test.use({ javaScriptEnabled });

    test('an author edits their comment within the window: the new text shows, marked "edited"', async ({
      page,
      accounts,
    }) => {
      const alice = await accounts.create('editor');
      await signInWithApi(page.request, alice);
      const original = uniqueText('Wrote this in haste');
      const comment = await postComment(page.request, original);

      await openPost(page);
      await pauseLiveUpdates(page);
      await expect(commentCard(page, comment.id).locator('.comment-edited')).toHaveCount(0);
      await commentActions(page, comment.id).getByRole('link', { name: 'Edit' }).click();
      const editForm = page.getByRole('form', { name: 'Edit your comment' });
      const textbox = editForm.getByRole('textbox', { name: 'Edit your comment' });
      await expect(textbox).toHaveValue(original);
      if (javaScriptEnabled) await waitForEnhancedForm(editForm);

      const edited = uniqueText('Thought it over');
      await textbox.fill(edited);
      await editForm.getByRole('button', { name: 'Save' }).click();

      await expect(commentCard(page, comment.id).locator('.comment-edited')).toHaveText('edited');
      // Saved means done: the comment shows its new text, and the edit box has closed.
      await expect(commentCard(page, comment.id).locator('.comment-body')).toHaveText(edited);
      await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
      await expect(page.locator('#comments')).not.toContainText(original);
    });
  });
}

test('Edit and Delete appear on one’s own comments only', { tag: '@one-database' }, async ({ page, accounts }) => {
  const [alice, bob] = await Promise.all([accounts.create('own'), accounts.create('other')]);
  const theirs = await postComment(await accounts.apiAs(bob), uniqueText('Someone else wrote this'));
  await signInWithApi(page.request, alice);
  const mine = await postComment(page.request, uniqueText('I wrote this'));

  await openPost(page);
  await expect(commentActions(page, mine.id).getByRole('link', { name: 'Edit' })).toBeVisible();
  await expect(deleteStep(commentActions(page, mine.id))).toBeVisible();
  await expect(commentActions(page, theirs.id).getByRole('link', { name: 'Reply' })).toBeVisible();
  await expect(commentActions(page, theirs.id).getByRole('link', { name: 'Edit' })).toHaveCount(0);
  await expect(deleteStep(commentActions(page, theirs.id))).toHaveCount(0);
  await expect(commentActions(page, theirs.id).getByRole('button')).toHaveCount(0);

  // Asking for the edit form by address does not open it on someone else's comment either.
  await page.goto(`${SEED_POST.path}?edit=${theirs.id}#c${theirs.id}`);
  await expect(commentCard(page, theirs.id)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
});

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'deleting with JavaScript' : 'deleting without JavaScript', { tag: javaScriptEnabled ? [] : '@one-database' }, () => {
    test.use({ javaScriptEnabled });

    test('Delete asks once more; then a comment without replies disappears and the count goes down', async ({
      page,
      accounts,
    }) => {
      const alice = await accounts.create('deleter');
      await signInWithApi(page.request, alice);
      const text = uniqueText('Regret this one');
      const comment = await postComment(page.request, text);

      await openPost(page);
      // What changes must come from Delete itself, not from the next live check.
      await pauseLiveUpdates(page);
      const before = await readCommentCount(page);
      await expect(commentById(page, comment.id)).toBeVisible();
      // An author's deletion cannot be undone: one press (a slip on a phone) deletes nothing.
      const actions = commentActions(page, comment.id);
      // Where Delete and the question stand in the comment's line of actions.
      const inActions = (locator: Locator) =>
        locator.evaluate((element) => {
          const own = element.getBoundingClientRect();
          const line = element.closest('.comment-actions')!.getBoundingClientRect();
          return { left: own.left - line.left, top: own.top - line.top, bottom: own.bottom - line.top };
        });
      const pressedAt = await inActions(deleteStep(actions));
      await deleteStep(actions).click();
      await expect(actions.getByText('Delete this comment for good?')).toBeVisible();
      // Delete stays where it was pressed (beside Reply and Edit); the question opens below it.
      expect(await inActions(deleteStep(actions))).toEqual(pressedAt);
      expect((await inActions(actions.getByText('Delete this comment for good?'))).top).toBeGreaterThanOrEqual(pressedAt.bottom);
      await expect(commentCard(page, comment.id).locator('.comment-body')).toHaveText(text);
      // Edit opened meanwhile closes the question: under the edit box it would read as Save's.
      await actions.getByRole('link', { name: 'Edit' }).click();
      await expect(page.getByRole('form', { name: 'Edit your comment' })).toBeVisible();
      await expect(actions.getByText('Delete this comment for good?')).toBeHidden();
      await page.getByRole('form', { name: 'Edit your comment' }).getByRole('link', { name: 'Cancel' }).click();
      await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
      await deleteStep(actions).click();
      await actions.getByRole('button', { name: 'Yes, delete it' }).click();

      await expect(commentById(page, comment.id)).toHaveCount(0);
      await expectCommentCount(page, before - 1);
      await expect(page.locator('#comments')).not.toContainText(text);
      // Said, not only seen: a comment that vanishes tells a screen reader nothing.
      await expect(page.locator('#comments').getByRole('status')).toHaveText('Your comment is deleted.');

      // The receipt is the deleter's: an address merely saying so shows nothing.
      const deleted = new URL(page.url()).searchParams.get('deleted') ?? '';
      expect(deleted).toMatch(new RegExp(`^${comment.id}\\.`));
      for (const madeUp of ['1', `${comment.id}.AAAAAAAAAAAAAAAA`]) {
        await page.goto(`${SEED_POST.path}?deleted=${madeUp}`);
        await expect(page.locator('#comments h2')).toBeVisible();
        await expect(page.locator('#comments .form-success')).toHaveCount(0);
      }
    });

    test('Delete on a later page of the thread stays on that page', async ({ page, accounts, commentSettings }) => {
      await commentSettings.set({ commentsPerPage: 5, holdFor: 'nobody' });
      const alice = await accounts.create('paged-deleter');
      await signInWithApi(page.request, alice);
      await postComments(page.request, 5, 'Page filler');
      const comment = await postComment(page.request, uniqueText('Deleted from a later page'));
      // Either this one shares its page, or that page is full: it never holds the deleted one alone.
      await postComment(page.request, uniqueText('Stays on that page'));

      // A comment's own address opens the page of the thread that holds it.
      await page.goto(`/comments/${comment.id}`);
      const shown = new URL(page.url()).searchParams.get('comments');
      expect(Number(shown)).toBeGreaterThan(1);
      await pauseLiveUpdates(page);
      const neighbour = page.locator(`ol.comment-list > li.comment:not(#c${comment.id})`).first();
      const neighbourId = await neighbour.getAttribute('id');
      await deleteOwnComment(commentActions(page, comment.id));

      await expect(commentById(page, comment.id)).toHaveCount(0);
      await expect(page).toHaveURL((url) => url.searchParams.get('comments') === shown);
      await expect(page.locator(`li#${neighbourId}`)).toBeVisible();
    });

    test('a comment with a reply leaves "removed by the author" in its place, and the reply stays', async ({
      page,
      accounts,
    }) => {
      const [alice, bob] = await Promise.all([accounts.create('parent'), accounts.create('replier')]);
      await signInWithApi(page.request, alice);
      const parentText = uniqueText('About to be removed');
      const parent = await postComment(page.request, parentText);
      const replyText = uniqueText('Reply that survives');
      const reply = await postComment(await accounts.apiAs(bob), replyText, { parentId: parent.id });

      await openPost(page);
      await pauseLiveUpdates(page);
      const before = await readCommentCount(page);
      await deleteOwnComment(commentActions(page, parent.id));

      const removed = commentById(page, parent.id);
      await expect(removed.locator(':scope > .comment-removed-note')).toHaveText(
        'This comment has been removed by the author.',
      );
      await expect(removed).not.toContainText(parentText);
      await expect(page.locator(`li#c${parent.id} > ol.comment-replies > li#c${reply.id}`)).toContainText(replyText);
      await expectCommentCount(page, before - 1);
    });

    test('Delete on a comment already gone (deleted in another tab) says nothing was deleted', async ({
      page,
      accounts,
    }) => {
      const alice = await accounts.create('twotabs');
      await signInWithApi(page.request, alice);
      const comment = await postComment(page.request, uniqueText('Deleted twice'));
      await openPost(page);
      await pauseLiveUpdates(page);
      const before = await readCommentCount(page);
      expect((await page.request.delete(`/api/comments/${comment.id}`)).status()).toBe(200);

      await deleteOwnComment(commentActions(page, comment.id));
      await expect(page.getByRole('status').filter({ hasText: 'not deleted' })).toHaveText(
        'That comment was not deleted: it no longer exists.',
      );
      await expect(page).toHaveURL((url) => url.searchParams.get('not-deleted') === '404' && url.hash === '#comments');
      await expect(commentById(page, comment.id)).toHaveCount(0);
      await expectCommentCount(page, before - 1);
    });

    test('a Delete form sent for someone else’s comment deletes nothing and says why', async ({ page, accounts }) => {
      const [alice, bob] = await Promise.all([accounts.create('owner'), accounts.create('trier')]);
      const theirs = await postComment(await accounts.apiAs(bob), uniqueText('Not yours to delete'));
      await signInWithApi(page.request, alice);
      const mine = await postComment(page.request, uniqueText('Mine'));
      await openPost(page);
      await pauseLiveUpdates(page);
      // The page offers Delete on Alice's comment only; she points its form at Bob's.
      await commentActions(page, mine.id)
        .locator('input[name="commentId"]')
        .evaluate((input, id) => ((input as HTMLInputElement).value = id), String(theirs.id));
      await deleteOwnComment(commentActions(page, mine.id));

      await expect(page.getByRole('status').filter({ hasText: 'not deleted' })).toHaveText(
        'That comment was not deleted: you can only delete your own comments.',
      );
      await expect(commentById(page, theirs.id)).toBeVisible();
      await expect(commentById(page, mine.id)).toBeVisible();
    });
  });
}

test('a comment card shows an avatar made here from its author’s name: its initials on a colour, no image', { tag: '@one-database' }, async ({
  page,
  accounts,
  request,
}) => {
  const suffix = uniqueSuffix();
  // The rule (components/avatar.tsx): the first letters of the first and last words, or the first
  // two of a single word, in capitals; a character outside the Basic Multilingual Plane stays whole.
  const authors = [
    { name: `ada ${suffix} lovelace`, initials: 'AL' },
    { name: `grace${suffix}`, initials: 'GR' },
    { name: `\u{1F98A} ${suffix} émile`, initials: '\u{1F98A}É' },
  ];
  const comments: { id: number; initials: string }[] = [];
  for (const { name, initials } of authors) {
    const fields = { ...newUserFields('avatar'), name };
    const registered = await request.post('/api/users', { data: fields });
    expect(registered.status(), await registered.text()).toBe(201);
    const author: TestUser = { ...fields, id: ((await registered.json()) as { id: string }).id };
    const comment = await postComment(await accounts.apiAs(author), uniqueText('Shown with my initials'));
    comments.push({ id: comment.id, initials });
  }

  await openPost(page);
  for (const { id, initials } of comments) {
    const avatar = commentCard(page, id).locator('.comment-header > .avatar');
    await expect(avatar, `comment ${id}`).toHaveText(initials);
    await expect(avatar).toHaveAttribute('aria-hidden', 'true');
    await expect(avatar).toHaveAttribute('style', /--avatar-hue:\s*\d+/);
    await expect(commentCard(page, id).locator('img'), 'no picture from elsewhere').toHaveCount(0);
  }
});

// On the fixture blog, where a post's thread is this test's alone: the reader is on the thread's
// last page, whose only comment is taken away while they write, so that page no longer exists.
test.describe('without JavaScript, a reply from a page of the thread that is gone', () => {
  // An address of its own: this blog keeps the real limit of five new accounts an hour per address.
  test.use({ javaScriptEnabled: false, extraHTTPHeaders: { 'x-forwarded-for': '192.0.2.11' } });

  test(
    'comes back with its text and the reason on the page of the thread that remains',
    { tag: '@fixture-blog' },
    async ({ page, accounts, db }) => {
      const post = { id: 'harbour-cranes-at-dawn', path: '/2022/08/harbour-cranes-at-dawn' };
      // Fill the thread's pages so that the next comment is alone on the last. Every journey on this
      // blog sets the same page size (e2e/support/journeys.ts), so another test's cannot shift it.
      const perPage = 500;
      const thread = await db.postThread.findUnique({ where: { postId: post.id } });
      const before = thread?.topLevelCount ?? 0;
      const filler = before === 0 ? perPage : (perPage - (before % perPage)) % perPage;
      const marker = uniqueText('Filling the page');
      await db.comment.createMany({
        data: Array.from({ length: filler }, (_, i) => ({
          postId: post.id,
          body: `${marker} ${i}`,
          html: `<p>${marker} ${i}</p>`,
          status: 'published',
          guestName: 'Earlier reader',
        })),
      });
      const counts = { publishedCount: { increment: filler }, topLevelCount: { increment: filler }, version: { increment: 1 } };
      await db.postThread.upsert({
        where: { postId: post.id },
        update: counts,
        create: { postId: post.id, publishedCount: filler, topLevelCount: filler, version: 1 },
      });
      const asker = await accounts.create('alone-on-the-page');
      const parent = await postComment(await accounts.apiAs(asker), uniqueText('Alone on the last page'), { postId: post.id });
      await signInWithApi(page.request, await accounts.create('answering-late'));
      await page.goto(`/comments/${parent.id}`);
      const lastPage = new URL(page.url());
      expect(Number(lastPage.searchParams.get('comments')), 'the comment opens a page of its own').toBeGreaterThan(1);
      lastPage.searchParams.set('reply', String(parent.id));
      await page.goto(lastPage.toString());
      const form = page.getByRole('form', { name: `Reply to ${asker.name}` });
      const text = uniqueText('An answer to the last page');
      await form.getByRole('textbox', { name: `Reply to ${asker.name}` }).fill(text);
      await page.waitForTimeout(FIXTURE_BLOG_FORM_MIN_SECONDS * 1000);
      // A moderator marks it as spam (as the console would: its place in the thread goes with it).
      await db.comment.update({ where: { id: parent.id }, data: { status: 'spam', heldReason: 'marked by a moderator' } });
      await db.postThread.update({
        where: { postId: post.id },
        data: { publishedCount: { decrement: 1 }, topLevelCount: { decrement: 1 }, version: { increment: 1 } },
      });
      await form.getByRole('button', { name: 'Publish' }).click();

      const back = page.getByRole('form', { name: 'Your reply' });
      await expect(back).toContainText('The comment you are replying to does not exist or was removed.');
      await expect(back.getByRole('textbox', { name: 'Your reply' })).toHaveValue(text);
      // The address and the thread drawn around it are the page that remains.
      await expect(page).toHaveURL((address) => address.pathname === post.path && !address.searchParams.has('comments'));
      await expect(page.locator('.comment-body').filter({ hasText: marker }).first()).toBeVisible();
    },
  );
});
