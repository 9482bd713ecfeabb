import { expect, test } from './support/reader-post';
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
 * A reader's way through the blog's real content: from the home page to a post, its labels and
 * archives, and the addresses old links and search engines use. The post is the seed post, or a
 * deployed blog's newest post (support/reader-post.ts); what only the seed post has (its words as
 * Blogger showed them, its pull quote, its Blogger address) is checked where the blog carries it.
 */
const SEED_ONLY = 'the blog does not carry the seed post';

test.describe('reading the blog', { tag: '@read-only' }, () => {
  test('home lists the post under its date header with title link, excerpt and labels', async ({
    page,
    readerPost: post,
  }) => {
    const listed = await openListingWithPost(page, '/', post.title);
    await expect(listed).toHaveCount(1);

    await expect(dateHeaderAbove(listed)).toHaveText(post.dateHeader);
    const titleLink = listed.getByRole('heading').getByRole('link', { name: post.title, exact: true });
    await expect(titleLink).toHaveAttribute('href', post.path);
    await expect(postBody(listed)).not.toBeEmpty();

    for (const label of post.labels) {
      await expect(listed.getByRole('link', { name: label, exact: true })).toHaveAttribute(
        'href',
        `/label/${encodeURIComponent(label)}`,
      );
    }

    await titleLink.click();
    await expect(page).toHaveURL(post.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title);
  });

  test('the seed post is listed with its opening paragraphs, not the whole post', async ({ page, readerPost }) => {
    test.skip(!readerPost.isSeed, SEED_ONLY);
    const listed = await openListingWithPost(page, '/', seedPost.title);
    // No summary is set, so the excerpt is the post's opening paragraphs, not the whole post.
    await expect(listed.locator('p').first()).toHaveText(seedParagraphs[0]);
    await expect(listed).not.toContainText(seedParagraphs[9]);
  });

  test('the post page shows its date header, title and every paragraph in order', async ({
    page,
    readerPost: post,
  }) => {
    const response = await page.goto(post.path);
    expect(response?.status()).toBe(200);

    const article = postArticle(page, post.title);
    await expect(article).toHaveCount(1);
    await expect(article.locator(':scope > .date-header')).toHaveText(post.dateHeader);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(post.title);
    await expect(page).toHaveTitle(new RegExp(`^${post.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));

    const body = postBody(article);
    await expect(body).toHaveCount(1);
    // The paragraphs of the text, in order, none lost, none added.
    expect((await body.locator(':scope > p').allTextContents()).map(squash)).toEqual([...post.paragraphs]);
  });

  test('the seed post keeps its pull quote where the original had it, and none of Blogger\'s chrome', async ({
    page,
    readerPost,
  }) => {
    test.skip(!readerPost.isSeed, SEED_ONLY);
    await page.goto(seedPost.path);
    const article = postArticle(page, seedPost.title);
    const body = postBody(article);
    expect(await bodyTextBlocks(body)).toEqual([...seedTextBlocks]);

    const figure = body.locator('figure');
    await expect(figure).toHaveCount(1);
    await expect(figure.locator('blockquote')).toHaveText(seedPost.pullQuote);
    await expect(figure.locator('figcaption')).toHaveText(seedPost.pullQuoteCaption);
    // The attribution is a caption of the quote, not a line inside it.
    await expect(figure.locator('blockquote')).not.toContainText('Wang Xianju');

    for (const chrome of bloggerChrome) await expect(body).not.toContainText(chrome);
    // The seed post is dated by day only, so its footer shows no time of day (posts with one are
    // the fixture blog's).
    expect(squash(await postFooter(article).textContent())).not.toMatch(/ at \d{1,2}:\d{2}\s?[AP]M/);
    expect(await metaContent(page, 'description')).toContain('President Xi Jinping');
  });

  test('the post footer names the author and links the labels', async ({ page, readerPost: post }) => {
    await page.goto(post.path);
    const footer = postFooter(postArticle(page, post.title));
    await expect(footer).toHaveCount(1);
    await expect(footer).toContainText(/Posted by \S/);
    for (const label of post.labels) {
      await expect(footer.getByRole('link', { name: label, exact: true })).toHaveAttribute(
        'href',
        `/label/${encodeURIComponent(label)}`,
      );
    }
  });

  test('the old Blogger address redirects permanently to the post', async ({ page, request, baseURL, readerPost }) => {
    test.skip(readerPost.aliases.length === 0, `${SEED_ONLY}, and a feed does not list a post's old addresses`);
    for (const alias of readerPost.aliases) {
      const response = await request.get(alias, { maxRedirects: 0 });
      expect(response.status()).toBe(308);
      expect(new URL(response.headers()['location'] ?? '', baseURL).pathname).toBe(readerPost.path);

      const landed = await page.goto(alias);
      expect(landed?.status()).toBe(200);
      expect(landed?.request().redirectedFrom()?.url()).toContain(alias);
      await expect(page).toHaveURL(readerPost.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(readerPost.title);
    }
  });

  test('each label page of the post lists it', async ({ page, readerPost: post }) => {
    test.skip(post.labels.length === 0, 'no post in the feed has a label');
    for (const label of post.labels) {
      const response = await page.goto(`/label/${encodeURIComponent(label)}`);
      expect(response?.status(), `/label/${label}`).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Showing posts with label ${label}`);
      await expect(listedPost(page, post.title)).toHaveCount(1);
    }
  });

  test('the year and month archives list the post', async ({ page, readerPost: post }) => {
    const year = await openListingWithPost(page, post.yearPath, post.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Showing posts from ${post.year}`);
    await expect(dateHeaderAbove(year)).toHaveText(post.dateHeader);

    const month = await openListingWithPost(page, post.monthPath, post.title);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Showing posts from ${post.month} ${post.year}`);
    await expect(dateHeaderAbove(month)).toHaveText(post.dateHeader);
  });

  test('label and archive pages have their own title and canonical address, and keep the feed link', async ({
    page,
    baseURL,
    readerPost: post,
  }) => {
    const pages = [
      ...post.labels.slice(0, 1).map((label) => ({
        path: `/label/${encodeURIComponent(label)}`,
        title: `Showing posts with label ${label}`,
      })),
      { path: post.yearPath, title: `Showing posts from ${post.year}` },
      { path: post.monthPath, title: `Showing posts from ${post.month} ${post.year}` },
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

  for (const where of ['home', 'the post page'] as const) {
    test(`the Blog Archive on ${where} leads to the post's year and month`, async ({ page, readerPost: post }) => {
      await page.goto(where === 'home' ? '/' : post.path);
      const archive = blogArchive(page);
      await expect(archive).toBeVisible();

      const year = archiveEntry(archive, post.year);
      await expect(year.getByRole('link', { name: post.year, exact: true })).toHaveAttribute('href', post.yearPath);
      await expect(year).toContainText(new RegExp(`^\\s*${post.year}\\s*\\(\\d+\\)`));

      // The seed post is alone in its month; another blog's month may hold more.
      const month = archiveEntry(year.getByRole('list'), post.month);
      await expect(month).toHaveText(new RegExp(`^\\s*${post.month}\\s*\\(${post.isSeed ? '1' : '\\d+'}\\)\\s*$`));
      await month.getByRole('link', { name: post.month, exact: true }).click();
      await expect(page).toHaveURL(post.monthPath);
      await expect(listedPost(page, post.title)).toHaveCount(1);
    });
  }

  test('the post page carries canonical, Open Graph, Twitter and JSON-LD BlogPosting metadata', async ({
    page,
    baseURL,
    readerPost: post,
  }) => {
    await page.goto(post.path);

    const canonical = page.locator('head link[rel="canonical"]');
    await expect(canonical).toHaveCount(1);
    expectAbsoluteUrl((await canonical.getAttribute('href')) ?? undefined, post.path, baseURL);

    expect(await metaContent(page, 'og:title')).toBe(post.title);
    expect(await metaContent(page, 'og:type')).toBe('article');
    // The post's own Open Graph object replaces the layout's, so it must carry the blog's name too.
    const siteName = await metaContent(page, 'og:site_name');
    expect(siteName).toBeTruthy();
    expect(await page.title()).toBe(`${post.title} | ${siteName}`);
    expect(await metaContent(page, 'og:locale')).toMatch(/^[a-z]{2,3}(_[A-Z]{2})?$/);
    expectAbsoluteUrl((await metaContent(page, 'og:url')) ?? undefined, post.path, baseURL);
    expect(await metaContent(page, 'twitter:card')).toMatch(/^summary(_large_image)?$/);
    expect(await metaContent(page, 'description')).toBeTruthy();

    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const postings = scripts
      .map((text) => JSON.parse(text) as Record<string, unknown>)
      .filter((data) => data['@type'] === 'BlogPosting');
    expect(postings).toHaveLength(1);
    const posting = postings[0]!;
    expect(posting['@context']).toMatch(/^https?:\/\/schema\.org\/?$/);
    expect(posting['headline']).toBe(post.title);
    expect(typeof posting['datePublished']).toBe('string');
    // The post's day in the blog's time zone; whatever the zone, the instant is within a day of it.
    const published = Date.parse(posting['datePublished'] as string);
    expect(Math.abs(published - post.published.getTime())).toBeLessThanOrEqual(24 * 3600 * 1000);
    expectAbsoluteUrl(posting['url'] as string | undefined, post.path, baseURL);
  });

  test('home page advertises the Atom feed for feed readers', async ({ page, baseURL }) => {
    await page.goto('/');
    const alternate = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    await expect(alternate).toHaveCount(1);
    const href = (await alternate.getAttribute('href')) ?? '';
    expectAbsoluteUrl(new URL(href, baseURL).toString(), '/feeds/posts/default', baseURL);
  });

  test('the print stylesheet hides the side column and keeps the post', async ({ page, readerPost: post }) => {
    await page.goto(post.path);
    const sidebar = page.getByRole('complementary');
    await expect(sidebar).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(sidebar).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(postBody(postArticle(page, post.title))).toBeVisible();
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
