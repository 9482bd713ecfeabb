import { expect, test } from '@playwright/test';
import { blogArchive, listedPost, postArticle, postBody, postFooter, squash } from './support/helpers';
import { seedParagraphs, seedPost } from './support/seed-post';

/**
 * The blog is read by people with JavaScript off, by text browsers and by feed fetchers: every
 * reading page is complete HTML from the server and every link is a plain link.
 */
test.describe('reading with JavaScript disabled', { tag: '@read-only' }, () => {
  test.use({ javaScriptEnabled: false });

  test('home → post → label → month → year → home, by plain links', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('banner')).toBeVisible();
    const listed = listedPost(page, seedPost.title);
    await expect(listed).toHaveCount(1);
    await expect(listed).toContainText(seedParagraphs[0]);

    // Home → the post.
    await listed.getByRole('heading').getByRole('link', { name: seedPost.title, exact: true }).click();
    await expect(page).toHaveURL(seedPost.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedPost.title);
    const body = postBody(postArticle(page, seedPost.title));
    expect((await body.locator(':scope > p').allTextContents()).map(squash)).toEqual([...seedParagraphs]);
    await expect(body.locator('figure blockquote')).toHaveText(seedPost.pullQuote);

    // The post → one of its labels.
    await postFooter(postArticle(page, seedPost.title)).getByRole('link', { name: 'Russia', exact: true }).click();
    await expect(page).toHaveURL('/label/Russia');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Showing posts with label Russia');
    await expect(listedPost(page, seedPost.title)).toHaveCount(1);

    // The Blog Archive → the month, then the year.
    await blogArchive(page).getByRole('link', { name: seedPost.month, exact: true }).click();
    await expect(page).toHaveURL(seedPost.monthPath);
    await expect(listedPost(page, seedPost.title)).toHaveCount(1);
    await blogArchive(page).getByRole('link', { name: seedPost.year, exact: true }).click();
    await expect(page).toHaveURL(seedPost.yearPath);
    await expect(listedPost(page, seedPost.title)).toHaveCount(1);

    // "Read more" from a listing, then the masthead back home.
    await listedPost(page, seedPost.title)
      .getByRole('link', { name: /Read more/ })
      .click();
    await expect(page).toHaveURL(seedPost.path);
    await page.getByRole('banner').getByRole('link').first().click();
    await expect(page).toHaveURL('/');
    await expect(listedPost(page, seedPost.title)).toHaveCount(1);
  });

  test('the old Blogger address still lands on the post', async ({ page }) => {
    await page.goto(seedPost.bloggerPath);
    await expect(page).toHaveURL(seedPost.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedPost.title);
  });

  test('the 404 page is readable without JavaScript', async ({ page }) => {
    const response = await page.goto('/2016/09/no-such-post-e2e');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/does not exist|not found/i);
    await expect(page.getByRole('link', { name: /home page/i })).toHaveAttribute('href', '/');
  });
});
