// Journey: a reader comes to the post, gets an account, and publishes a comment — with JavaScript
// (in place, no page load) and without it (a plain form POST that lands on the new comment).
import type { Page } from '@playwright/test';
import { postComment, signInWithApi, uniqueSuffix, uniqueText } from '../support/api';
import { SEED_POST, SEED_RETURN_TO } from '../support/blog';
import {
  commentById,
  commentByText,
  countLabel,
  expectCommentCount,
  openPost,
  pauseLiveUpdates,
  postCommentForm,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

type MarkedWindow = Window & { quireJourneyMarker?: string };

/** From the open post, follows "register", fills the form as a new reader and sends it; returns the name. */
async function registerFromPost(page: Page, label: string): Promise<string> {
  await page.locator('#post-a-comment').getByRole('link', { name: 'register' }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/register' && url.searchParams.get('returnTo') === SEED_RETURN_TO);
  const suffix = uniqueSuffix();
  const name = `${label} ${suffix.slice(-6)}`;
  await page.getByLabel('Email').fill(`e2e-register-${label.toLowerCase()}-${suffix}@example.com`);
  await page.getByLabel('Display name').fill(name);
  await page.getByLabel('Password').fill(`pw-${suffix}-long-enough`);
  await page.getByRole('button', { name: 'Register' }).click();
  return name;
}

test.describe('with JavaScript', () => {
  test('a new reader registers from the post, comments, and the thread updates in place', async ({ page }) => {
    await openPost(page);
    const before = await readCommentCount(page);

    const name = await registerFromPost(page, 'Journey');

    // Back on the post, signed in.
    await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path);
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${name}`);
    await expect(page.locator('#post-a-comment')).toContainText(`Commenting as ${name}`);

    // The new comment must come from publishing itself, not from the next live check.
    await pauseLiveUpdates(page);
    const form = postCommentForm(page);
    const textbox = form.getByRole('textbox', { name: 'Your comment' });
    await waitForEnhancedForm(form);
    await page.evaluate(() => {
      (window as MarkedWindow).quireJourneyMarker = 'same document';
    });

    const text = uniqueText('My first comment, published in place');
    await textbox.fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();

    const comment = commentByText(page, text);
    await expect(comment).toBeVisible();
    await expect(comment.locator('.comment-author').first()).toHaveText(name);
    await expectCommentCount(page, before + 1);
    await expect(form.getByRole('status')).toHaveText('Your comment is published.');
    await expect(textbox).toHaveValue('');
    // Published without a page load: the document (and what scripts left on window) is the same.
    expect(await page.evaluate(() => (window as MarkedWindow).quireJourneyMarker)).toBe('same document');
  });

  test('home, label and archive pages show the post’s comment count after a comment', async ({ page, accounts }) => {
    const reader = await accounts.create('homepage');
    await signInWithApi(page.request, reader);
    await openPost(page);
    const before = await readCommentCount(page);
    await postComment(page.request, uniqueText('Counted on the home page'));
    await openPost(page);
    const count = await readCommentCount(page);
    expect(count, 'the post counts the new comment').toBe(before + 1);

    for (const listing of ['/', '/label/China', '/2016', '/2016/09']) {
      await page.goto(listing);
      const summary = page.getByRole('article').filter({ has: page.getByRole('heading', { name: SEED_POST.title }) });
      await expect(summary, listing).toBeVisible();
      const link = summary.getByRole('link', { name: countLabel(count), exact: true });
      await expect(link, `${listing}: the post's summary shows "${countLabel(count)}"`).toBeVisible();
      await expect(link).toHaveAttribute('href', `${SEED_POST.path}#comments`);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a new reader registers from the post with the plain form, comments, and the home page counts it', async ({ page }) => {
    await openPost(page);
    const before = await readCommentCount(page);
    const name = await registerFromPost(page, 'Plain');

    await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path);
    await expect(page.getByRole('navigation', { name: 'Account' })).toContainText(`Signed in as ${name}`);
    const text = uniqueText('First words, no scripts');
    const form = postCommentForm(page);
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();
    await expect(page).toHaveURL(/#c\d+$/);
    await expect(commentByText(page, text)).toContainText(name);
    await expectCommentCount(page, before + 1);

    await page.goto('/');
    const summary = page.getByRole('article').filter({ has: page.getByRole('heading', { name: SEED_POST.title }) });
    await expect(summary.getByRole('link', { name: countLabel(before + 1), exact: true })).toBeVisible();
  });

  test('a reader signs in with the form, publishes, and lands on the new comment', async ({ page, accounts }) => {
    const reader = await accounts.create('nojs');
    await openPost(page);
    const before = await readCommentCount(page);

    await page.locator('#post-a-comment').getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(
      (url) => url.pathname === '/signin' && url.searchParams.get('returnTo') === SEED_RETURN_TO,
    );
    await page.getByLabel('Email').fill(reader.email);
    await page.getByLabel('Password').fill(reader.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path);
    await expect(page.locator('#post-a-comment')).toContainText(`Commenting as ${reader.name}`);

    const text = uniqueText('Published by a plain form');
    const form = postCommentForm(page);
    await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await form.getByRole('button', { name: 'Publish' }).click();

    await expect(page).toHaveURL(new RegExp(`^[^?#]*${SEED_POST.path}(\\?comments=\\d+)?#c\\d+$`));
    const id = Number(/#c(\d+)$/.exec(page.url())![1]);
    await expect(commentById(page, id)).toContainText(text);
    await expect(commentById(page, id)).toContainText(reader.name);
    await expectCommentCount(page, before + 1);
    await expect(postCommentForm(page).getByRole('textbox', { name: 'Your comment' })).toHaveValue('');
  });
});
