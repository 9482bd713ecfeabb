// Journey: a reader links to one comment; search engines read the comments from the post's JSON-LD.
import { postComment, postComments, sendComment, signInWithApi, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import {
  COMMENT_TIME_FORMAT,
  commentById,
  commentByText,
  commentCard,
  commentIdOf,
  expectedCommentTime,
  openPost,
  postCommentForm,
  readCommentCount,
  waitForEnhancedForm,
} from '../support/post-page';
import { expect, test } from '../support/journeys';

test('each comment’s time links to #c{id} and reads like “November 29, 2026 at 1:15 PM” in the blog’s time zone', async ({
  page,
  accounts,
}) => {
  const api = await accounts.apiAs(await accounts.create('linker'));
  const comment = await postComment(api, uniqueText('Link to me'));
  const reply = await postComment(api, uniqueText('And to me'), { parentId: comment.id });

  await openPost(page);
  for (const written of [comment, reply]) {
    const permalink = commentCard(page, written.id).locator('header').getByRole('link', { name: COMMENT_TIME_FORMAT });
    await expect(permalink).toHaveAttribute('href', `${SEED_POST.path}#c${written.id}`);
    const time = permalink.locator('time');
    await expect(time).toHaveText(COMMENT_TIME_FORMAT);
    await expect(time).toHaveText(expectedCommentTime(written.createdAt));
    await expect(time).toHaveAttribute('datetime', new Date(written.createdAt).toISOString());
  }

  // Every comment on the page links to itself.
  const cards = page.locator('#comments li.comment[id^="c"] > article');
  const count = await cards.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i += 1) {
    const card = cards.nth(i);
    const id = await card.evaluate((element) => element.parentElement!.id);
    await expect(card.locator('a.comment-permalink')).toHaveAttribute('href', new RegExp(`#${id}$`));
  }

  await commentCard(page, reply.id).locator('a.comment-permalink').click();
  await expect(page).toHaveURL((url) => url.pathname === SEED_POST.path && url.hash === `#c${reply.id}`);
  await expect(page.locator(`li#c${reply.id}`)).toBeInViewport();
});

test('a link to a comment that left its page follows it to its page now, and one to a removed comment says so', async ({
  page,
  accounts,
  commentSettings,
}) => {
  const api = await accounts.apiAs(await accounts.create('moved'));
  // A page's worth before it (from another account: each may write 5 a minute).
  await postComments(await accounts.apiAs(await accounts.create('earlier')), 5, 'Before the linked one');
  const linked = await postComment(api, uniqueText('Linked from a feed'));
  const removed = await postComment(api, uniqueText('Linked, then taken back'));
  expect((await api.delete(`/api/comments/${removed.id}`)).status()).toBe(200);

  // Fewer comments a page since the link was made: page 1 no longer holds it.
  await commentSettings.set({ commentsPerPage: 5 });
  await page.goto(`${SEED_POST.path}#c${linked.id}`);
  await expect(page).toHaveURL((url) => url.searchParams.get('comments') !== null && url.hash === `#c${linked.id}`);
  await expect(page.locator(`li#c${linked.id}`)).toBeInViewport();
  await expect(page.locator('#comments').getByText('The comment this link leads to')).toHaveCount(0);

  // Removed without replies, it is drawn nowhere: the section says so, where the reader lands.
  await page.goto(`${SEED_POST.path}#c${removed.id}`);
  const notice = page.locator('#comments').getByRole('status');
  await expect(notice).toHaveText('The comment this link leads to has been removed.');
  await expect(notice).toBeFocused();
  await expect(page).toHaveURL((url) => url.searchParams.get('removed') === String(removed.id) && url.hash === '#comments');
  await expect(commentById(page, removed.id)).toHaveCount(0);

  // One that never had a place (deleted while it waited for a moderator): the page itself says so.
  await commentSettings.set({ holdFor: 'everyone' });
  const sent = await sendComment(api, { body: uniqueText('Held, then taken back') });
  expect(sent.status()).toBe(202);
  const held = ((await sent.json()) as { comment: { id: number } }).comment;
  expect((await api.delete(`/api/comments/${held.id}`)).status()).toBe(200);
  await page.goto(`${SEED_POST.path}#c${held.id}`);
  await expect(notice).toHaveText('The comment this link leads to is not on this page: it has been removed, or is not shown yet.');
  await expect(notice).toBeFocused();
  await expect(page).toHaveURL((url) => url.hash === `#c${held.id}`);
});

test('the post’s JSON-LD lists a new comment as a Comment with its permalink, author and text', { tag: '@one-database' }, async ({
  page,
  accounts,
}) => {
  const reader = await accounts.create('jsonld');
  const api = await accounts.apiAs(reader);
  // Characters the page's HTML escapes, which the structured data must give back as typed.
  const text = uniqueText('Seen by search engines & "readers" < 3');
  const comment = await postComment(api, text);

  await openPost(page);
  const count = await readCommentCount(page);
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  const posting = blocks
    .map((block) => JSON.parse(block) as Record<string, unknown>)
    .find((data) => data['@type'] === 'BlogPosting');
  expect(posting, 'a BlogPosting JSON-LD block').toBeDefined();
  expect(posting!.commentCount).toBe(count);
  const comments = posting!.comment as {
    '@type': string;
    '@id': string;
    author: { name: string };
    text: string;
    dateCreated: string;
  }[];
  const entry = comments.find((item) => item['@id'].endsWith(`${SEED_POST.path}#c${comment.id}`));
  expect(entry, `a Comment entry for #c${comment.id}`).toBeDefined();
  expect(entry).toMatchObject({ '@type': 'Comment', author: { '@type': 'Person', name: reader.name }, text });
  expect(new Date(entry!.dateCreated).toISOString()).toBe(new Date(comment.createdAt).toISOString());
});

test('a comment published from an earlier page of the thread takes its author to the page that shows it', async ({
  page,
  accounts,
  commentSettings,
}) => {
  await commentSettings.set({ commentsPerPage: 5, holdFor: 'nobody' });
  const reader = await accounts.create('late-page');
  const api = await accounts.apiAs(reader);
  await postComments(api, 6, 'Filling page');
  await signInWithApi(page.request, reader);

  await page.goto(`${SEED_POST.path}?comments=1`);
  await expect(page.locator('.pager-position')).toHaveText(/^Comments page 1 of ([2-9]|\d{2,})$/);
  const form = postCommentForm(page);
  await waitForEnhancedForm(form);
  const text = uniqueText('Where did my comment go?');
  await form.getByRole('textbox', { name: 'Your comment' }).fill(text);
  await form.getByRole('button', { name: 'Publish' }).click();

  const mine = commentByText(page, text);
  await expect(mine).toBeVisible();
  await expect(mine).toBeInViewport();
  const id = await commentIdOf(mine);
  await expect(page).toHaveURL((url) => Number(url.searchParams.get('comments')) > 1 && url.hash === `#c${id}`);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('Oldest and Newest reach the ends of a long thread, offered only where they are more than a step away', async ({
    page,
    accounts,
    commentSettings,
  }) => {
    await commentSettings.set({ commentsPerPage: 5, holdFor: 'nobody' });
    // Twenty-one more top-level comments: five pages at least.
    await postComments(await accounts.apiAs(await accounts.create('longthread')), 21, 'Long thread');

    await page.goto(`${SEED_POST.path}?comments=1`);
    const pager = page.getByRole('navigation', { name: 'More comments' });
    const position = pager.locator('.pager-position');
    const pageCount = Number((await position.textContent())?.match(/of (\d+)/)?.[1]);
    expect(pageCount).toBeGreaterThanOrEqual(5);
    await expect(pager.getByRole('link', { name: /Oldest/ })).toHaveCount(0);

    await pager.getByRole('link', { name: /Newest/ }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('comments') === String(pageCount) && url.hash === '#comments');
    await expect(position).toHaveText(`Comments page ${pageCount} of ${pageCount}`);
    await expect(pager.getByRole('link', { name: /Newest|Newer comments/ })).toHaveCount(0);

    await pager.getByRole('link', { name: /Oldest/ }).click();
    await expect(position).toHaveText(`Comments page 1 of ${pageCount}`);

    // One step from either end, Older or Newer is the way there.
    await page.goto(`${SEED_POST.path}?comments=2`);
    await expect(pager.getByRole('link', { name: /Oldest/ })).toHaveCount(0);
    await expect(pager.getByRole('link', { name: /Older comments/ })).toHaveAttribute('href', `${SEED_POST.path}#comments`);
    await page.goto(`${SEED_POST.path}?comments=${pageCount - 1}`);
    await expect(pager.getByRole('link', { name: /Newest/ })).toHaveCount(0);

    // On a phone, each of the four links stays on one line (a "›" alone on a line reads as nothing).
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${SEED_POST.path}?comments=3`);
    const links = pager.getByRole('link');
    await expect(links).toHaveCount(4);
    for (const link of await links.all()) {
      const lines = await link.evaluate((a) => a.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight));
      expect(Math.round(lines), await link.innerText()).toBe(1);
      // And all of it on the screen: the pager's three columns pushed "Newest »" off its right edge.
      const box = await link.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 375, await link.innerText()).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  test('a removed comment’s own address says on its page that it was removed; an address merely saying so does not', async ({
    page,
    accounts,
  }) => {
    const api = await accounts.apiAs(await accounts.create('gone'));
    const removed = await postComment(api, uniqueText('Soon gone'));
    const kept = await postComment(api, uniqueText('Staying'));
    expect((await api.delete(`/api/comments/${removed.id}`)).status()).toBe(200);

    await page.goto(`/comments/${removed.id}`);
    await expect(page.locator('#comments').getByRole('status')).toHaveText('The comment this link leads to has been removed.');
    await expect(commentById(page, removed.id)).toHaveCount(0);

    // The comment it names is on the page: nothing to say.
    await page.goto(`/comments/${kept.id}`);
    const shown = new URL(page.url());
    await expect(commentById(page, kept.id)).toBeVisible();
    await page.goto(`${shown.pathname}${shown.search}${shown.search ? '&' : '?'}removed=${kept.id}`);
    await expect(commentById(page, kept.id)).toBeVisible();
    await expect(page.locator('#comments').getByRole('status')).toHaveCount(0);
  });

  test('Older and Newer comments page through the thread, and a permalink opens the page that holds its comment', async ({
    page,
    accounts,
    commentSettings,
  }) => {
    await commentSettings.set({ commentsPerPage: 5, holdFor: 'nobody' });
    const api = await accounts.apiAs(await accounts.create('pager'));
    const written = await postComments(api, 6, 'Paged comment');
    const newest = written.at(-1)!;

    await page.goto(`${SEED_POST.path}?comments=1`);
    const pager = page.getByRole('navigation', { name: 'More comments' });
    const position = pager.locator('.pager-position');
    await expect(position).toHaveText(/^Comments page 1 of (\d+)$/);
    const pageCount = Number((await position.textContent())?.match(/of (\d+)/)?.[1]);
    expect(pageCount).toBeGreaterThanOrEqual(2);
    await expect(pager.getByRole('link', { name: /Older comments/ })).toHaveCount(0);

    await pager.getByRole('link', { name: /Newer comments/ }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get('comments') === '2');
    await expect(position).toHaveText(`Comments page 2 of ${pageCount}`);
    await pager.getByRole('link', { name: /Older comments/ }).click();
    await expect(position).toHaveText(`Comments page 1 of ${pageCount}`);

    // The newest comment is on the last page; its permalink names that page.
    await page.goto(`${SEED_POST.path}?comments=${pageCount}`);
    const permalink = commentCard(page, newest.id).locator('a.comment-permalink');
    await expect(permalink).toHaveAttribute('href', `${SEED_POST.path}?comments=${pageCount}#c${newest.id}`);
    await page.goto(`${SEED_POST.path}?comments=1`);
    await expect(page.locator(`li#c${newest.id}`)).toHaveCount(0);
    await page.goto(`${SEED_POST.path}?comments=${pageCount}#c${newest.id}`);
    await expect(page.locator(`li#c${newest.id}`)).toBeVisible();
    await expect(page.locator(`li#c${newest.id}`)).toBeInViewport();
  });
});

test('with JavaScript, a page first opened at a fragment keeps one fragment in its address as the reader replies and cancels, so a reload opens at the comment', { tag: '@one-database' }, async ({
  page,
  accounts,
}) => {
  const api = await accounts.apiAs(await accounts.create('fragments'));
  const comment = await postComment(api, uniqueText('Opened at its own fragment'));
  await signInWithApi(page.request, await accounts.create('fragment-reader'));
  // As a shared link or /comments/{id} opens it: at a fragment.
  await page.goto(`${SEED_POST.path}#comments`);
  await waitForEnhancedForm(postCommentForm(page));

  await commentById(page, comment.id).getByRole('link', { name: 'Reply' }).first().click();
  await expect(page).toHaveURL((url) => url.searchParams.get('reply') === String(comment.id) && url.hash === `#reply-${comment.id}`);
  await page.getByRole('link', { name: 'Cancel' }).first().click();
  await expect(page).toHaveURL((url) => !url.searchParams.has('reply') && url.hash === `#c${comment.id}`);

  await page.reload();
  await expect(commentCard(page, comment.id)).toBeInViewport();
});
