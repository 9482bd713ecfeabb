import { expect, type Locator, type Page } from '@playwright/test';

/** True when the journeys run against a deployed blog (E2E_BASE_URL) rather than a local server. */
export const againstDeployedBlog = Boolean(process.env.E2E_BASE_URL);

/** Text as a reader sees it, whitespace collapsed. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * An address the blog hands out to the world (feed, sitemap, canonical link) must be absolute and
 * point at `pathname`. Locally the origin must also be the server's own (SITE_URL); a deployed blog
 * may legitimately be tested through another address than its public one.
 */
export function expectAbsoluteUrl(value: string | undefined, pathname: string, baseURL: string | undefined): void {
  expect(value, `expected an absolute URL for ${pathname}`).toMatch(/^https?:\/\//);
  const url = new URL(value as string);
  expect(decodeURI(url.pathname)).toBe(decodeURI(pathname));
  if (!againstDeployedBlog && baseURL) expect(url.origin).toBe(new URL(baseURL).origin);
}

/**
 * The blocks of a post body in reading order: each paragraph's text, and for a figure its quote
 * and then its caption. Pseudo-element quotes and dashes (CSS) are not part of the text.
 */
export async function bodyTextBlocks(body: Locator): Promise<string[]> {
  const blocks = await body.evaluate((element) =>
    Array.from(element.children).flatMap((child) => {
      if (child.tagName === 'FIGURE') {
        return [
          child.querySelector('blockquote')?.textContent ?? '',
          child.querySelector('figcaption')?.textContent ?? '',
        ];
      }
      return [child.textContent ?? ''];
    }),
  );
  return blocks.map(squash);
}

/**
 * A post page's article, by its title (its accessible name). Comments are articles too and sit
 * inside it, so "the article in main" would be ambiguous once readers have commented.
 */
export function postArticle(page: Page, title: string): Locator {
  return page.getByRole('main').getByRole('article', { name: title, exact: true });
}

/** The post's own footer (author, labels), not a comment's. */
export function postFooter(article: Locator): Locator {
  return article.locator(':scope > footer');
}

/** The post's body: its Markdown rendered, nothing else. */
export function postBody(article: Locator): Locator {
  return article.locator(':scope > .post-body');
}

/** The main column's posts on a listing page. */
export function listedPosts(page: Page): Locator {
  return page.getByRole('main').getByRole('article');
}

/** A listed post, found by the link in its title. */
export function listedPost(page: Page, title: string): Locator {
  return listedPosts(page).filter({ has: page.getByRole('heading').getByRole('link', { name: title, exact: true }) });
}

/**
 * Open a listing and follow "Older Posts" until the post titled `title` shows up (a deployed blog may
 * hold newer posts than the seed). Fails if it is on none of the first `maxPages` pages.
 */
export async function openListingWithPost(
  page: Page,
  startPath: string,
  title: string,
  maxPages = 20,
): Promise<Locator> {
  await page.goto(startPath);
  for (let i = 0; i < maxPages; i++) {
    const post = listedPost(page, title);
    if ((await post.count()) > 0) return post;
    const older = page.getByRole('link', { name: /Older Posts/ });
    if ((await older.count()) === 0) break;
    await older.first().click();
  }
  throw new Error(`"${title}" is not listed on ${startPath} or its older pages`);
}

/** The Blog Archive widget in the side column. */
export function blogArchive(page: Page): Locator {
  return page.getByRole('complementary').getByRole('region', { name: 'Blog Archive' });
}

/** An entry of the Blog Archive (a year or, with `within`, a month of that year). */
export function archiveEntry(scope: Locator, linkText: string): Locator {
  return scope
    .getByRole('listitem')
    .filter({ has: scope.page().getByRole('link', { name: linkText, exact: true }) })
    .first();
}

/** The date header (Blogger's "Sunday, September 4, 2016") above a listed post. */
export function dateHeaderAbove(post: Locator): Locator {
  // The day's section holds the header and all posts of that day.
  return post.locator('xpath=ancestor::section[1]').locator('.date-header');
}

/** The content of `<meta name|property=…>`. */
export async function metaContent(page: Page, key: string): Promise<string | null> {
  const meta = page.locator(`head meta[name="${key}"], head meta[property="${key}"]`);
  await expect(meta, `<meta ${key}>`).toHaveCount(1);
  return meta.getAttribute('content');
}
