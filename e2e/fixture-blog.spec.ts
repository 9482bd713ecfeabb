import { expect, test, type Page } from '@playwright/test';
import {
  archiveEntry,
  blogArchive,
  dateHeaderAbove,
  listedPost,
  listedPosts,
  postArticle,
  postBody,
  postFooter,
  squash,
} from './support/helpers';
import { fetchXml, listOf, textOf, type XmlNode } from './support/xml';

/**
 * A blog with more posts than fit on a page, a draft and a post dated in the far future
 * (e2e/fixtures/content, served on its own port with CONTENT_DIR). Its site.json sets the time zone
 * to America/New_York, so calendar days are New York days.
 */

/** The published posts, newest first, as a reader must see them. */
const published = [
  { title: 'Spring thaw in the steppe', path: '/2023/03/spring-thaw-in-the-steppe', day: 'Friday, March 10, 2023' },
  { title: 'Lunar New Year markets', path: '/2023/01/lunar-new-year-markets', day: 'Friday, January 20, 2023' },
  {
    title: 'Notes on the grain corridor',
    path: '/2022/11/notes-on-the-grain-corridor',
    day: 'Saturday, November 5, 2022',
  },
  { title: 'Harbour cranes at dawn', path: '/2022/08/harbour-cranes-at-dawn', day: 'Sunday, August 14, 2022' },
  {
    title: 'A long table in Vladivostok',
    path: '/2022/08/a-long-table-in-vladivostok',
    day: 'Tuesday, August 2, 2022',
  },
  { title: 'Winter solstice dumplings', path: '/2021/12/winter-solstice-dumplings', day: 'Friday, December 24, 2021' },
  {
    title: 'Evening dispatch from the summit',
    path: '/2021/06/evening-dispatch-from-the-summit',
    day: 'Tuesday, June 15, 2021',
  },
  {
    title: 'Morning briefing before the summit',
    path: '/2021/06/morning-briefing-before-the-summit',
    day: 'Tuesday, June 15, 2021',
  },
  {
    title: 'Rail freight through Kazakhstan',
    path: '/2021/02/rail-freight-through-kazakhstan',
    day: 'Monday, February 1, 2021',
  },
  { title: "New Year's Eve in Harbin", path: '/2019/12/new-years-eve-in-harbin', day: 'Tuesday, December 31, 2019' },
  { title: 'Summer in the Far East', path: '/2019/07/summer-in-the-far-east', day: 'Thursday, July 4, 2019' },
  { title: 'Two years since Hangzhou', path: '/2018/09/two-years-since-hangzhou', day: 'Tuesday, September 4, 2018' },
  { title: 'Belt and Road forum opens', path: '/2017/05/belt-and-road-forum-opens', day: 'Sunday, May 14, 2017' },
];

const hidden = [
  {
    why: 'a draft',
    title: 'Unfinished draft about sanctions',
    path: '/2022/04/unfinished-draft-about-sanctions',
    label: 'Secret Label',
    month: '/2022/04',
    year: undefined,
  },
  {
    why: 'a post dated in the far future',
    title: 'A letter from the far future',
    path: '/2999/01/a-letter-from-the-far-future',
    label: 'Tomorrow',
    month: '/2999/01',
    year: '/2999',
  },
];

/** Years → months with counts, as the Blog Archive must show them (no draft month, no 2999, no 2020). */
const archive = [
  {
    year: '2023',
    count: 2,
    months: [
      ['March', 1],
      ['January', 1],
    ],
  },
  {
    year: '2022',
    count: 3,
    months: [
      ['November', 1],
      ['August', 2],
    ],
  },
  {
    year: '2021',
    count: 4,
    months: [
      ['December', 1],
      ['June', 2],
      ['February', 1],
    ],
  },
  {
    year: '2019',
    count: 2,
    months: [
      ['December', 1],
      ['July', 1],
    ],
  },
  { year: '2018', count: 1, months: [['September', 1]] },
  { year: '2017', count: 1, months: [['May', 1]] },
] as const;

const titlesOn = async (page: Page) => (await listedPosts(page).getByRole('heading').allTextContents()).map(squash);

const allText = (page: Page) => page.locator('body').innerText();

test.describe('a blog with many posts', { tag: '@fixture-blog' }, () => {
  test('home shows the ten newest posts, newest first, and links to older posts', async ({ page }) => {
    await page.goto('/');
    expect(await titlesOn(page)).toEqual(published.slice(0, 10).map((p) => p.title));
    for (const post of published.slice(0, 10)) {
      await expect(listedPost(page, post.title).getByRole('heading').getByRole('link')).toHaveAttribute(
        'href',
        post.path,
      );
      await expect(dateHeaderAbove(listedPost(page, post.title))).toHaveText(post.day);
    }

    const pager = page.getByRole('navigation', { name: /more posts/i });
    await expect(pager.getByRole('link', { name: /Newer Posts/ })).toHaveCount(0);
    const older = pager.getByRole('link', { name: /Older Posts/ });
    await expect(older).toHaveAttribute('href', '/page/2');

    await older.click();
    await expect(page).toHaveURL('/page/2');
    expect(await titlesOn(page)).toEqual(published.slice(10).map((p) => p.title));
    // Its own canonical address, not the first page's.
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical ?? '', page.url()).pathname).toBe('/page/2');
    await expect(pager.getByRole('link', { name: /Older Posts/ })).toHaveCount(0);
    const newer = pager.getByRole('link', { name: /Newer Posts/ });
    await expect(newer).toHaveAttribute('href', '/');

    await newer.click();
    await expect(page).toHaveURL('/');
    expect(await titlesOn(page)).toEqual(published.slice(0, 10).map((p) => p.title));
  });

  test('a page past the last one is a 404; page 1 moves to the listing itself', async ({ request }) => {
    expect((await request.get('/page/3')).status()).toBe(404);
    expect((await request.get('/page/0')).status()).toBe(404);
    const first = await request.get('/label/China/page/1', { maxRedirects: 0 });
    expect([first.status(), new URL(first.headers().location ?? '', 'http://blog').pathname]).toEqual([308, '/label/China']);
  });

  test('posts of one day share one date header, in that day of the blog’s time zone', async ({ page }) => {
    await page.goto('/');
    // 21:30 in New York on June 15 is already June 16 in UTC: still one day, newest first.
    const day = page.getByRole('main').locator('section').filter({ hasText: 'Tuesday, June 15, 2021' });
    await expect(day).toHaveCount(1);
    await expect(day.locator('.date-header')).toHaveCount(1);
    expect((await day.getByRole('article').getByRole('heading').allTextContents()).map(squash)).toEqual([
      'Evening dispatch from the summit',
      'Morning briefing before the summit',
    ]);
    await expect(page.getByRole('main').getByText('Wednesday, June 16, 2021')).toHaveCount(0);
  });

  test('a post stamped after midnight UTC belongs to the previous day in New York', async ({ page, request }) => {
    await page.goto('/2019/12/new-years-eve-in-harbin');
    await expect(postArticle(page, "New Year's Eve in Harbin").locator(':scope > .date-header')).toHaveText(
      'Tuesday, December 31, 2019',
    );
    await page.goto('/2019');
    await expect(listedPost(page, "New Year's Eve in Harbin")).toHaveCount(1);
    expect((await request.get('/2020')).status()).toBe(404);
    expect((await request.get('/2020/01/new-years-eve-in-harbin')).status()).toBe(404);
  });

  test('the Blog Archive lists years and months with their counts, newest first', async ({ page }) => {
    await page.goto('/');
    const widget = blogArchive(page);
    const yearLinks = widget.getByRole('link').filter({ hasText: /^\d{4}$/ });
    await expect(yearLinks).toHaveText(archive.map((y) => y.year));
    for (const { year, count, months } of archive) {
      const entry = archiveEntry(widget, year);
      await expect(entry).toContainText(new RegExp(`^\\s*${year}\\s*\\(${count}\\)`));
      const monthItems = entry.getByRole('list').getByRole('listitem');
      expect((await monthItems.allTextContents()).map(squash)).toEqual(months.map(([m, n]) => `${m} (${n})`));
    }
    await widget.getByRole('link', { name: '2021', exact: true }).click();
    await expect(page).toHaveURL('/2021');
    expect(await titlesOn(page)).toEqual(published.filter((p) => p.path.startsWith('/2021/')).map((p) => p.title));
  });

  test('a month archive lists that month’s posts; a month without posts is a 404', async ({ page, request }) => {
    await page.goto('/2022/08');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Showing posts from August 2022');
    expect(await titlesOn(page)).toEqual(['Harbour cranes at dawn', 'A long table in Vladivostok']);
    expect((await request.get('/2021/03')).status()).toBe(404);
  });

  test('label pages list the posts with that label, including labels with spaces and non-Latin letters', async ({
    page,
  }) => {
    await page.goto('/label/cHINA');
    await expect(page).toHaveURL('/label/China');
    expect(await titlesOn(page)).toEqual([
      'Lunar New Year markets',
      'Harbour cranes at dawn',
      'Winter solstice dumplings',
      "New Year's Eve in Harbin",
      'Two years since Hangzhou',
      'Belt and Road forum opens',
    ]);

    // From a post's footer to a two-word label.
    await page.goto('/2022/08/a-long-table-in-vladivostok');
    await page.getByRole('main').getByRole('link', { name: 'World Order', exact: true }).click();
    await expect(page).toHaveURL('/label/World%20Order');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Showing posts with label World Order');
    expect(await titlesOn(page)).toEqual(['A long table in Vladivostok', 'Evening dispatch from the summit']);

    // From the sidebar's label list to a Cyrillic label.
    await page.getByRole('complementary').getByRole('link', { name: 'Россия', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Showing posts with label Россия');
    expect(await titlesOn(page)).toEqual(['Summer in the Far East']);
  });

  test('a summary, when set, stands in for the opening paragraphs on listings', async ({ page }) => {
    await page.goto('/');
    const withSummary = listedPost(page, 'Lunar New Year markets');
    await expect(withSummary).toContainText(
      'Red lanterns, paper cuttings and a brisk trade in dried fruit, seen from one Beijing lane.',
    );
    await expect(withSummary).not.toContainText('This opening paragraph is replaced by the summary');

    // Without a summary: the opening paragraphs, not the whole post.
    const withoutSummary = listedPost(page, 'Spring thaw in the steppe');
    await expect(withoutSummary).toContainText('The ice on the Irtysh broke early this year');
    await expect(withoutSummary).not.toContainText('A third paragraph that the home page excerpt must not show.');

    // The post itself shows its whole body.
    await withSummary.getByRole('heading').getByRole('link').click();
    await expect(page).toHaveURL('/2023/01/lunar-new-year-markets');
    await expect(postBody(postArticle(page, 'Lunar New Year markets'))).toContainText(
      'This opening paragraph is replaced by the summary on listing pages.',
    );
  });

  test('a post names its own author when it has one, else the blog’s', async ({ page }) => {
    await page.goto('/2022/11/notes-on-the-grain-corridor');
    await expect(postFooter(postArticle(page, 'Notes on the grain corridor'))).toContainText('Posted by Anna Petrova');
    await page.goto('/2022/08/harbour-cranes-at-dawn');
    await expect(postFooter(postArticle(page, 'Harbour cranes at dawn'))).toContainText('Posted by Fixture Editor');
  });

  test('a post stamped with a time shows that time of day in the blog’s time zone', async ({ page }) => {
    await page.goto('/2021/06/evening-dispatch-from-the-summit');
    const footer = postFooter(postArticle(page, 'Evening dispatch from the summit'));
    await expect(footer).toContainText(/Posted by Fixture Editor at 9:30\sPM/);
    await expect(footer.locator('time')).toHaveAttribute('datetime', '2021-06-16T01:30:00.000Z');
  });

  test('Markdown headings, lists, links and code render as such', async ({ page }) => {
    await page.goto('/2017/05/belt-and-road-forum-opens');
    const body = postBody(postArticle(page, 'Belt and Road forum opens'));
    const heading = body.getByRole('heading', { name: 'What was signed' });
    await expect(heading).toBeVisible();
    // Prefixed, so a heading can never take an anchor of the page's own such as #comments.
    await expect(heading).toHaveAttribute('id', 'h-what-was-signed');
    await expect(heading.locator('a.heading-anchor')).toHaveAttribute('href', '#h-what-was-signed');
    await expect(body.getByRole('listitem')).toHaveText([
      'A financing platform for infrastructure',
      'Customs cooperation agreements',
    ]);
    await expect(body.getByRole('link', { name: 'official programme' })).toHaveAttribute(
      'href',
      'https://example.org/forum-programme',
    );
    await expect(body.locator('pre code')).toContainText("const corridors = ['land', 'maritime'];");
  });

  for (const post of hidden) {
    test(`${post.why} appears nowhere and its address is a 404`, async ({ page, request }) => {
      // Its own address, its label, its archive month (and year) do not exist.
      expect((await request.get(post.path)).status(), post.path).toBe(404);
      expect((await request.get(`/label/${encodeURIComponent(post.label)}`)).status()).toBe(404);
      expect((await request.get(post.month)).status(), post.month).toBe(404);
      if (post.year) expect((await request.get(post.year)).status(), post.year).toBe(404);

      // Not on any listing page, nor in the side column.
      for (const listing of ['/', '/page/2', '/2022', '/label/Russia']) {
        await page.goto(listing);
        expect(await allText(page), listing).not.toContain(post.title);
        await expect(page.getByRole('complementary').getByRole('link', { name: post.label })).toHaveCount(0);
        await expect(page.locator(`a[href="${post.path}"]`)).toHaveCount(0);
      }

      // Not in the feed, nor in the sitemap.
      const feed = (await fetchXml(request, '/feeds/posts/default', /atom\+xml/))['feed'] as XmlNode;
      const entries = listOf(feed['entry']);
      expect(entries).toHaveLength(published.length);
      expect(entries.map((e) => textOf(e['title']))).not.toContain(post.title);
      const sitemap = (await fetchXml(request, '/sitemap.xml', /xml/))['urlset'] as XmlNode;
      const paths = listOf(sitemap['url']).map((u) => decodeURI(new URL(textOf(u['loc'])).pathname));
      expect(paths).not.toContain(post.path);
      expect(paths).not.toContain(post.month);
      expect(paths).not.toContain(`/label/${post.label}`);
    });
  }

  test('the feed lists every published post, newest first, with absolute links', async ({ request, baseURL }) => {
    const feed = (await fetchXml(request, '/feed.xml', /atom\+xml/))['feed'] as XmlNode;
    const entries = listOf(feed['entry']);
    expect(entries.map((e) => textOf(e['title']))).toEqual(published.map((p) => p.title));
    for (const [i, entry] of entries.entries()) {
      const link = listOf(entry['link'])[0]?.['@_href'] as string | undefined;
      expect(link).toBe(new URL(published[i]!.path, baseURL).toString());
    }
  });

  test('the sitemap lists every published post', async ({ request }) => {
    const sitemap = (await fetchXml(request, '/sitemap.xml', /xml/))['urlset'] as XmlNode;
    const paths = listOf(sitemap['url']).map((u) => decodeURI(new URL(textOf(u['loc'])).pathname));
    expect(paths).toEqual(expect.arrayContaining(published.map((p) => p.path)));
  });
});

test.describe('a blog with many posts, JavaScript disabled', { tag: '@fixture-blog' }, () => {
  test.use({ javaScriptEnabled: false });

  test('Older Posts and Newer Posts are plain links', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: /Older Posts/ }).click();
    await expect(page).toHaveURL('/page/2');
    expect(await titlesOn(page)).toEqual(published.slice(10).map((p) => p.title));
    await page.getByRole('link', { name: /Newer Posts/ }).click();
    await expect(page).toHaveURL('/');
    expect(await titlesOn(page)).toHaveLength(10);
  });
});
