// Journey: an admin runs the blog through the HTTP API alone — lists the queue tab by tab and page
// by page, approves, marks as spam, deletes and restores comments one at a time and in bulk,
// changes the comment rules, bans and unbans a reader, and closes and reopens a post — and each
// answer comes with its effect: on the queue, on what readers get, and on who may comment.
import type { APIRequestContext, APIResponse } from '@playwright/test';
import { commentsUrl, postComment, publishedTotal, sendComment, uniqueText } from '../support/api';
import { SEED_POST } from '../support/blog';
import { expect, test } from './fixtures';

type Status = 'pending' | 'published' | 'spam' | 'deleted';

interface QueueItem {
  id: number;
  postId: string;
  status: string;
  excerpt: string;
  heldReason: string | null;
  author: { kind: 'user'; id: string; name: string; banned: boolean } | { kind: 'guest'; name: string };
}

interface QueuePage {
  items: QueueItem[];
  nextCursor: number | null;
}

/** The API's page size for one tab of the queue (lib/moderation/queue.ts; the route takes no limit). */
const QUEUE_PAGE_SIZE = 50;

async function queuePage(api: APIRequestContext, status: Status, cursor?: number): Promise<QueuePage> {
  const response = await api.get(`/api/admin/comments?status=${status}${cursor === undefined ? '' : `&cursor=${cursor}`}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as QueuePage;
}

/**
 * The comment `id` as the `status` tab lists it, or undefined when the tab does not list it: the
 * tab is read newest first, page after page, until it reaches ids older than `id`.
 */
async function inQueue(api: APIRequestContext, status: Status, id: number): Promise<QueueItem | undefined> {
  let cursor: number | undefined;
  for (;;) {
    const page = await queuePage(api, status, cursor);
    const found = page.items.find((item) => item.id === id);
    if (found) return found;
    if (page.nextCursor === null || page.items.some((item) => item.id < id)) return undefined;
    cursor = page.nextCursor;
  }
}

/** The tabs that list comment `id` (each comment is in exactly one). */
async function tabsListing(api: APIRequestContext, id: number): Promise<Status[]> {
  const statuses: Status[] = ['pending', 'published', 'spam', 'deleted'];
  const found = await Promise.all(statuses.map(async (status) => ((await inQueue(api, status, id)) ? status : null)));
  return found.filter((status): status is Status => status !== null);
}

/** Whether readers get comment `id` from `GET /api/posts/{id}/comments`, read to its last page. */
async function readersSee(api: APIRequestContext, id: number): Promise<boolean> {
  let cursor: number | undefined;
  for (;;) {
    const response = await api.get(`${commentsUrl()}?limit=200${cursor === undefined ? '' : `&cursor=${cursor}`}`);
    expect(response.status()).toBe(200);
    const page = (await response.json()) as { comments: { id: number }[]; nextCursor: number | null };
    if (page.comments.some((comment) => comment.id === id)) return true;
    if (page.nextCursor === null) return false;
    cursor = page.nextCursor;
  }
}

async function moderate(api: APIRequestContext, id: number, action: string): Promise<number[]> {
  const response = await api.post(`/api/admin/comments/${id}/${action}`);
  expect(response.status(), `${action}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { changed: number[] }).changed;
}

async function errorsOf(response: { json(): Promise<unknown> }): Promise<Record<string, string>> {
  return ((await response.json()) as { errors: Record<string, string> }).errors;
}

// Some journeys write over fifty comments; on a busy machine that takes a while.
test.describe.configure({ timeout: 180_000 });

test('a held comment is listed as pending only; approving it publishes it to readers and counts it once', async ({
  admin,
  accounts,
  heldComment,
}) => {
  const { writer, text, id } = await heldComment('waiting', 'Held until the admin API says so');
  const visitor = await accounts.anonymousApi();
  const totalBefore = await publishedTotal(visitor);

  const held = await inQueue(admin.api, 'pending', id);
  expect(held).toMatchObject({ id, postId: SEED_POST.id, status: 'pending', excerpt: text, heldReason: 'first comment' });
  expect(held?.author).toMatchObject({ kind: 'user', id: writer.id, name: writer.name, banned: false });
  expect(await tabsListing(admin.api, id)).toEqual(['pending']);
  expect(await readersSee(visitor, id)).toBe(false);

  expect(await moderate(admin.api, id, 'approve')).toEqual([id]);
  expect(await tabsListing(admin.api, id)).toEqual(['published']);
  expect(await inQueue(admin.api, 'published', id)).toMatchObject({ status: 'published', heldReason: null });
  expect(await readersSee(visitor, id)).toBe(true);
  expect(await publishedTotal(visitor)).toBe(totalBefore + 1);

  // Approving it again changes nothing and counts nothing.
  expect(await moderate(admin.api, id, 'approve')).toEqual([]);
  expect(await publishedTotal(visitor)).toBe(totalBefore + 1);

  // A caller that saw it pending is told it changed meanwhile, and it stays as it is.
  const stale = await admin.api.post(`/api/admin/comments/${id}/spam?from=pending`);
  expect(stale.status()).toBe(409);
  expect(await errorsOf(stale)).toEqual({ from: 'Someone changed that comment since you saw it, so it was left as it is.' });
  expect(await tabsListing(admin.api, id)).toEqual(['published']);
});

test('spam, delete and restore move a comment between the tabs, readers see it only while published, and each step is logged', async ({
  admin,
  accounts,
  commentSettings,
  db,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const writer = await accounts.create('moved');
  const { id } = await postComment(await accounts.apiAs(writer), uniqueText('Published, then moved about by the API'));
  const visitor = await accounts.anonymousApi();
  const total = await publishedTotal(visitor);
  expect(await tabsListing(admin.api, id)).toEqual(['published']);

  const steps: { action: string; tab: Status; total: number }[] = [
    { action: 'spam', tab: 'spam', total: total - 1 },
    { action: 'restore', tab: 'published', total },
    { action: 'delete', tab: 'deleted', total: total - 1 },
    { action: 'restore', tab: 'published', total },
  ];
  for (const step of steps) {
    expect(await moderate(admin.api, id, step.action), step.action).toEqual([id]);
    expect(await tabsListing(admin.api, id), step.action).toEqual([step.tab]);
    expect(await readersSee(visitor, id), step.action).toBe(step.tab === 'published');
    expect(await publishedTotal(visitor), step.action).toBe(step.total);
  }

  const log = await db.auditEntry.findMany({
    where: { targetType: 'comment', targetId: String(id) },
    orderBy: { id: 'asc' },
    select: { actorId: true, action: true, before: true, after: true },
  });
  expect(log).toEqual([
    { actorId: admin.user.id, action: 'spam', before: 'published', after: 'spam' },
    { actorId: admin.user.id, action: 'restore', before: 'spam', after: 'published' },
    { actorId: admin.user.id, action: 'delete', before: 'published', after: 'deleted' },
    { actorId: admin.user.id, action: 'restore', before: 'deleted', after: 'published' },
  ]);
});

/** Sends a comment that the rules hold (202) and returns its id. */
async function sendHeld(api: APIRequestContext, words: string): Promise<number> {
  const response = await sendComment(api, { body: uniqueText(words) });
  expect(response.status(), await response.text()).toBe(202);
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

test('bulk approve publishes the chosen held comments at once and leaves the others waiting', async ({
  admin,
  accounts,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'everyone' });
  const writer = await accounts.create('batch');
  const api = await accounts.apiAs(writer);
  const ids: number[] = [];
  for (const words of ['Bulk via API one', 'Bulk via API two', 'Bulk via API three', 'Bulk via API left waiting']) {
    ids.push(await sendHeld(api, words));
  }
  const chosen = ids.slice(0, 3);
  const left = ids[3]!;
  const visitor = await accounts.anonymousApi();
  const totalBefore = await publishedTotal(visitor);

  const empty = await admin.api.post('/api/admin/comments/bulk/approve', { data: { ids: [] } });
  expect(empty.status()).toBe(400);
  expect(await errorsOf(empty)).toEqual({ ids: 'Choose at least one comment.' });

  const response = await admin.api.post('/api/admin/comments/bulk/approve', { data: { ids: chosen } });
  expect(response.status(), await response.text()).toBe(200);
  expect(((await response.json()) as { changed: number[] }).changed).toEqual(chosen);

  for (const id of chosen) {
    expect(await tabsListing(admin.api, id)).toEqual(['published']);
    expect(await readersSee(visitor, id)).toBe(true);
  }
  expect(await tabsListing(admin.api, left)).toEqual(['pending']);
  expect(await readersSee(visitor, left)).toBe(false);
  expect(await publishedTotal(visitor)).toBe(totalBefore + 3);
});

test('a tab longer than a page comes in pages of 50, newest first, and the cursor gives the rest without repeats', async ({
  admin,
  accounts,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'everyone' });
  const writer = await accounts.create('pages');
  const api = await accounts.apiAs(writer);
  const ours: number[] = [];
  for (let n = 1; n <= QUEUE_PAGE_SIZE + 5; n += 1) {
    ours.push(await sendHeld(api, `Paged comment ${n}`));
  }
  const oldest = Math.min(...ours);

  // Read the pending tab until it reaches the oldest of ours.
  const pages: QueuePage[] = [await queuePage(admin.api, 'pending')];
  while (!pages.at(-1)!.items.some((item) => item.id <= oldest)) {
    const cursor = pages.at(-1)!.nextCursor;
    expect(cursor, 'a tab with more comments left gives a cursor').not.toBeNull();
    const next = await queuePage(admin.api, 'pending', cursor!);
    expect(next.items.every((item) => item.id < cursor!), 'the next page starts after the cursor').toBe(true);
    pages.push(next);
  }
  expect(pages.length).toBeGreaterThan(1);
  for (const page of pages.slice(0, -1)) {
    expect(page.items).toHaveLength(QUEUE_PAGE_SIZE);
    expect(page.nextCursor).toBe(page.items.at(-1)!.id);
  }
  const listed = pages.flatMap((page) => page.items.map((item) => item.id));
  expect(new Set(listed).size, 'no comment is listed twice').toBe(listed.length);
  expect(listed, 'newest first').toEqual([...listed].sort((a, b) => b - a));
  expect(listed.filter((id) => ours.includes(id))).toEqual([...ours].reverse());
  expect(pages.flatMap((page) => page.items).every((item) => item.status === 'pending')).toBe(true);

  // Clear them out of the queue in one request, so later journeys find a short one. As spam: a
  // deleted comment keeps its place in the thread ("removed"), and 55 places would push the next
  // journeys' comments onto a second page of the post.
  const cleared = await admin.api.post('/api/admin/comments/bulk/spam', { data: { ids: ours } });
  expect(cleared.status(), await cleared.text()).toBe(200);
  expect(((await cleared.json()) as { changed: number[] }).changed).toEqual(ours);
  expect(await inQueue(admin.api, 'pending', ours[0]!)).toBeUndefined();
  expect(await inQueue(admin.api, 'spam', ours[0]!)).toMatchObject({ status: 'spam' });
});

test('saving settings changes only the fields given and takes effect on the next comment; a bad value gets a 400 naming its field', async ({
  admin,
  accounts,
}) => {
  const word = `zeppelin${Date.now().toString(36)}`;
  const before = (await (await admin.api.get('/api/admin/settings')).json()) as Record<string, unknown>;
  const changes = { holdFor: 'nobody', holdLinkCount: 7, moderationWords: [word] };

  const saved = await admin.api.put('/api/admin/settings', { data: changes });
  expect(saved.status(), await saved.text()).toBe(200);
  const expected = { ...before, ...changes };
  expect(await saved.json()).toEqual(expected);
  expect(await (await admin.api.get('/api/admin/settings')).json()).toEqual(expected);

  // The new rules decide the next comments: plain ones are published, the new word is held.
  const reader = await accounts.apiAs(await accounts.create('ruled'));
  expect((await sendComment(reader, { body: uniqueText('Nothing to hold here') })).status()).toBe(201);
  const held = await sendComment(reader, { body: uniqueText(`About the ${word} overhead`) });
  expect(held.status(), await held.text()).toBe(202);
  const heldId = ((await held.json()) as { comment: { id: number } }).comment.id;
  expect(await inQueue(admin.api, 'pending', heldId)).toMatchObject({ heldReason: `word: ${word}` });

  const refusals: { data: Record<string, unknown>; field: string }[] = [
    { data: { holdFor: 'sometimes' }, field: 'holdFor' },
    { data: { holdLinkCount: -1 }, field: 'holdLinkCount' },
    { data: { commentsPerPage: 'many' }, field: 'commentsPerPage' },
    { data: { colour: 'red' }, field: 'colour' },
  ];
  for (const { data, field } of refusals) {
    const response = await admin.api.put('/api/admin/settings', { data });
    expect(response.status(), field).toBe(400);
    expect(Object.keys(await errorsOf(response)), field).toEqual([field]);
  }
  expect(await (await admin.api.get('/api/admin/settings')).json(), 'a refused change saves nothing').toEqual(expected);
});

test('a banned reader’s new comments get 403 until the ban is lifted, then go through again', async ({
  admin,
  accounts,
  commentSettings,
  db,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const reader = await accounts.create('banned');
  const api = await accounts.apiAs(reader);
  const before = await postComment(api, uniqueText('Said before the ban'));

  const noReason = await admin.api.post(`/api/admin/users/${reader.id}/ban`, { data: {} });
  expect(noReason.status()).toBe(400);
  expect(await errorsOf(noReason)).toEqual({ reason: 'Give a reason for the ban.' });
  expect((await sendComment(api, { body: uniqueText('Not banned yet') })).status()).toBe(201);

  const ban = await admin.api.post(`/api/admin/users/${reader.id}/ban`, { data: { reason: 'Testing the API' } });
  expect(ban.status(), await ban.text()).toBe(201);
  expect(await ban.json()).toEqual({ banId: expect.any(Number), hidden: 0 });
  const refused = await sendComment(api, { body: uniqueText('Said while banned') });
  expect(refused.status()).toBe(403);
  expect(await errorsOf(refused)).toEqual({ request: 'Your account may no longer comment on this blog.' });
  // The earlier comment stays (the ban did not ask to hide it), and the queue marks its author.
  expect(await inQueue(admin.api, 'published', before.id)).toMatchObject({ author: { id: reader.id, banned: true } });

  const unban = await admin.api.post(`/api/admin/users/${reader.id}/unban`);
  expect(unban.status(), await unban.text()).toBe(200);
  expect(await unban.json()).toEqual({ restored: 0 });
  expect((await sendComment(api, { body: uniqueText('Said after the ban') })).status()).toBe(201);
  expect(await inQueue(admin.api, 'published', before.id)).toMatchObject({ author: { id: reader.id, banned: false } });
  expect(await db.ban.count({ where: { userId: reader.id, liftedAt: null } })).toBe(0);
});

test('closing the post makes new comments on it get 403 while readers still get the thread; reopening takes them again', async ({
  admin,
  accounts,
  commentSettings,
}) => {
  await commentSettings.set({ holdFor: 'nobody' });
  const api = await accounts.apiAs(await accounts.create('closing'));
  const earlier = await postComment(api, uniqueText('Said before the close'));
  const visitor = await accounts.anonymousApi();

  const close = await admin.api.post(`/api/admin/posts/${SEED_POST.id}/close`);
  expect(close.status(), await close.text()).toBe(200);
  expect(await close.json()).toEqual({ postId: SEED_POST.id, closed: true });
  const refused = await sendComment(api, { body: uniqueText('Said while closed') });
  expect(refused.status()).toBe(403);
  expect(await errorsOf(refused)).toEqual({ request: 'Comments are closed on this post.' });
  expect(await readersSee(visitor, earlier.id)).toBe(true);

  const reopen = await admin.api.post(`/api/admin/posts/${SEED_POST.id}/reopen`);
  expect(reopen.status(), await reopen.text()).toBe(200);
  expect(await reopen.json()).toEqual({ postId: SEED_POST.id, closed: false });
  expect((await sendComment(api, { body: uniqueText('Said after the reopen') })).status()).toBe(201);
});

test('malformed admin requests get a 4xx naming the problem, never a 500', async ({ admin }) => {
  const raw = (path: string, data: string | Buffer, method: 'post' | 'put' = 'post', contentType = 'application/json') =>
    admin.api[method](path, { data: Buffer.isBuffer(data) ? data : Buffer.from(data), headers: { 'content-type': contentType } });
  const refusal = async (response: APIResponse, status: number, field: string, words: RegExp) => {
    const text = await response.text();
    expect(response.status(), text).toBe(status);
    expect(text).not.toMatch(/\bat \S+ \(|node_modules|Error: /);
    expect((JSON.parse(text) as { errors: Record<string, string> }).errors[field], text).toMatch(words);
  };

  await refusal(await raw('/api/admin/settings', '{"holdFor": ', 'put'), 400, 'request', /not valid JSON/);
  await refusal(await raw('/api/admin/settings', 'holdFor=nobody', 'put', 'application/x-www-form-urlencoded'), 415, 'request', /JSON/);
  await refusal(await raw('/api/admin/settings', JSON.stringify({ moderationWords: ['x'.repeat(100_000)] }), 'put'), 413, 'request', /larger than/);
  await refusal(await raw('/api/admin/settings', Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]), 'put'), 400, 'request', /UTF-8/);
  await refusal(await raw('/api/admin/comments/bulk/approve', JSON.stringify({ ids: 'all of them' })), 400, 'ids', /./);
  await refusal(await raw('/api/admin/comments/bulk/approve', JSON.stringify({ ids: [3_000_000_000] })), 400, 'ids.0', /no comment with that id/);
  await refusal(await raw('/api/admin/comments/bulk/approve', JSON.stringify({ ids: ['x'] })), 400, 'ids.0', /comment id is a whole number/);
  // Nothing that Number() would read as some other comment's id: true is not comment 1.
  await refusal(await raw('/api/admin/comments/bulk/approve', JSON.stringify({ ids: [true] })), 400, 'ids.0', /comment id is a whole number/);
  await refusal(await raw('/api/admin/comments/bulk/approve', JSON.stringify({ ids: ['0x10', '1e1'] })), 400, 'ids.0', /comment id is a whole number/);
  await refusal(await raw('/api/admin/comments/bulk/approve', '[1, 2]'), 400, 'request', /^Send a JSON object of named fields, not a list or a single value\.$/);
  await refusal(await raw('/api/admin/settings', 'null', 'put'), 400, 'request', /^Send a JSON object of named fields/);
  await refusal(await admin.api.get('/api/admin/comments?status=everything'), 400, 'status', /one of published, pending, spam, deleted/);
  await refusal(await admin.api.get('/api/admin/comments?status=spam&cursor=first'), 400, 'cursor', /comment id is a whole number/);
  expect((await admin.api.post('/api/admin/comments/not-a-number/approve')).status()).toBe(404);
  expect((await admin.api.post('/api/admin/comments/0x1/approve')).status()).toBe(404);
  // A well-formed id that names no comment is a 404 too, not a 200 that changed nothing.
  await refusal(await admin.api.post('/api/admin/comments/2147483000/approve'), 404, 'id', /^There is no comment with that id\.$/);
  expect((await admin.api.post('/api/admin/comments/1/explode')).status()).toBe(404);
});
