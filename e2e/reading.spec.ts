import { expect, test } from '@playwright/test';
import {
  archiveEntry,
  blogArchive,
  bodyTextBlocks,
  dateHeaderAbove,
  expectAbsoluteUrl,
  listedPost,
  metaContent,
  openListingWithPost,
  postArticle,
  postBody,
  postFooter,
  squash,
} from './support/helpers';
import { bloggerChrome, seedParagraphs, seedPost, seedTextBlocks } from './support/seed-post';

/**
 * A reader's way through the blog's real content: from the home page to the first post, its labels
 * and archives, and the addresses old links and search engines use.
 */
test.describe('reading the blog', { tag: '@read-only' }, () => {
  test('home lists the seed post under its date header with title link, excerpt and labels', async ({ page }) => {
    const post = await openListingWithPost(page, '/', seedPost.title);
    await expect(post).toHaveCount(1);

    await expect(dateHeaderAbove(post)).toHaveText(seedPost.dateHeader);
    const titleLink = post.getByRole('heading').getByRole('link', { name: seedPost.title, exact: true });
    await expect(titleLink).toHaveAttribute('href', seedPost.path);

    // No summary is set, so the excerpt is the post's opening paragraphs, not the whole post.
    const excerpt = post.locator('p');
    await expect(excerpt.first()).toHaveText(seedParagraphs[0]);
    await expect(post).not.toContainText(seedParagraphs[9]);

    for (const label of seedPost.labels) {
      await expect(post.getByRole('link', { name: label, exact: true })).toHaveAttribute(
        'href',
        `/label/${encodeURIComponent(label)}`,
      );
    }

    await titleLink.click();
    await expect(page).toHaveURL(seedPost.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedPost.title);
  });

  test('the seed post page shows its date header, title, every paragraph in order and the pull quote', async ({
    page,
  }) => {
    const response = await page.goto(seedPost.path);
    expect(response?.status()).toBe(200);

    const article = postArticle(page, seedPost.title);
    await expect(article).toHaveCount(1);
    await expect(article.locator(':scope > .date-header')).toHaveText(seedPost.dateHeader);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedPost.title);
    await expect(page).toHaveTitle(new RegExp(`^${seedPost.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    const body = postBody(article);
    await expect(body).toHaveCount(1);
    // The paragraphs of the text, in order, none lost, none added…
    expect((await body.locator(':scope > p').allTextContents()).map(squash)).toEqual([...seedParagraphs]);
    // …and with the pull quote where the original had it.
    expect(await bodyTextBlocks(body)).toEqual([...seedTextBlocks]);

    const figure = body.locator('figure');
    await expect(figure).toHaveCount(1);
    await expect(figure.locator('blockquote')).toHaveText(seedPost.pullQuote);
    await expect(figure.locator('figcaption')).toHaveText(seedPost.pullQuoteCaption);
    // The attribution is a caption of the quote, not a line inside it.
    await expect(figure.locator('blockquote')).not.toContainText('Wang Xianju');

    for (const chrome of bloggerChrome) await expect(body).not.toContainText(chrome);
  });

  test('the post footer names the author and links the labels', async ({ page }) => {
    await page.goto(seedPost.path);
    const footer = postFooter(postArticle(page, seedPost.title));
    await expect(footer).toHaveCount(1);
    await expect(footer).toContainText(/Posted by \S/);
    // The seed post is dated by day only, so its footer shows no time of day (posts with one are
    // the fixture blog's).
    expect(squash(await footer.textContent())).not.toMatch(/ at \d{1,2}:\d{2}\s?[AP]M/);
    for (const label of seedPost.labels) {
      await expect(footer.getByRole('link', { name: label, exact: true })).toHaveAttribute(
        'href',
        `/label/${encodeURIComponent(label)}`,
      );
    }
  });

  test('the old Blogger address redirects permanently to the post', async ({ page, request, baseURL }) => {
    const response = await request.get(seedPost.bloggerPath, { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(new URL(response.headers()['location'] ?? '', baseURL).pathname).toBe(seedPost.path);

    const landed = await page.goto(seedPost.bloggerPath);
    expect(landed?.status()).toBe(200);
    expect(landed?.request().redirectedFrom()?.url()).toContain(seedPost.bloggerPath);
    await expect(page).toHaveURL(seedPost.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(seedPost.title);
  });

  for (const label of seedPost.labels) {
    test(`label page "${label}" lists the seed post`, async ({ page }) => {
      const response = await page.goto(`/label/${encodeURIComponent(label)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Showing posts with label ${label}`);
      await expect(listedPost(page, seedPost.title)).toHaveCount(1);
    });
  }

  test('the year and month archives list the seed post', async ({ page }) => {
    const year = await openListingWithPost(page, seedPost.yearPath, seedPost.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Showing posts from ${seedPost.year}`);
    await expect(dateHeaderAbove(year)).toHaveText(seedPost.dateHeader);

    const month = await openListingWithPost(page, seedPost.monthPath, seedPost.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Showing posts from ${seedPost.month} ${seedPost.year}`,
    );
    await expect(dateHeaderAbove(month)).toHaveText(seedPost.dateHeader);
  });

  test('label and archive pages have their own title and canonical address, and keep the feed link', async ({
    page,
    baseURL,
  }) => {
    const pages = [
      { path: '/label/Russia', title: 'Showing posts with label Russia' },
      { path: seedPost.yearPath, title: `Showing posts from ${seedPost.year}` },
      { path: seedPost.monthPath, title: `Showing posts from ${seedPost.month} ${seedPost.year}` },
    ];
    for (const { path, title } of pages) {
      await page.goto(path);
      await expect(page, `<title> of ${path}`).toHaveTitle(new RegExp(`^${title}\\b`));
      const canonical = page.locator('head link[rel="canonical"]');
      await expect(canonical, `canonical link of ${path}`).toHaveCount(1);
      expectAbsoluteUrl((await canonical.getAttribute('href')) ?? undefined, path, baseURL);
      const feed = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
      await expect(feed, `feed link of ${path}`).toHaveCount(1);
      expectAbsoluteUrl(new URL((await feed.getAttribute('href')) ?? '', baseURL).toString(), '/feeds/posts/default', baseURL);
    }
  });

  for (const path of ['/', seedPost.path]) {
    test(`the Blog Archive on ${path === '/' ? 'home' : 'the post page'} shows 2016 → September (1)`, async ({
      page,
    }) => {
      await page.goto(path);
      const archive = blogArchive(page);
      await expect(archive).toBeVisible();

      const year = archiveEntry(archive, seedPost.year);
      await expect(year.getByRole('link', { name: seedPost.year, exact: true })).toHaveAttribute(
        'href',
        seedPost.yearPath,
      );
      await expect(year).toContainText(new RegExp(`^\\s*${seedPost.year}\\s*\\(\\d+\\)`));

      const month = archiveEntry(year.getByRole('list'), seedPost.month);
      await expect(month).toHaveText(/^\s*September\s*\(1\)\s*$/);
      await month.getByRole('link', { name: seedPost.month, exact: true }).click();
      await expect(page).toHaveURL(seedPost.monthPath);
      await expect(listedPost(page, seedPost.title)).toHaveCount(1);
    });
  }

  test('the post page carries canonical, Open Graph, Twitter and JSON-LD BlogPosting metadata', async ({
    page,
    baseURL,
  }) => {
    await page.goto(seedPost.path);

    const canonical = page.locator('head link[rel="canonical"]');
    await expect(canonical).toHaveCount(1);
    expectAbsoluteUrl((await canonical.getAttribute('href')) ?? undefined, seedPost.path, baseURL);

    expect(await metaContent(page, 'og:title')).toBe(seedPost.title);
    expect(await metaContent(page, 'og:type')).toBe('article');
    // The post's own Open Graph object replaces the layout's, so it must carry the blog's name too.
    const siteName = await metaContent(page, 'og:site_name');
    expect(siteName).toBeTruthy();
    expect(await page.title()).toBe(`${seedPost.title} | ${siteName}`);
    expect(await metaContent(page, 'og:locale')).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
    expectAbsoluteUrl((await metaContent(page, 'og:url')) ?? undefined, seedPost.path, baseURL);
    expect(await metaContent(page, 'twitter:card')).toMatch(/^summary(_large_image)?$/);
    expect(await metaContent(page, 'description')).toContain('President Xi Jinping');

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const postings = scripts
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .filter((data) => data['@type'] === 'BlogPosting');
    expect(postings).toHaveLength(1);
    const posting = postings[0]!;
    expect(posting['@context']).toMatch(/^https?:\/\/schema\.org\/?$/);
    expect(posting['headline']).toBe(seedPost.title);
    expect(typeof posting['datePublished']).toBe('string');
    // 2016-09-04 in the blog's time zone; whatever the zone, the instant is within a day of it.
    const published = Date.parse(posting['datePublished'] as string);
    expect(Math.abs(published - Date.parse('2016-09-04T00:00:00Z'))).toBeLessThanOrEqual(24 * 3600 * 1000);
    expectAbsoluteUrl(posting['url'] as string | undefined, seedPost.path, baseURL);
  });

  test('home page advertises the Atom feed for feed readers', async ({ page, baseURL }) => {
    await page.goto('/');
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveCount(1);
    const href = (await alternate.getAttribute('href')) ?? '';
    expectAbsoluteUrl(new URL(href, baseURL).toString(), '/feeds/posts/default', baseURL);
  });

  test('the print stylesheet hides the side column and keeps the post', async ({ page }) => {
    await page.goto(seedPost.path);
    const sidebar = page.getByRole('complementary');
    await expect(sidebar).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(sidebar).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(postBody(postArticle(page, seedPost.title))).toBeVisible();
  });
});

test.describe('pages that do not exist', { tag: '@read-only' }, () => {
  const missing = [
    { what: 'an unknown post', path: '/2016/09/no-such-post-e2e' },
    { what: 'an unknown label', path: '/label/no-such-label-e2e' },
    { what: 'an archive month without posts', path: '/1970/01' },
    { what: 'an archive year without posts', path: '/1970' },
    { what: 'an invalid month', path: '/2016/13' },
    { what: 'a listing page past the end', path: '/page/99' },
    { what: 'an unknown address', path: '/no/such/page-e2e' },
  ];

  for (const { what, path } of missing) {
    test(`${what} (${path}) answers 404`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(404);
    });
  }

  test('the 404 page reads like the blog: site header, an explanation and a link home', async ({ page }) => {
    await page.goto('/');
    const banner = squash(await page.getByRole('banner').textContent());

    const response = await page.goto('/2016/09/no-such-post-e2e');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('banner')).toHaveText(banner);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/does not exist|not found/i);

    const home = page.getByRole('link', { name: /home page/i });
    await expect(home).toHaveAttribute('href', '/');
    await home.click();
    await expect(page).toHaveURL('/');
    await expect(page.getByRole('main').getByRole('article').first()).toBeVisible();
  });

  test('the 404 page is titled as such in the browser tab', async ({ page }) => {
    const response = await page.goto('/label/no-such-label-e2e');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/does not exist|not found/i);
    // The server sends "Page not found | …"; the title must still say so once the page has loaded.
    await expect(page).toHaveTitle(/not found/i);
  });
});
