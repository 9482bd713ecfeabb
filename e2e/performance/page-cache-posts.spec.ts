// On a blog with many posts (the fixture blog), a comment drops only the kept pages that show its
// post: the post itself and the listings that count its comments. Every other kept page stays.
import type { APIRequestContext } from '@playwright/test';
import { postComment, uniqueText } from '../support/api';
import { expect, test } from '../support/journeys';

/** The newest post, so the home page lists it; labelled Climate. */
const COMMENTED = { id: 'spring-thaw-in-the-steppe', path: '/2023/03/spring-thaw-in-the-steppe' };
const SHOWING_IT = ['/', '/label/Climate', '/2023', '/2023/03'];
/** Pages that show neither its comments nor its count. */
const NOT_SHOWING_IT = ['/2022/11/notes-on-the-grain-corridor', '/page/2', '/label/Trade', '/2019'];

const cacheOf = async (request: APIRequestContext, path: string) =>
  (await request.get(path)).headers()['x-quire-cache'];

test(
  'a comment drops only the kept pages that show its post',
  { tag: '@fixture-blog' },
  async ({ request, accounts }) => {
    const author = await accounts.apiAs(await accounts.create('per-post'));
    // Every page below kept (a page rendered while something changed is not kept: ask until it is).
    for (const path of [COMMENTED.path, ...SHOWING_IT, ...NOT_SHOWING_IT]) {
      await expect
        .poll(
          async () => {
            await request.get(path);
            return cacheOf(request, path);
          },
          { message: path },
        )
        .toBe('hit');
    }

    const text = uniqueText('Only the pages of this post change');
    await postComment(author, text, { postId: COMMENTED.id });
    // The commented post is served fresh, and kept again once the cache has read the change.
    expect(await (await request.get(COMMENTED.path)).text()).toContain(text);
    await expect.poll(() => cacheOf(request, COMMENTED.path)).toBe('hit');

    // Nobody asked for the other pages meanwhile: the first answer says whether each was kept through it.
    for (const path of NOT_SHOWING_IT) expect(await cacheOf(request, path), `${path} stays kept`).toBe('hit');
    for (const path of SHOWING_IT) {
      const response = await request.get(path);
      expect(response.headers()['x-quire-cache'], `${path} shows the post's count, so it was dropped`).toBe('miss');
      expect(await response.text()).toMatch(/\d+ comments?/);
    }
  },
);
