import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type ReaderPost } from './support/reader-post';

/**
 * axe on every kind of reading page, in the light and the dark colour scheme (the stylesheet
 * changes every colour, so contrast is checked in both).
 */
const pages: { name: string; path: (post: ReaderPost) => string; status: number }[] = [
  { name: 'home', path: () => '/', status: 200 },
  { name: 'post', path: (post) => post.path, status: 200 },
  { name: 'label', path: (post) => `/label/${encodeURIComponent(post.labels[0] ?? '')}`, status: 200 },
  { name: 'year archive', path: (post) => post.yearPath, status: 200 },
  { name: 'month archive', path: (post) => post.monthPath, status: 200 },
  { name: '404', path: () => '/2016/09/no-such-post-e2e', status: 404 },
];

async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  // A readable summary in the failure message: rule, impact and the offending elements.
  return results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim()}`),
  }));
}

test.describe('accessibility', { tag: '@read-only' }, () => {
  for (const { name, path, status } of pages) {
    test(`axe finds no violations on the ${name} page, light and dark`, async ({ page, readerPost }) => {
      test.skip(name === 'label' && readerPost.labels.length === 0, 'no post in the feed has a label');
      const response = await page.goto(path(readerPost));
      expect(response?.status()).toBe(status);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeAttached();
      // The same page in each scheme: the stylesheet's media query applies without a reload.
      const papers: string[] = [];
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
        papers.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
        expect(await violations(page), `${scheme} scheme`).toEqual([]);
      }
      expect(papers[1], 'the dark scheme repaints the page').not.toBe(papers[0]);
    });
  }

  test('the skip link is the first stop for keyboard users and moves to the main content', async ({
    page,
    readerPost,
  }) => {
    await page.goto(readerPost.path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: /skip to content/i });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await skip.press('Enter');
    await expect(page).toHaveURL(/#content$/);
    await expect(page.locator('#content')).toHaveCount(1);
  });
});
