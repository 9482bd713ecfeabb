// Journey: what a reader types in a comment box survives a reload or a closed tab until it is
// published (or the reply is cancelled); each box keeps its own draft.
import type { Locator, Page } from '@playwright/test';
import { postComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import {
  commentActions,
  commentByText,
  commentCard,
  openPost,
  pauseLiveUpdates,
  postCommentForm,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

/** The comment drafts this browser holds (their storage keys). */
function storedDrafts(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('quire:draft:')));
}

/** Holds the answers to the forms this page sends until the function returned is called. */
async function holdAnswers(page: Page): Promise<() => void> {
  let answer = () => {};
  const answered = new Promise<void>((resolve) => (answer = resolve));
  const postPath = new URL(page.url()).pathname;
  await page.route(
    (url) => url.pathname === postPath,
    async (route) => {
      if (route.request().method() === 'POST') await answered;
      await route.continue();
    },
  );
  return answer;
}

/** Types `text` into the new-comment box once it publishes in place. */
async function typeComment(page: Page, text: string): Promise<void> {
  const form = postCommentForm(page);
  await waitForEnhancedForm(form);
  await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
}

/** Opens the reply box under comment `parentId` (by `authorName`), types `text` and returns the box. */
async function typeReply(page: Page, parentId: number, authorName: string, text: string): Promise<Locator> {
  await commentActions(page, parentId).getByRole('link', { name: 'Reply' }).click();
  const form = page.getByRole('form', { name: `Reply to ${authorName}` });
  await waitForEnhancedForm(form);
  await form.getByRole('textbox', { name: `Reply to ${authorName}` }).fill(text);
  return form;
}

test('a comment being written comes back after a reload, and is gone once published', async ({ page, accounts }) => {
  await signInWithApi(page.request, await accounts.create('drafter'));
  await openPost(page);
  let form = postCommentForm(page);
  await waitForEnhancedForm(form);
  const text = uniqueText('Half a thought, kept in the browser');
  await form.getByRole('textbox', { name: 'Your comment' }).fill(text);

  await page.reload();
  form = postCommentForm(page);
  await waitForEnhancedForm(form);
  await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue(text);

  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(commentByText(page, text)).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue('');

  await page.reload();
  form = postCommentForm(page);
  await waitForEnhancedForm(form);
  await expect(form.getByRole('textbox', { name: 'Your comment' })).toHaveValue('');
});

test('a reply keeps its own draft beside the new-comment box; Cancel throws it away', async ({ page, accounts }) => {
  const [reader, author] = await Promise.all([accounts.create('replier'), accounts.create('asked')]);
  const parent = await postComment(await accounts.apiAs(author), uniqueText('Something to answer'));
  await signInWithApi(page.request, reader);
  await openPost(page);
  await pauseLiveUpdates(page);

  const topText = uniqueText('Top-level draft');
  await typeComment(page, topText);

  const replyText = uniqueText('Reply draft');
  const replyForm = await typeReply(page, parent.id, author.name, replyText);
  const replyBox = replyForm.getByRole('textbox', { name: `Reply to ${author.name}` });

  // A reload keeps both, each in its own box.
  await page.reload();
  await waitForEnhancedForm(replyForm);
  await expect(replyBox).toHaveValue(replyText);
  await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue(topText);

  // Cancel means "never mind": the reply draft goes, the other stays.
  await replyForm.getByRole('link', { name: 'Cancel' }).click();
  await expect(replyForm).toHaveCount(0);
  await commentActions(page, parent.id).getByRole('link', { name: 'Reply' }).click();
  await waitForEnhancedForm(replyForm);
  await expect(replyBox).toHaveValue('');
  await page.reload();
  await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue(topText);
});

test('a rewrite in the edit box comes back after a reload; Cancel throws it away, and once saved none is kept', async ({
  page,
  accounts,
}) => {
  await signInWithApi(page.request, await accounts.create('rewriter'));
  const original = uniqueText('First thoughts');
  const comment = await postComment(page.request, original);
  await openPost(page);
  await pauseLiveUpdates(page);
  const editForm = page.getByRole('form', { name: 'Edit your comment' });
  const editBox = editForm.getByRole('textbox', { name: 'Edit your comment' });
  const openEdit = async () => {
    await commentActions(page, comment.id).getByRole('link', { name: 'Edit' }).click();
    await waitForEnhancedForm(editForm);
  };

  await openEdit();
  const rewrite = uniqueText('Second thoughts, half typed');
  await editBox.fill(rewrite);
  await page.reload();
  await waitForEnhancedForm(editForm);
  await expect(editBox).toHaveValue(rewrite);

  await editForm.getByRole('link', { name: 'Cancel' }).click();
  await expect(editForm).toHaveCount(0);
  await openEdit();
  await expect(editBox).toHaveValue(original);

  const saved = uniqueText('Third thoughts, saved');
  await editBox.fill(saved);
  await editForm.getByRole('button', { name: 'Save' }).click();
  await expect(commentCard(page, comment.id).locator('.comment-body')).toHaveText(saved);
  await openEdit();
  await expect(editBox).toHaveValue(saved);
  expect(await storedDrafts(page)).toEqual([]);
});

test('while one box is being sent the others wait for its answer', async ({ page, accounts }) => {
  const [reader, author] = await Promise.all([accounts.create('sends-slowly'), accounts.create('asks-once-more')]);
  const parent = await postComment(await accounts.apiAs(author), uniqueText('A question'));
  await signInWithApi(page.request, reader);
  await openPost(page);
  await pauseLiveUpdates(page);
  await commentActions(page, parent.id).getByRole('link', { name: 'Reply' }).click();
  const replyForm = page.getByRole('form', { name: `Reply to ${author.name}` });
  await waitForEnhancedForm(replyForm);
  const text = uniqueText('An answer sent slowly');
  await replyForm.getByRole('textbox', { name: `Reply to ${author.name}` }).fill(text);

  // The server takes its time with this answer; meanwhile no other box can send (their answers
  // arrive in one place, one at a time).
  const answer = await holdAnswers(page);
  await replyForm.getByRole('button', { name: 'Publish' }).click();
  await expect(replyForm.getByRole('button', { name: 'Publishing…' })).toBeDisabled();
  await expect(postCommentForm(page).getByRole('button', { name: 'Publish' })).toBeDisabled();
  answer();
  await expect(commentByText(page, text)).toBeVisible();
  await expect(postCommentForm(page).getByRole('button', { name: 'Publish' })).toBeEnabled();
});

test('signing out forgets the drafts, so the next person at this browser does not see them', async ({
  page,
  accounts,
}) => {
  const reader = await accounts.create('leaver');
  await signInWithApi(page.request, reader);
  await openPost(page);
  const form = postCommentForm(page);
  await waitForEnhancedForm(form);
  await form.getByRole('textbox', { name: 'Your comment' }).fill(uniqueText('Private musing'));

  await page.getByRole('navigation', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
  // Still on the post the reader was reading.
  await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path);
  expect(await storedDrafts(page)).toEqual([]);

  await signInWithApi(page.request, reader);
  await openPost(page);
  await waitForEnhancedForm(postCommentForm(page));
  await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue('');
});

test('a reply whose comment was removed meanwhile goes in as a new comment, leaving the other box and its draft alone', async ({
  page,
  accounts,
}) => {
  const [reader, author] = await Promise.all([accounts.create('answers-late'), accounts.create('takes-it-back')]);
  const authorApi = await accounts.apiAs(author);
  const parent = await postComment(authorApi, uniqueText('Said, then taken back'));
  await signInWithApi(page.request, reader);
  await openPost(page);
  await pauseLiveUpdates(page);

  const topText = uniqueText('A comment of my own, half written');
  await typeComment(page, topText);
  const replyText = uniqueText('An answer to something no longer there');
  const replyForm = await typeReply(page, parent.id, author.name, replyText);
  expect((await authorApi.delete(`/api/comments/${parent.id}`)).status()).toBe(200);
  await replyForm.getByRole('button', { name: 'Publish' }).click();

  // Refused where it was written, saying what Publish will do now.
  await expect(replyForm).toContainText('The comment you are replying to does not exist or was removed.');
  await expect(replyForm).toContainText('Publish it now and it appears as a new comment.');
  // The next live update draws the thread without that comment: the reply moves to the top of the
  // section with its text, still ready to go in as a new comment.
  await page.unrouteAll();
  const back = page.getByRole('form', { name: 'Your reply' });
  await expect(back.getByRole('textbox', { name: 'Your reply' })).toHaveValue(replyText, { timeout: 15_000 });
  await expect(back).toContainText('Publish it now and it appears as a new comment.');
  await back.getByRole('button', { name: 'Publish' }).click();

  await expect(commentByText(page, replyText)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Your reply' })).toHaveCount(0);
  // The answer was the reply box's: the other box keeps its text and its draft; the reply's draft is done with.
  await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue(topText);
  await expect.poll(() => storedDrafts(page)).toEqual([expect.stringMatching(/:new$/)]);
});

test('a reply being written when its comment is removed stays on the page with its text, ready to go in as a new comment', async ({
  page,
  accounts,
}) => {
  const [reader, author] = await Promise.all([accounts.create('still-writing'), accounts.create('withdraws')]);
  const authorApi = await accounts.apiAs(author);
  const parent = await postComment(authorApi, uniqueText('Soon withdrawn'));
  await signInWithApi(page.request, reader);
  await openPost(page);
  const replyText = uniqueText('Still being written when it went');
  const replyForm = await typeReply(page, parent.id, author.name, replyText);
  expect((await authorApi.delete(`/api/comments/${parent.id}`)).status()).toBe(200);

  // The next live update draws the thread without that comment, and the reply box with it; the
  // reply stays at the top of the section, with its text and what Publish will do now.
  await expect(replyForm).toHaveCount(0, { timeout: 15_000 });
  const kept = page.getByRole('form', { name: 'Your reply' });
  await expect(kept.getByRole('textbox', { name: 'Your reply' })).toHaveValue(replyText);
  await expect(kept).toContainText('The comment you are replying to was removed.');
  await expect(kept).toContainText('Publish it now and it appears as a new comment.');
  // Emptied to start again, it stays (its draft is gone, not its box).
  await kept.getByRole('textbox', { name: 'Your reply' }).fill('');
  await expect(kept.getByRole('textbox', { name: 'Your reply' })).toBeVisible();
  await kept.getByRole('textbox', { name: 'Your reply' }).fill(replyText);
  await kept.getByRole('button', { name: 'Publish' }).click();

  await expect(commentByText(page, replyText)).toBeVisible();
  await expect(page.getByRole('form', { name: 'Your reply' })).toHaveCount(0);
  await expect.poll(() => storedDrafts(page)).toEqual([]);
});

test('words typed on while a comment is being sent come back in the fresh box once it is published', async ({
  page,
  accounts,
}) => {
  await signInWithApi(page.request, await accounts.create('types-on'));
  await openPost(page);
  await pauseLiveUpdates(page);
  const form = postCommentForm(page);
  await waitForEnhancedForm(form);
  const box = form.getByRole('textbox', { name: 'Your comment' });
  const text = uniqueText('Sent as it stood');
  await box.fill(text);

  const answer = await holdAnswers(page);
  await form.getByRole('button', { name: 'Publish' }).click();
  await expect(form.getByRole('button', { name: 'Publishing…' })).toBeDisabled();
  // The box is still open to typing while the comment is on its way.
  await box.click();
  await box.press('End');
  await box.pressSequentially(' And one more thought.');
  answer();
  await expect(commentByText(page, text)).toBeVisible();
  // What was added, not the published words again (Publish would post them twice).
  await expect(box).toHaveValue('And one more thought.');
  // Kept as the box's draft too, as anything typed is.
  expect(await storedDrafts(page)).toEqual([expect.stringMatching(/:new$/)]);
});
