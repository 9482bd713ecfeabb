// What a reader's browser asks of the server: the page and the blog's own files when it opens,
// the page it follows when it follows a link, and, on a live update, the changed page alone.
import type { Page } from '@playwright/test';
import { postComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { commentById, openPost } from '../support/post-page';
import { expect, test } from '../support/journeys';

/** Every request the page sends to the blog after this call, as "METHOD /path?query". */
function recordRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/favicon')) return;
    seen.push(`${request.method()} ${url.pathname}${url.search}`);
  });
  return seen;
}

test('opening a post asks for that page only, and a link fetches its page when it is followed', async ({ page }) => {
  const seen = recordRequests(page);
  await openPost(page);
  // Long enough for Next to prefetch every link in view, short of the first live check (3 s).
  await page.waitForTimeout(2_500);
  expect(seen).toEqual([`GET ${SEED_POST.path}`]);

  await page.getByRole('link', { name: 'Russia', exact: true }).first().click();
  await expect(page).toHaveURL(/\/label\/Russia$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Russia');
  expect(seen.filter((line) => line.includes('/label/')).length, seen.join('\n')).toBeGreaterThanOrEqual(1);
  expect(seen.every((line) => !line.includes('/label/China') && !line.includes('/2016?'))).toBe(true);
});

test('a live update fetches the changed post and none of the pages it links to', async ({ page, accounts }) => {
  test.slow();
  const [reader, writer] = await Promise.all([accounts.create('reader'), accounts.create('writer')]);
  await signInWithApi(page.request, reader);
  await openPost(page);
  const writerApi = await accounts.apiAs(writer);
  const seen = recordRequests(page);

  const comment = await postComment(writerApi, uniqueText('Seen by a live update'));
  await expect(commentById(page, comment.id)).toBeVisible();
  await page.waitForTimeout(1_000);

  const paths = seen.map((line) => line.split(' ')[1]!.split('?')[0]);
  expect(paths, seen.join('\n')).toContain(`/api/posts/${SEED_POST.id}/comments/version`);
  expect(
    paths.filter((path) => !path.endsWith('/comments/version')),
    'besides live checks, only the post itself is fetched again',
  ).toEqual([SEED_POST.path]);
});
