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

/** Resolves at the page's next live check, which comes 3 s after the page (or its last refresh) settled. */
function nextLiveCheck(page: Page) {
  return page.waitForRequest((request) => new URL(request.url()).pathname.endsWith('/comments/version'), {
    timeout: 15_000,
  });
}

test('opening a post asks for that page only, and a link fetches its page when it is followed', async ({ page }) => {
  const seen = recordRequests(page);
  const firstCheck = nextLiveCheck(page);
  await openPost(page);
  // The first live check starts once the page is hydrated and has waited a beat; Next prefetches
  // the links in view as soon as it is hydrated, so anything it fetched is seen by then.
  await firstCheck;
  expect(seen.filter((line) => !line.includes('/comments/version'))).toEqual([`GET ${SEED_POST.path}`]);

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
  // Whatever the refreshed page would prefetch, it asks for at once; the next check comes later.
  await nextLiveCheck(page);

  const paths = seen.map((line) => line.split(' ')[1]!.split('?')[0] ?? '');
  expect(paths, seen.join('\n')).toContain(`/api/posts/${SEED_POST.id}/comments/version`);
  expect(
    paths.filter((path) => !path.endsWith('/comments/version')),
    'besides live checks, only the post itself is fetched again',
  ).toEqual([SEED_POST.path]);
});
