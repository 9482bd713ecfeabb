// Journey: a comment the blog refuses is not lost — the reader sees why, next to the text they wrote.
import type { Page } from '@playwright/test';
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
      // The reader is taken to the refused box, also when the answer is a new page (no JavaScript).
      await expect(refused).toBeFocused();
      await expect(refused).toBeInViewport();
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

    await expect(editForm.getByRole('alert')).toContainText('The time for editing this comment has passed', {
      timeout: 10_000,
    });
    await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
    await expect(editForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  for (const javaScriptEnabled of [true, false]) {
    test.describe(javaScriptEnabled ? 'opened late, with JavaScript' : 'opened late, without JavaScript', () => {
      test.use({ javaScriptEnabled });

      test('an edit box opened after the window has passed gives way to the comment, saying why', async ({
        page,
        accounts,
        db,
      }) => {
        await signInWithApi(page.request, await accounts.create('opens-too-late'));
        const text = uniqueText('Written and left alone');
        const comment = await postComment(page.request, text);
        // A page left open, or an old address: the window passed before the box was opened.
        await db.comment.update({
          where: { id: comment.id },
          data: { createdAt: new Date(Date.now() - 24 * 3_600_000) },
        });
        await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
        const item = page.locator(`li#c${comment.id}`);
        await expect(item.locator('.comment-body')).toHaveText(text);
        await expect(item.getByRole('status')).toHaveText(
          'The time for editing this comment has passed, so it can no longer be changed.',
        );
        await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
      });
    });
  }

  test('with JavaScript, a rewrite this browser kept comes back in its box after the window has passed, to be copied', async ({
    page,
    accounts,
    db,
  }) => {
    await signInWithApi(page.request, await accounts.create('comes-back-late'));
    const comment = await postComment(page.request, uniqueText('Soon to be rewritten'));
    await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
    const editForm = page.getByRole('form', { name: 'Edit your comment' });
    await waitForEnhancedForm(editForm);
    const typed = uniqueText('Rewritten, then left for a day');
    await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(typed);

    await db.comment.update({ where: { id: comment.id }, data: { createdAt: new Date(Date.now() - 24 * 3_600_000) } });
    await page.reload();
    await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
    // The reader goes on where they were: in the box, which appears only once the rewrite is found.
    await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toBeFocused();
    await expect(editForm.getByRole('alert')).toContainText('The time for editing this comment has passed');
    await expect(editForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('Save after the window has passed is refused, and the edit box comes back with the text', async ({
      page,
      accounts,
      db,
    }) => {
      const author = await accounts.create('late-editor');
      await signInWithApi(page.request, author);
      const comment = await postComment(page.request, uniqueText('Soon to be rethought'));
      await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
      const editForm = page.getByRole('form', { name: 'Edit your comment' });
      const typed = uniqueText('Typed slowly, saved too late');
      await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(typed);

      await db.comment.update({
        where: { id: comment.id },
        data: { createdAt: new Date(Date.now() - 24 * 3_600_000) },
      });
      await editForm.getByRole('button', { name: 'Save' }).click();

      // The refusal is told beside the text (the rule's own words), which is still there to copy.
      await expect(editForm.getByRole('alert')).toContainText('this one can no longer be edited');
      await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
      await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).not.toHaveAttribute('aria-invalid');
      await expect(page.locator(`li#c${comment.id} .comment-body`)).toHaveCount(0);
    });
  });
});

test('a refused reply, cancelled, is put away and does not come back elsewhere on the page', async ({
  page,
  accounts,
}) => {
  const asker = await accounts.create('asks-once');
  const parent = await postComment(await accounts.apiAs(asker), uniqueText('Anyone?'));
  await signInWithApi(page.request, await accounts.create('thinks-better'));
  await page.goto(`/comments/${parent.id}`);
  const url = new URL(page.url());
  url.searchParams.set('reply', String(parent.id));
  await page.goto(url.toString());
  const form = page.getByRole('form', { name: `Reply to ${asker.name}` });
  await waitForEnhancedForm(form);
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(form.getByRole('textbox', { name: `Reply to ${asker.name}` })).toHaveAttribute('aria-invalid', 'true');

  await form.getByRole('link', { name: 'Cancel' }).click();
  await expect(page).toHaveURL((address) => !address.searchParams.has('reply'));
  await expect(page.getByRole('form', { name: `Reply to ${asker.name}` })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Your reply' })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Your comment' })).toBeVisible();
});

test.describe('a reply or edit whose comment is no longer on the page', () => {
  test.use({ javaScriptEnabled: false });

  /** The page of the thread that shows comment `id`, with `?reply=` or `?edit=` added. */
  async function openBox(page: Page, id: number, box: 'reply' | 'edit') {
    await page.goto(`/comments/${id}`);
    const url = new URL(page.url());
    url.searchParams.set(box, String(id));
    await page.goto(url.toString());
  }

  test('a reply to a comment deleted meanwhile comes back with its text and the reason', async ({ page, accounts }) => {
    const asker = await accounts.create('taken-back');
    const askerApi = await accounts.apiAs(asker);
    const parent = await postComment(askerApi, uniqueText('Said, then taken back'));
    await signInWithApi(page.request, await accounts.create('answering'));
    await openBox(page, parent.id, 'reply');
    const form = page.getByRole('form', { name: `Reply to ${asker.name}` });
    const text = uniqueText('An answer to something no longer there');
    await form.getByRole('textbox', { name: `Reply to ${asker.name}` }).fill(text);
    expect((await askerApi.delete(`/api/comments/${parent.id}`)).status()).toBe(200);
    await form.getByRole('button', { name: 'Publish' }).click();

    const back = page.getByRole('form', { name: 'Your reply' });
    await expect(back).toContainText('The comment you are replying to does not exist or was removed.');
    await expect(back.getByRole('textbox', { name: 'Your reply' })).toHaveValue(text);

    // Sent again, it is no longer a reply (that would be refused again) but a comment of its own,
    // and stays one through any other refusal (here: sent empty).
    await expect(back).toContainText('Publish it now and it appears as a new comment.');
    await back.getByRole('textbox', { name: 'Your reply' }).fill('');
    await back.getByRole('button', { name: 'Publish' }).click();
    await expect(back.getByRole('textbox', { name: 'Your reply' })).toHaveAttribute('aria-invalid', 'true');
    await expect(back).toContainText('Publish it now and it appears as a new comment.');
    await back.getByRole('textbox', { name: 'Your reply' }).fill(text);
    await back.getByRole('button', { name: 'Publish' }).click();
    await expect(page).toHaveURL(/#c\d+$/);
    // A comment of its own: an item of the thread's list, not of a comment's replies.
    const published = page.locator(`.comment-list > li${new URL(page.url()).hash}`);
    await expect(published).toContainText(text);
    await expect(page.getByRole('form', { name: 'Your reply' })).toHaveCount(0);
  });

  test('a reply to a comment deleted meanwhile but kept as a placeholder for its replies goes in as a new comment from its own box', async ({
    page,
    accounts,
  }) => {
    const asker = await accounts.create('answered-then-gone');
    const askerApi = await accounts.apiAs(asker);
    const parent = await postComment(askerApi, uniqueText('Answered, then taken back'));
    await postComment(await accounts.apiAs(await accounts.create('first-answer')), uniqueText('An answer that stays'), {
      parentId: parent.id,
    });
    await signInWithApi(page.request, await accounts.create('second-answer'));
    await openBox(page, parent.id, 'reply');
    let form = page.getByRole('form', { name: `Reply to ${asker.name}` });
    let textbox = form.getByRole('textbox', { name: `Reply to ${asker.name}` });
    const text = uniqueText('A second answer, to a placeholder');
    await textbox.fill(text);
    expect((await askerApi.delete(`/api/comments/${parent.id}`)).status()).toBe(200);
    await form.getByRole('button', { name: 'Publish' }).click();

    // The placeholder still holds the box, which now says what Publish will do, through any other
    // refusal; it names no author now, like the reply box at the top of the section.
    const placeholder = page.locator(`li#c${parent.id}`);
    await expect(placeholder).toContainText('This comment has been removed by the author.');
    form = placeholder.getByRole('form', { name: 'Your reply' });
    textbox = form.getByRole('textbox', { name: 'Your reply' });
    await expect(form).toContainText('The comment you are replying to does not exist or was removed.');
    await expect(form).toContainText('Publish it now and it appears as a new comment.');
    await textbox.fill('');
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(textbox).toHaveAttribute('aria-invalid', 'true');
    await expect(form).toContainText('Publish it now and it appears as a new comment.');
    await textbox.fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(page).toHaveURL(/#c\d+$/);
    await expect(page.locator(`.comment-list > li${new URL(page.url()).hash}`)).toContainText(text);
  });

  test('an edit sent after its author was signed out comes back with its text, asking them to sign in', async ({
    page,
    accounts,
  }) => {
    await signInWithApi(page.request, await accounts.create('signed-out-editor'));
    const comment = await postComment(page.request, uniqueText('To be reworded'));
    await openBox(page, comment.id, 'edit');
    const form = page.getByRole('form', { name: 'Edit your comment' });
    const text = uniqueText('Reworded, but signed out meanwhile');
    await form.getByRole('textbox', { name: 'Edit your comment' }).fill(text);
    await page.context().clearCookies();
    await form.getByRole('button', { name: 'Save' }).click();

    await expect(form).toContainText('Sign in to edit your comment.');
    await expect(form.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(text);
  });
});

test.describe('a reader signed out while writing, where guests may comment too', () => {
  for (const javaScriptEnabled of [true, false]) {
    test(`${javaScriptEnabled ? 'with' : 'without'} JavaScript, Publish says they were signed out and keeps the text`, async ({
      browser,
      accounts,
      commentSettings,
    }) => {
      await commentSettings.set({ whoMayComment: 'anyone' });
      const reader = await accounts.create('signedout');
      const context = await browser.newContext({ javaScriptEnabled });
      try {
        const page = await context.newPage();
        await signInWithApi(page.request, reader);
        await openPost(page);
        const form = postCommentForm(page);
        if (javaScriptEnabled) await waitForEnhancedForm(form);
        await expect(page.locator('#comments')).toContainText(`Commenting as ${reader.name}`);
        const text = uniqueText('Written before the session ended');
        await form.getByRole('textbox', { name: 'Your comment' }).fill(text);

        // The session ends (signed out in another tab, or its time ran out) while the box is open.
        await context.clearCookies();
        await form.getByRole('button', { name: 'Publish' }).click();

        const refused = postCommentForm(page);
        await expect(refused.getByRole('alert')).toHaveText(
          'You were signed out, so your comment was not published. Sign in again and publish it: your text is kept.',
        );
        await expect(refused.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
        // The page is now as a signed-out reader sees it: nobody is "commenting as" anyone.
        await expect(page.locator('#comments')).not.toContainText('Commenting as');
        await expect(page.locator('.comment-body').filter({ hasText: text })).toHaveCount(0);
      } finally {
        await context.close();
      }
    });
  }
});

test('with JavaScript, a Publish the blog does not answer in its own words keeps the post page and the text', async ({
  page,
  accounts,
}) => {
  const reader = await accounts.create('unanswered');
  await signInWithApi(page.request, reader);
  await openPost(page);
  const form = postCommentForm(page);
  await waitForEnhancedForm(form);
  const text = uniqueText('Sent through a proxy that answers for itself');
  await form.getByRole('textbox', { name: 'Your comment' }).fill(text);

  // As a proxy in front given the wrong Host answers the form's request: in JSON of its own.
  await page.route(SEED_POST.path, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 403, contentType: 'application/json', body: '{"error":"refused by the proxy"}' })
      : route.fallback(),
  );
  await form.getByRole('button', { name: 'Publish' }).click();

  const alert = page.locator('#comments').getByRole('alert');
  await expect(alert).toContainText(
    'The blog did not answer as expected, so nothing was changed. What you wrote is kept in this browser.',
  );
  // Only the comment section stopped: the post is still there to read.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SEED_POST.title);

  await page.unroute(SEED_POST.path);
  await alert.getByRole('button', { name: 'Back to the comments' }).click();
  await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);
  await expect(page.locator('#comments')).toContainText(`Commenting as ${reader.name}`);
});

test.describe('an edit box whose author is banned', () => {
  const BANNED = 'Your account may no longer comment on this blog.';

  test('with JavaScript, a live refresh keeps the open edit box and its text, and says the ban is why it cannot be saved', async ({
    page,
    accounts,
    db,
  }) => {
    const author = await accounts.create('banned-while-editing');
    await signInWithApi(page.request, author);
    const comment = await postComment(page.request, uniqueText('Soon to be regretted'));
    await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
    const editForm = page.getByRole('form', { name: 'Edit your comment' });
    await waitForEnhancedForm(editForm);
    const typed = uniqueText('Typed as the ban came');
    await editForm.getByRole('textbox', { name: 'Edit your comment' }).fill(typed);

    // The ban comes, well inside the edit window, and someone else's comment refreshes the thread.
    await db.ban.create({ data: { userId: author.id, reason: 'Testing a ban mid-edit' } });
    await postComment(await accounts.apiAs(await accounts.create('passer-by')), uniqueText('Meanwhile'));

    await expect(editForm.getByRole('alert')).toHaveText(
      `${BANNED} This comment cannot be saved now: copy your text if you want to keep it.`,
      {
        timeout: 10_000,
      },
    );
    await expect(editForm.getByRole('textbox', { name: 'Edit your comment' })).toHaveValue(typed);
    await expect(editForm.getByRole('button', { name: 'Save' })).toBeDisabled();
  });

  for (const javaScriptEnabled of [true, false]) {
    test.describe(
      javaScriptEnabled ? 'opened after the ban, with JavaScript' : 'opened after the ban, without JavaScript',
      () => {
        test.use({ javaScriptEnabled });

        test('an edit box opened after the ban gives way to the comment, saying the ban is why', async ({
          page,
          accounts,
          db,
        }) => {
          const author = await accounts.create('opens-when-banned');
          await signInWithApi(page.request, author);
          const text = uniqueText('Written before the ban');
          const comment = await postComment(page.request, text);
          // Inside the edit window still: the ban, not the time, is what stops the rewrite.
          await db.ban.create({ data: { userId: author.id, reason: 'Testing a ban before an edit' } });
          await page.goto(`${SEED_POST.path}?edit=${comment.id}#c${comment.id}`);
          const item = page.locator(`li#c${comment.id}`);
          await expect(item.locator('.comment-body')).toHaveText(text);
          await expect(item.getByRole('status')).toHaveText(`${BANNED} This comment cannot be changed now.`);
          await expect(page.getByRole('form', { name: 'Edit your comment' })).toHaveCount(0);
        });
      },
    );
  }
});
