import { againstDeployedBlog, expectAbsoluteUrl } from './support/helpers';
import { expect, test } from './support/reader-post';
import { fetchXml, listOf, textOf, type XmlNode } from './support/xml';

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const ATOM_TYPE = /^application\/atom\+xml\b/;

/** What feed readers, search engines and crawlers fetch: the Atom feed, the sitemap, robots.txt. */
test.describe('feeds and crawlers', { tag: '@read-only' }, () => {
  for (const path of ['/feeds/posts/default', '/feed.xml']) {
    test(`the Atom feed at ${path} carries the post with its absolute address`, async ({
      request,
      baseURL,
      readerPost: post,
    }) => {
      const doc = await fetchXml(request, path, ATOM_TYPE);
      const feed = doc['feed'] as XmlNode | undefined;
      expect(feed, 'root element <feed>').toBeDefined();
      expect(feed!['@_xmlns']).toBe(ATOM_NS);
      expect(textOf(feed!['title'])).not.toBe('');
      expect(Number.isNaN(Date.parse(textOf(feed!['updated'])))).toBe(false);

      const self = listOf(feed!['link']).find((link) => link['@_rel'] === 'self');
      expectAbsoluteUrl(self?.['@_href'] as string | undefined, '/feeds/posts/default', baseURL);

      const entries = listOf(feed!['entry']);
      const entry = entries.find((e) => textOf(e['title']) === post.title);
      expect(entry, `an <entry> titled "${post.title}"`).toBeDefined();

      // Made from the post's id, not its address: a new slug or date must not make it a new entry.
      const host = againstDeployedBlog ? '[^,]+' : new URL(baseURL ?? '').hostname.replaceAll('.', '\\.');
      expect(textOf(entry!['id'])).toMatch(new RegExp(`^tag:${host},2000:post:${encodeURIComponent(post.id)}$`));
      const alternate = listOf(entry!['link']).find((link) => (link['@_rel'] ?? 'alternate') === 'alternate');
      expectAbsoluteUrl(alternate?.['@_href'] as string | undefined, post.path, baseURL);

      const published = Date.parse(textOf(entry!['published'] ?? entry!['updated']));
      expect(Math.abs(published - post.published.getTime())).toBeLessThanOrEqual(24 * 3600 * 1000);

      // The whole post, as HTML, so feed readers show it in full. A post found through the feed
      // took its paragraphs from this very content, so only the seed post's, known beforehand, prove it.
      const content = entry!['content'] as XmlNode;
      expect(content['@_type']).toBe('html');
      if (post.isSeed) for (const paragraph of post.paragraphs) expect(textOf(content)).toContain(paragraph);

      const terms = listOf(entry!['category']).map((c) => c['@_term']);
      expect(terms).toEqual(expect.arrayContaining([...post.labels]));
    });
  }

  test('both feed addresses serve the same feed', async ({ request }) => {
    const [a, b] = await Promise.all([
      fetchXml(request, '/feeds/posts/default', ATOM_TYPE),
      fetchXml(request, '/feed.xml', ATOM_TYPE),
    ]);
    const ids = (doc: XmlNode) => listOf((doc['feed'] as XmlNode)['entry']).map((e) => textOf(e['id']));
    expect(ids(b)).toEqual(ids(a));
  });

  test('the sitemap lists the post, its labels and archives', async ({ request, baseURL, readerPost: post }) => {
    const doc = await fetchXml(request, '/sitemap.xml', /xml/);
    const urlset = doc['urlset'] as XmlNode | undefined;
    expect(urlset, 'root element <urlset>').toBeDefined();
    expect(urlset!['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');

    const locs = listOf(urlset!['url']).map((u) => textOf(u['loc']));
    for (const loc of locs) expect(loc).toMatch(/^https?:\/\//);
    const paths = locs.map((loc) => decodeURI(new URL(loc).pathname));
    expect(paths).toContain(post.path);
    expect(paths).toContain('/');
    expect(paths).toEqual(expect.arrayContaining(post.labels.map((label) => `/label/${label}`)));
    expect(paths).toEqual(expect.arrayContaining([post.yearPath, post.monthPath]));

    const listed = locs.find((loc) => decodeURI(new URL(loc).pathname) === post.path);
    expectAbsoluteUrl(listed, post.path, baseURL);
    // No address in the sitemap is an alias that only redirects.
    for (const alias of post.aliases) expect(paths).not.toContain(alias);
  });

  test('robots.txt allows crawling and points to the sitemap', async ({ request, baseURL }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain\b/);
    const robots = await response.text();

    expect(robots).toMatch(/^User-agent:\s*\*/im);
    expect(robots).not.toMatch(/^Disallow:\s*\/\s*$/im);
    const sitemap = robots.match(/^Sitemap:\s*(\S+)\s*$/im)?.[1];
    expectAbsoluteUrl(sitemap, '/sitemap.xml', baseURL);

    // The sitemap it names is there.
    const listed = await request.get(new URL(sitemap!).pathname);
    expect(listed.status()).toBe(200);
  });
});
