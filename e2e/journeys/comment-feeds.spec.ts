// Journey: a reader follows a thread from a feed reader. Each post has a comment feed at Blogger's
// address (/feeds/{postId}/comments/default) and the blog has one for all posts
// (/feeds/comments/default); the post page links to its own.
import { sendComment, postComment, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { expectAbsoluteUrl } from '../support/helpers';
import { commentById } from '../support/post-page';
import { fetchXml, listOf, textOf, type XmlNode } from '../support/xml';
import { expect, test } from '../support/journeys';

const ATOM_TYPE = /^application\/atom\+xml\b/;
const POST_FEED = `/feeds/${SEED_POST.id}/comments/default`;
const BLOG_FEED = '/feeds/comments/default';

function entries(doc: XmlNode): XmlNode[] {
  return listOf((doc['feed'] as XmlNode)['entry']);
}

function entryWith(doc: XmlNode, text: string): XmlNode | undefined {
  return entries(doc).find((entry) => textOf(entry['content']).includes(text));
}

test('a new comment is in its post’s feed and the blog’s, and its link opens it on the post page', async ({
  page,
  accounts,
  baseURL,
}) => {
  const reader = await accounts.create('subscriber');
  const text = uniqueText('Worth subscribing to');
  const comment = await postComment(await accounts.apiAs(reader), `${text}, *with feeling*`);

  const postFeed = await fetchXml(page.request, POST_FEED, ATOM_TYPE);
  const feed = postFeed['feed'] as XmlNode;
  expect(textOf(feed['title'])).toBe(`Quire: comments on ${SEED_POST.title}`);
  const self = listOf(feed['link']).find((link) => link['@_rel'] === 'self');
  expectAbsoluteUrl(self?.['@_href'] as string | undefined, POST_FEED, baseURL);
  // Other journeys comment meanwhile: find this one by its words.
  const entry = entryWith(postFeed, text);
  // The comment as the page shows it: its HTML, rendered once when it was written.
  expect(textOf(entry?.['content'])).toBe(`<p>${text}, <em>with feeling</em></p>`);
  expect(listOf(entry?.['author']).map((author) => textOf(author['name']))).toEqual([reader.name]);
  const link = String(listOf(entry?.['link'])[0]?.['@_href']);
  expect(new URL(link).pathname).toBe(`/comments/${comment.id}`);

  expect(
    entryWith(await fetchXml(page.request, BLOG_FEED, ATOM_TYPE), text),
    'in the blog’s comment feed',
  ).toBeDefined();

  // The feed's link, followed on this server, lands on the comment in its thread.
  await page.goto(new URL(link).pathname);
  await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path && url.hash === `#c${comment.id}`);
  await expect(commentById(page, comment.id)).toContainText(`${text}, with feeling`);
});

test.describe('while comments are held for moderation', () => {
  test.use({ commentRules: { holdFor: 'first-time', commentsPerPage: 500 } });

  test('a held comment is in no feed', async ({ accounts }) => {
    const reader = await accounts.create('newcomer');
    const api = await accounts.apiAs(reader);
    const text = uniqueText('Waiting in the queue');
    expect((await sendComment(api, { body: text })).status()).toBe(202);
    expect(entryWith(await fetchXml(api, POST_FEED, ATOM_TYPE), text)).toBeUndefined();
    expect(entryWith(await fetchXml(api, BLOG_FEED, ATOM_TYPE), text)).toBeUndefined();
  });
});

test('the post page names its comment feed, for feed readers and for readers', async ({ page }) => {
  await page.goto(SEED_POST.path);
  const feeds = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
  const paths = await feeds.evaluateAll((links) =>
    links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
  );
  expect(paths).toEqual(['/feeds/posts/default', POST_FEED]);
  const subscribe = page.locator('#comments').getByRole('link', { name: 'Subscribe to: Post Comments (Atom)' });
  await expect(subscribe).toHaveAttribute('href', POST_FEED);
});

test('a comment feed for a post that does not exist is 404', async ({ request }) => {
  const response = await request.get('/feeds/no-such-post/comments/default');
  expect(response.status()).toBe(404);
  expect(await response.text()).toBe('There is no post with that id.\n');
});
