// Journey: two readers on the same post. What one publishes appears on the other's open page by
// itself, without a reload and without losing what the other is typing; the page asks cheaply.
import type { Request } from '@playwright/test';
import { postComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import {
  commentByText,
  expectCommentCount,
  openPost,
  postCommentForm,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

type MarkedWindow = Window & { quireJourneyMarker?: string };

const isVersionCheck = (request: Request) => new URL(request.url()).pathname.endsWith('/comments/version');

test('a comment published elsewhere shows up on an open page within 5 s; the draft being typed stays', async ({
  browser,
  page,
  accounts,
}) => {
  // Two browsers and several sign-ins: slow on a busy machine. The 5 s the journey is about are
  // measured by the assertions below, not by the test's overall timeout.
  test.slow();
  const [alice, bob] = await Promise.all([accounts.create('watcher'), accounts.create('writer')]);
  await signInWithApi(page.request, alice);
  await openPost(page);
  const before = await readCommentCount(page);
  const form = postCommentForm(page);
  const textbox = form.getByRole('textbox', { name: 'Your comment' });
  await waitForEnhancedForm(form);
  await page.evaluate(() => {
    (window as MarkedWindow).quireJourneyMarker = 'same document';
  });
  const draft = uniqueText('Half-written thought, not sent');
  await textbox.fill(draft);

  // Bob, in a browser of his own, publishes through the form.
  const bobContext = await browser.newContext();
  try {
    const bobPage = await bobContext.newPage();
    await signInWithApi(bobPage.request, bob);
    await openPost(bobPage);
    const bobForm = postCommentForm(bobPage);
    await waitForEnhancedForm(bobForm);
    const text = uniqueText('Live from another browser');
    await bobForm.getByRole('textbox', { name: 'Your comment' }).fill(text);
    await bobForm.getByRole('button', { name: 'Publish' }).click();
    await expect(commentByText(bobPage, text)).toBeVisible();

    // Alice's page catches up on its own.
    await expect(commentByText(page, text)).toBeVisible({ timeout: 5_000 });
    await expectCommentCount(page, before + 1);
    await expect(textbox).toHaveValue(draft);
    await expect(textbox).toBeFocused();
    expect(await page.evaluate(() => (window as MarkedWindow).quireJourneyMarker)).toBe('same document');

    // And again for a comment sent through the API.
    const viaApi = await postComment(bobPage.request, uniqueText('Live through the API'));
    await expect(page.locator(`li#c${viaApi.id}`)).toBeVisible({ timeout: 5_000 });
    await expectCommentCount(page, before + 2);
    await expect(textbox).toHaveValue(draft);
  } finally {
    await bobContext.close();
  }
});

test('an open post page asks whether the thread changed at most about once every 3–4 s', { tag: '@one-database' }, async ({ page }) => {
  const checks: { at: number; url: string }[] = [];
  page.on('request', (request) => {
    if (isVersionCheck(request)) checks.push({ at: Date.now(), url: request.url() });
  });
  await openPost(page);
  const since = Date.now();
  const windowMs = 13_000;
  await page.waitForTimeout(windowMs);
  const inWindow = checks.filter((check) => check.at >= since);

  expect(inWindow.length, 'the page polls at all').toBeGreaterThanOrEqual(2);
  expect(inWindow.length, `${inWindow.length} version checks in ${windowMs / 1000} s`).toBeLessThanOrEqual(
    Math.floor(windowMs / 3_000) + 1,
  );
  const gaps = inWindow.slice(1).map((check, i) => check.at - inWindow[i]!.at);
  expect(Math.min(...gaps), `gaps between checks: ${gaps.join(', ')} ms`).toBeGreaterThanOrEqual(2_900);
  for (const check of inWindow) {
    const url = new URL(check.url);
    expect(url.pathname).toBe(`/api/posts/${SEED_POST.id}/comments/version`);
    expect(url.searchParams.get('since')).toMatch(/^\d+$/);
  }
});
