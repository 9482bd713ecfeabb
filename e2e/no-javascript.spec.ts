import { expect, test } from './support/reader-post';
import {
  blogArchive,
  listedPost,
  openListingWithPost,
  postArticle,
  postBody,
  postFooter,
  squash,
} from './support/helpers';
import { seedPost } from './support/seed-post';

/**
 * The blog is read by people with JavaScript off, by text browsers and by feed fetchers: every
 * reading page is complete HTML from the server and every link is a plain link.
 */
test.describe('reading with JavaScript disabled', { tag: '@read-only' }, () => {
  test.use({ javaScriptEnabled: false });

  test('home → post → label → month → year → home, by plain links', async ({ page, readerPost: post }) => {
    await page.goto('/');
    await expect(page.getByRole('banner')).toBeVisible();
    const listed = await openListingWithPost(page, '/', post.title);
    await expect(listed).toHaveCount(1);
    await expect(postBody(listed)).not.toBeEmpty();

    // Home → the post.
    await listed.getByRole('heading').getByRole('link', { name: post.title, exact: true }).click();
    await expect(page).toHaveURL(post.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title);
    const body = postBody(postArticle(page, post.title));
    expect((await body.locator(':scope > p').allTextContents()).map(squash)).toEqual([...post.paragraphs]);

    // The post → one of its labels.
    const label = post.labels[0];
    if (label !== undefined) {
      await postFooter(postArticle(page, post.title)).getByRole('link', { name: label, exact: true }).click();
      await expect(page).toHaveURL(`/label/${encodeURIComponent(label)}`);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Showing posts with label ${label}`);
      await expect(listedPost(page, post.title)).toHaveCount(1);
    }

    // The Blog Archive → the month, then the year.
    await blogArchive(page).getByRole('link', { name: post.month, exact: true }).click();
    await expect(page).toHaveURL(post.monthPath);
    await expect(listedPost(page, post.title)).toHaveCount(1);
    await blogArchive(page).getByRole('link', { name: post.year, exact: true }).click();
    await expect(page).toHaveURL(post.yearPath);
    await expect(listedPost(page, post.title)).toHaveCount(1);

    // "Read more" from a listing, then the masthead back home.
    await listedPost(page, post.title)
      .getByRole('link', { name: /Read more/ })
      .click();
    await expect(page).toHaveURL(post.path);
    await page.getByRole('banner').getByRole('link').first().click();
    await expect(page).toHaveURL('/');
    await expect(listedPost(page, post.title)).toHaveCount(1);
  });

  test("the seed post's pull quote and old Blogger address work without JavaScript", async ({ page, readerPost }) => {
    test.skip(!readerPost.isSeed, 'the blog does not carry the seed post');
    await page.goto(seedPost.bloggerPath);
    await expect(page).toHaveURL(seedPost.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedPost.title);
    await expect(postBody(postArticle(page, seedPost.title)).locator('figure blockquote')).toHaveText(
      seedPost.pullQuote,
    );
  });

  test('the 404 page is readable without JavaScript', async ({ page }) => {
    const response = await page.goto('/2016/09/no-such-post-e2e');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/does not exist|not found/i);
    await expect(page.getByRole('link', { name: /home page/i })).toHaveAttribute('href', '/');
  });
});
