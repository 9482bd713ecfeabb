// The post the read-only journeys read. On the blog's own content it is the seed post, known word
// for word. Against a deployed blog (E2E_BASE_URL) it is found in the blog's feed: the seed post if
// the blog still carries it, else the newest post with a label, so the journeys prove the owner's
// blog and not a post it may have never had.
import { test as base, expect, type Browser, type PlaywrightWorkerArgs } from '@playwright/test';
import { squash } from './helpers';
import { seedParagraphs, seedPost } from './seed-post';
import { fetchXml, listOf, textOf, type XmlNode } from './xml';

export interface ReaderPost {
  id: string;
  title: string;
  path: string;
  /** "Sunday, September 4, 2016": the day in the blog's time zone, as the post page heads it. */
  dateHeader: string;
  /** When the post was published, as the feed and JSON-LD give it. */
  published: Date;
  year: string;
  yearPath: string;
  /** The month's English name, as the Blog Archive and the month archive's heading show it. */
  month: string;
  monthPath: string;
  labels: readonly string[];
  /** The text of the body's paragraphs, in order. */
  paragraphs: readonly string[];
  /** Old addresses that must redirect to the post (a feed does not list them, so only the seed post has them). */
  aliases: readonly string[];
  /** The seed post: the journeys then also check its own words against the original Blogger page. */
  isSeed: boolean;
}

const SEED_READER_POST: ReaderPost = {
  id: seedPost.id,
  title: seedPost.title,
  path: seedPost.path,
  dateHeader: seedPost.dateHeader,
  published: new Date('2016-09-04T00:00:00Z'),
  year: seedPost.year,
  yearPath: seedPost.yearPath,
  month: seedPost.month,
  monthPath: seedPost.monthPath,
  labels: seedPost.labels,
  paragraphs: seedParagraphs,
  aliases: [seedPost.bloggerPath],
  isSeed: true,
};

export type ReaderPostSource = 'seed' | 'feed';

const ATOM_TYPE = /^application\/atom\+xml\b/;
const POST_ID = /:post:([^:]+)$/;
const POST_PATH = /^\/(\d{4})\/(\d{2})\/[^/]+$/;

/** The post a feed entry describes, with the date header and paragraphs its page and content show. */
async function readerPostFromEntry(entry: XmlNode, browser: Browser, baseURL: string): Promise<ReaderPost> {
  const id = decodeURIComponent(POST_ID.exec(textOf(entry['id']))?.[1] ?? '');
  const alternate = listOf(entry['link']).find((link) => (link['@_rel'] ?? 'alternate') === 'alternate');
  const path = decodeURI(new URL(String(alternate?.['@_href'] ?? ''), baseURL).pathname);
  const [, year, month] = POST_PATH.exec(path) ?? [];
  expect(id, `the post id in the feed entry "${textOf(entry['id'])}"`).not.toBe('');
  expect(year, `a /yyyy/mm/slug address for the feed entry's link "${path}"`).toBeDefined();

  const page = await browser.newPage({ baseURL });
  try {
    // The post's text as the feed gives it, to hold the post page to.
    await page.setContent(textOf(entry['content']));
    const paragraphs = (await page.locator('body > p').allTextContents()).map(squash);
    await page.goto(path);
    const dateHeader = squash(await page.locator('main article > .date-header').first().textContent());
    return {
      id,
      title: textOf(entry['title']),
      path,
      dateHeader,
      published: new Date(textOf(entry['published'] ?? entry['updated'])),
      year: year!,
      yearPath: `/${year}`,
      month: new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'long' }).format(
        new Date(Date.UTC(Number(year), Number(month) - 1, 1)),
      ),
      monthPath: `/${year}/${month}`,
      labels: listOf(entry['category']).map((category) => String(category['@_term'])),
      paragraphs,
      aliases: [],
      isSeed: false,
    };
  } finally {
    await page.close();
  }
}

async function findReaderPost(
  { playwright, browser }: Pick<PlaywrightWorkerArgs, 'playwright'> & { browser: Browser },
  baseURL: string,
): Promise<ReaderPost> {
  const request = await playwright.request.newContext({ baseURL });
  try {
    const feed = (await fetchXml(request, '/feeds/posts/default', ATOM_TYPE))['feed'] as XmlNode;
    const entries = listOf(feed['entry']);
    expect(entries.length, `the feed at ${baseURL}/feeds/posts/default lists a published post`).toBeGreaterThan(0);
    if (entries.some((entry) => POST_ID.exec(textOf(entry['id']))?.[1] === encodeURIComponent(seedPost.id))) {
      return SEED_READER_POST;
    }
    // The feed lists the newest first; a post with a label lets the label pages be read too.
    const entry = entries.find((candidate) => listOf(candidate['category']).length > 0) ?? entries[0]!;
    return await readerPostFromEntry(entry, browser, baseURL);
  } finally {
    await request.dispose();
  }
}

interface ReaderPostFixtures {
  /** Where the post comes from: the seed post's known text, or the blog's feed (playwright.config.ts). */
  readerPostFrom: ReaderPostSource;
  readerPost: ReaderPost;
}

/** Playwright's `test` with the post the read-only journeys read (`readerPost`). */
export const test = base.extend<object, ReaderPostFixtures>({
  readerPostFrom: ['seed', { option: true, scope: 'worker' }],
  readerPost: [
    async ({ readerPostFrom, playwright, browser }, provide, workerInfo) => {
      if (readerPostFrom === 'seed') return provide(SEED_READER_POST);
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error('The project sets no baseURL to find the post in the feed of.');
      await provide(await findReaderPost({ playwright, browser }, baseURL));
    },
    { scope: 'worker' },
  ],
});

export { expect };
