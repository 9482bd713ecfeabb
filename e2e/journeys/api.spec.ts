// The HTTP API's answers, status by status, as the README's table promises them.
import type { APIRequestContext } from '@playwright/test';
import {
  commentsUrl,
  newUserFields,
  postComment,
  publishedTotal,
  sendComment,
  uniqueText,
  type ApiComment,
} from '../support/api';
import { SEED_POST } from '../support/blog';
import { expect, test } from '../support/journeys';

async function errorsOf(response: { json(): Promise<unknown> }): Promise<Record<string, string>> {
  const body = (await response.json()) as { error?: string; errors?: Record<string, string> };
  expect(typeof body.error).toBe('string');
  return body.errors ?? {};
}

test.describe('POST /api/users', () => {
  test('201 with the new id, 409 for a taken email, 400 naming the field', async ({ request }) => {
    const fields = newUserFields('api');
    const created = await request.post('/api/users', { data: fields });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toEqual(expect.any(String));

    const again = await request.post('/api/users', { data: { ...newUserFields('api'), email: fields.email } });
    expect(again.status()).toBe(409);
    expect(Object.keys(await errorsOf(again))).toEqual(['email']);

    const shortPassword = await request.post('/api/users', { data: { ...newUserFields('api'), password: 'short' } });
    expect(shortPassword.status()).toBe(400);
    expect(await errorsOf(shortPassword)).toHaveProperty('password');

    const badEmail = await request.post('/api/users', { data: { ...newUserFields('api'), email: 'nope' } });
    expect(badEmail.status()).toBe(400);
    expect(await errorsOf(badEmail)).toHaveProperty('email');
  });
});

test.describe('POST /api/posts/{id}/comments', () => {
  test('201 for a signed-in reader, with the published comment', async ({ accounts }) => {
    const reader = await accounts.create('api201');
    const api = await accounts.apiAs(reader);
    const text = uniqueText('Via the API');
    const response = await sendComment(api, { body: text });
    expect(response.status()).toBe(201);
    const { comment } = (await response.json()) as { comment: ApiComment };
    expect(comment).toMatchObject({
      postId: SEED_POST.id,
      parentId: null,
      status: 'published',
      authorName: reader.name,
      editedAt: null,
    });
    expect(comment.html).toContain(text);
    expect(comment.id).toEqual(expect.any(Number));
  });

  test('401 for a signed-out visitor while only readers may comment', async ({ request }) => {
    const response = await sendComment(request, { body: uniqueText('Anonymous'), name: 'Anon' });
    expect(response.status()).toBe(401);
  });

  test('202 for a guest, held, when anyone may comment', async ({ request, commentSettings }) => {
    await commentSettings.set({ whoMayComment: 'anyone', holdGuestComments: true });
    const before = await publishedTotal(request);
    const response = await sendComment(request, { body: uniqueText('Guest via the API'), name: 'API Guest' });
    expect(response.status()).toBe(202);
    const { comment } = (await response.json()) as { comment: ApiComment };
    expect(comment).toMatchObject({ status: 'pending', authorName: 'API Guest' });
    expect(await publishedTotal(request)).toBe(before);

    const nameless = await sendComment(request, { body: uniqueText('Guest without a name') });
    expect(nameless.status()).toBe(400);
    expect(await errorsOf(nameless)).toHaveProperty('name');
  });

  test('400 for an empty body and for an unknown field, naming the field', async ({ accounts }) => {
    const api = await accounts.apiAs(await accounts.create('api400'));
    const empty = await sendComment(api, { body: '   ' });
    expect(empty.status()).toBe(400);
    expect(await errorsOf(empty)).toHaveProperty('body');

    const missing = await sendComment(api, {});
    expect(missing.status()).toBe(400);
    expect(await errorsOf(missing)).toHaveProperty('body');

    const unknown = await sendComment(api, { body: uniqueText('Fine text'), colour: 'red' });
    expect(unknown.status()).toBe(400);
    expect(await errorsOf(unknown)).toHaveProperty('colour');

    const notJson = await api.post(commentsUrl(), {
      headers: { 'content-type': 'application/json' },
      data: '{"body": ',
    });
    expect(notJson.status()).toBe(400);
  });

  test('404 for an unknown post and for an unknown parentId', async ({ accounts }) => {
    const api = await accounts.apiAs(await accounts.create('api404'));
    const noPost = await sendComment(api, { body: uniqueText('Nowhere') }, 'no-such-post-anywhere');
    expect(noPost.status()).toBe(404);

    const noParent = await sendComment(api, { body: uniqueText('Orphan reply'), parentId: 2_000_000_000 });
    expect(noParent.status()).toBe(404);
    expect(await errorsOf(noParent)).toHaveProperty('parentId');
  });

  test('413 for a body over 64 KB', async ({ accounts }) => {
    const api = await accounts.apiAs(await accounts.create('api413'));
    const response = await sendComment(api, { body: 'x'.repeat(65 * 1024) });
    expect(response.status()).toBe(413);
  });

  test('403 on a closed thread (closed by an admin in the database), and the page says so', async ({
    accounts,
    threads,
    page,
  }) => {
    // The real content has no `comments: closed` post (closed-post.spec.ts covers that on the fixture
    // blog); a thread an admin closed (PostThread.closed) is refused the same way, on both databases.
    const reader = await accounts.create('api403');
    const api = await accounts.apiAs(reader);
    await threads.close(SEED_POST.id);
    const response = await sendComment(api, { body: uniqueText('Too late') });
    expect(response.status()).toBe(403);
    // The request is refused, not its text: no field is to blame.
    expect(await errorsOf(response)).toEqual({ request: 'Comments are closed on this post.' });

    await page.goto(SEED_POST.path);
    await expect(page.locator('#post-a-comment')).toContainText('Comments are closed.');
    await expect(page.locator('#comments textarea')).toHaveCount(0);
  });
});

test.describe('GET /api/posts/{id}/comments', () => {
  test('lists published comments oldest first with total and nextCursor; limit=1 pages through all of them', async ({
    accounts,
    request,
  }) => {
    const api = await accounts.apiAs(await accounts.create('lister'));
    const first = await postComment(api, uniqueText('Listed first'));
    const second = await postComment(api, uniqueText('Listed second'), { parentId: first.id });
    const gone = await postComment(api, uniqueText('Deleted, so not listed'));
    expect((await api.delete(`/api/comments/${gone.id}`)).status()).toBe(200);

    const seen: number[] = [];
    let cursor: number | null = null;
    let total = -1;
    for (let pages = 0; pages < 1_000; pages += 1) {
      const response = await request.get(`${commentsUrl()}?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(response.status()).toBe(200);
      const page = (await response.json()) as {
        total: number;
        nextCursor: number | null;
        comments: { id: number; parentId: number | null }[];
      };
      expect(page.comments.length).toBeLessThanOrEqual(1);
      if (total === -1) total = page.total;
      expect(page.total).toBe(total);
      seen.push(...page.comments.map((comment) => comment.id));
      if (page.nextCursor === null) break;
      expect(page.nextCursor).toBe(page.comments.at(-1)?.id);
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(total);
    expect(seen.slice(-2)).toEqual([first.id, second.id]);
    expect(seen).not.toContain(gone.id);

    const whole = (await (await request.get(`${commentsUrl()}?limit=200`)).json()) as {
      comments: { id: number; parentId: number | null }[];
    };
    expect(whole.comments.find((comment) => comment.id === second.id)?.parentId).toBe(first.id);
    // Each item says who wrote it, when, whether it was edited, and its rendered text.
    const listed = (
      (await (await request.get(`${commentsUrl()}?limit=200`)).json()) as { comments: Record<string, unknown>[] }
    ).comments.find((comment) => comment.id === first.id);
    expect(listed).toMatchObject({ id: first.id, parentId: null, editedAt: null, html: expect.stringContaining('Listed first') });
    expect(typeof listed?.authorName).toBe('string');
    expect(Date.parse(String(listed?.createdAt))).toBeGreaterThan(Date.parse('2026-01-01'));

    expect((await request.get(`${commentsUrl('no-such-post-anywhere')}`)).status()).toBe(404);
    const refused = await request.get(`${commentsUrl()}?limit=0&cursor=oldest`);
    expect(refused.status()).toBe(400);
    // Each bad parameter is named, with what it must be.
    expect(((await refused.json()) as { errors: Record<string, string> }).errors).toEqual({
      limit: 'limit must be a whole number from 1 to 200.',
      cursor: 'Not a comment id: a comment id is a whole number from 1 up.',
    });
  });
});

test.describe('PATCH and DELETE /api/comments/{id}', () => {
  let author: APIRequestContext;
  let stranger: APIRequestContext;
  let comment: ApiComment;

  test.beforeEach(async ({ accounts }) => {
    [author, stranger] = await Promise.all([
      accounts.create('author').then((user) => accounts.apiAs(user)),
      accounts.create('stranger').then((user) => accounts.apiAs(user)),
    ]);
    comment = await postComment(author, uniqueText('Mine to change'));
  });

  test('PATCH: 200 for the author, 403 for another reader, 401 signed out', async ({ request }) => {
    const text = uniqueText('Changed by its author');
    const signedOut = await request.patch(`/api/comments/${comment.id}`, { data: { body: text } });
    expect(signedOut.status()).toBe(401);
    const someoneElse = await stranger.patch(`/api/comments/${comment.id}`, { data: { body: text } });
    expect(someoneElse.status()).toBe(403);

    const own = await author.patch(`/api/comments/${comment.id}`, { data: { body: text } });
    expect(own.status()).toBe(200);
    const { comment: edited } = (await own.json()) as { comment: ApiComment };
    expect(edited.id).toBe(comment.id);
    expect(edited.html).toContain(text);
    expect(edited.editedAt).not.toBeNull();

    const empty = await author.patch(`/api/comments/${comment.id}`, { data: { body: '' } });
    expect(empty.status()).toBe(400);
  });

  test('PATCH where comments cannot be edited: 403 saying so, and the text stays', async ({ request, commentSettings }) => {
    await commentSettings.set({ editWindowMinutes: 0 });
    const late = await author.patch(`/api/comments/${comment.id}`, { data: { body: uniqueText('Too late to change') } });
    expect(late.status()).toBe(403);
    expect(((await late.json()) as { error: string }).error).toBe('Comments on this blog cannot be edited once they are posted.');
    const listed = (await (await request.get(`${commentsUrl()}?limit=200`)).json()) as { comments: { id: number; editedAt: string | null }[] };
    expect(listed.comments.find((item) => item.id === comment.id)?.editedAt).toBeNull();
  });

  test('DELETE: 401 signed out, 403 for another reader, 200 for the author, then 404', async ({ request }) => {
    expect((await request.delete(`/api/comments/${comment.id}`)).status()).toBe(401);
    expect((await stranger.delete(`/api/comments/${comment.id}`)).status()).toBe(403);
    const before = await publishedTotal(request);
    const own = await author.delete(`/api/comments/${comment.id}`);
    expect(own.status()).toBe(200);
    expect(await own.json()).toEqual({ deleted: comment.id });
    expect(await publishedTotal(request)).toBe(before - 1);
    expect((await author.delete(`/api/comments/${comment.id}`)).status()).toBe(404);
  });
});

test('GET /api/health answers 200', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
});

test('GET …/comments/version: 204 while nothing changed, 200 with the new version and count after a comment', async ({
  accounts,
  request,
}) => {
  const api = await accounts.apiAs(await accounts.create('versioner'));
  await postComment(api, uniqueText('So the thread has a version'));
  const url = `${commentsUrl()}/version`;

  const current = await request.get(`${url}?since=0`);
  expect(current.status()).toBe(200);
  const { version, count } = (await current.json()) as { version: number; count: number };
  expect(count).toBe(await publishedTotal(request));

  const unchanged = await request.get(`${url}?since=${version}`);
  expect(unchanged.status()).toBe(204);
  expect(await unchanged.text()).toBe('');

  // Asked at once after each comment, the answer is already the new one (several rounds, since a
  // remembered "nothing new" that outlived a write would only show now and then).
  let known = { version, count };
  for (let round = 1; round <= 5; round += 1) {
    await postComment(api, uniqueText(`Something new, round ${round}`));
    const changed = await request.get(`${url}?since=${known.version}`);
    expect(changed.status(), `round ${round}`).toBe(200);
    const next = (await changed.json()) as { version: number; count: number };
    expect(next.version).toBeGreaterThan(known.version);
    expect(next.count).toBe(known.count + 1);
    expect((await request.get(`${url}?since=${next.version}`)).status()).toBe(204);
    known = next;
  }

  // An id that is no published post has no thread to follow, as the comments API says of it.
  const unknown = await request.get(`${commentsUrl('no-such-post')}/version?since=0`);
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ errors: { id: 'There is no post with that id.' } });
});
