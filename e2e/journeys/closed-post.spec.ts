// Journey on the fixture blog (e2e/fixtures/content): a post whose front matter says
// `comments: closed` keeps its thread readable but takes no new comments, by form or by API.
import { sendComment, uniqueText } from '../support/api';
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
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toHaveProperty('body');

    await page.goto(CLOSED_POST.path);
    await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.');
    await expect(page.locator('#comments textarea')).toHaveCount(0);
    await expect(page.locator('#comments').getByRole('link', { name: 'Reply' })).toHaveCount(0);
  },
);
