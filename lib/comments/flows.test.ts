// The comment flows as the server actions and the API run them (postComment, changeCommentText,
// removeComment) and as the post page reads them, against a real database on each provider.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Post } from '@/lib/content/posts';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import type { Viewer } from '@/lib/users/accounts';
import {
  changeCommentText,
  deletedNoticeUrl,
  isDeletedNotice,
  notDeletedMessage,
  notDeletedUrl,
  removeComment,
} from './change-comment';
import { CommentError } from './errors';
import { deleteComment, editComment, writeComment, writtenForApi } from './mutations';
import {
  commentAddress,
  commentUrl,
  heldNoticeUrl,
  isHeldNotice,
  locateComment,
  postComment,
  type PostCommentResult,
} from './post-comment';
import {
  findCommentFor,
  findCommentPage,
  getComment,
  getCommentCounts,
  getCommentEpoch,
  getThreadState,
  getThreadVersions,
  isReplyable,
  listCommentPage,
  listPublishedComments,
  listRecentPublished,
  listRecentPublishedOn,
  type CommentPage,
} from './queries';
import { loadCommentSection } from './section';
import { defaultCommentSettings, getCommentSettings, setCommentSettings } from './settings';
import { issueFormStamp } from '@/lib/spam';
import { MAX_STAMP_AGE_MS } from '@/lib/spam/form-stamp';
import { banUser, moderateComments, unbanUser } from '@/lib/moderation/moderate';
import { withHeldComments } from '@/lib/moderation/console';
import { holdsPlace } from './rules';
import { buildPost, insertReader } from './test-builders';

// Posts are files; these tests publish built Post objects instead of reading any.
const posts = vi.hoisted(() => new Map<string, Post>());
vi.mock('@/lib/content/posts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/content/posts')>()),
  getPostById: async (id: string) => posts.get(id),
}));

/** A post the comment code can find by id, dated yesterday so no age rule closes it. */
function publish(overrides: Partial<Post> = {}): Post {
  const post = buildPost({ date: new Date(Date.now() - 86_400_000), ...overrides });
  posts.set(post.id, post);
  return post;
}

type Accepted = Extract<PostCommentResult, { ok: true }> & { page: number };

/** Posts as the doors do, and says which page of comments now holds the new one for its author. */
async function post(p: Post, viewer: Viewer | null, input: Record<string, unknown>): Promise<Accepted> {
  const result = await postComment({ postId: p.id, viewer, input, ip: '203.0.113.9' });
  if (!result.ok) return expect.unreachable(`comment refused: ${JSON.stringify(result)}`);
  const located = await findCommentPage(result.comment.id, (await getCommentSettings()).commentsPerPage, viewer);
  return { ...result, page: located?.page ?? 1 };
}

async function page(p: Post, viewer: Viewer | null, number = 1): Promise<CommentPage> {
  const { topLevelCount } = await getThreadState(p.id);
  return listCommentPage({
    postId: p.id,
    page: number,
    perPage: defaultCommentSettings.commentsPerPage,
    topLevelCount,
    viewer,
  });
}

/** The page's thread as nested ids; removed placeholders are written "×id". */
function shape(thread: CommentPage['thread']): unknown[] {
  return thread.map((n) => {
    const key = n.removed ? `×${n.id}` : n.id;
    return n.replies.length ? { [key]: shape(n.replies) } : key;
  });
}

/** The counters agree with the rows they count. */
async function expectCountersMatchRows(postId: string): Promise<void> {
  const db = getDb();
  const state = await getThreadState(postId);
  expect(state.publishedCount).toBe(await db.comment.count({ where: { postId, status: 'published' } }));
  const tops = await db.comment.findMany({
    where: { postId, parentId: null },
    select: { id: true, status: true, publishedReplies: true, deletedFrom: true },
  });
  expect(state.topLevelCount).toBe(
    tops.filter((top) => holdsPlace(top.status, top.publishedReplies, top.deletedFrom)).length,
  );
  // Each conversation's count of published replies, which a hidden top-level comment's place depends on.
  for (const top of tops) {
    expect(top.publishedReplies, `published replies under c${top.id}`).toBe(
      await db.comment.count({ where: { rootId: top.id, status: 'published' } }),
    );
  }
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`comment flows on ${provider}`, () => {
    const database = useTestDatabase(provider, {
      // These flows write many comments a second as one reader; the limits are tested on their own.
      env: { RATE_LIMITS: 'off', AUTH_SECRET: 'a-test-secret-that-signs-form-stamps' },
    });
    let ada: Viewer;
    let bob: Viewer;

    beforeAll(async () => {
      ada = await insertReader('Ada');
      bob = await insertReader('Bob');
      // Both have an approved comment elsewhere, so no first-comment rule holds what they write here.
      for (const reader of [ada, bob]) {
        await getDb().comment.create({
          data: { postId: 'elsewhere', authorId: reader.id, body: 'hi', html: '<p>hi</p>' },
        });
      }
    });
    afterEach(async () => {
      vi.useRealTimers();
      await setCommentSettings(defaultCommentSettings);
    });

    describe('posting', () => {
      it('publishes a signed-in reader’s comment at once and moves the counts', async () => {
        const p = publish();
        expect(await getThreadState(p.id)).toEqual({ publishedCount: 0, topLevelCount: 0, version: 0, closed: false });

        const { comment, page: onPage, post: found } = await post(p, ada, { body: '  *Hello* there  ' });
        expect(found).toBe(p);
        expect(onPage).toBe(1);
        expect(comment).toMatchObject({
          postId: p.id,
          parentId: null,
          status: 'published',
          body: '*Hello* there',
          html: '<p><em>Hello</em> there</p>',
          authorName: 'Ada',
          editedAt: null,
        });
        expect(await getThreadState(p.id)).toEqual({ publishedCount: 1, topLevelCount: 1, version: 1, closed: false });

        const row = await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
        expect(row).toMatchObject({ authorId: ada.id, guestName: null, heldReason: null, depth: 0, rootId: null });
        expect(row.ipHash).toMatch(/^[0-9a-f]{32}$/);
        expect(row.ipHash).not.toContain('203.0.113.9');

        expect(shape((await page(p, null)).thread)).toEqual([comment.id]);
        expect(await listPublishedComments(p.id, { limit: 10 })).toMatchObject({
          total: 1,
          nextCursor: null,
          comments: [{ id: comment.id, parentId: null, authorName: 'Ada', html: '<p><em>Hello</em> there</p>' }],
        });
        expect(commentUrl(p, comment.id, 1)).toBe(`${p.path}#c${comment.id}`);
        expect(commentUrl(p, comment.id, 3)).toBe(`${p.path}?comments=3#c${comment.id}`);
        // The held notice names the comment, signed: only an address the blog wrote shows it.
        const held = new URL(heldNoticeUrl(commentUrl(p, comment.id, 3), comment.id), 'http://blog.test');
        expect([held.pathname, held.searchParams.get('comments'), held.hash]).toEqual([p.path, '3', '#comments']);
        expect(held.searchParams.get('held')).toMatch(new RegExp(`^${comment.id}\\.[\\w-]{16}$`));
        expect(isHeldNotice(held.searchParams.get('held') ?? undefined)).toBe(true);
        expect(new URL(heldNoticeUrl(commentUrl(p, comment.id, 1), comment.id), 'http://blog.test').search).toMatch(
          /^\?held=[^&]+$/,
        );
        const signature = held.searchParams.get('held')!.split('.')[1];
        for (const made of [
          undefined,
          '',
          '1',
          `${comment.id}`,
          `${comment.id + 1}.${signature}`,
          `${comment.id}.${signature}x`,
          `0${comment.id}.${signature}`,
        ]) {
          expect(isHeldNotice(made), String(made)).toBe(false);
        }
        // A Delete's receipt is signed for what it says: a held notice's value does not say "deleted".
        const deleted = new URL(deletedNoticeUrl(`${p.path}?comments=3#comments`, comment.id), 'http://blog.test');
        expect([deleted.pathname, deleted.searchParams.get('comments'), deleted.hash]).toEqual([
          p.path,
          '3',
          '#comments',
        ]);
        expect(isDeletedNotice(deleted.searchParams.get('deleted') ?? undefined)).toBe(true);
        expect(isDeletedNotice(held.searchParams.get('held') ?? undefined)).toBe(false);
        expect(isHeldNotice(deleted.searchParams.get('deleted') ?? undefined)).toBe(false);
      });

      it('refuses a guest while only signed-in readers may comment (401)', async () => {
        const p = publish();
        const result = await postComment({ postId: p.id, viewer: null, input: { body: 'hi', name: 'Guest' } });
        expect(result).toEqual({ ok: false, status: 401, errors: { request: 'Sign in to comment.' } });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(0);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 0, version: 0 });
      });

      it('holds a guest’s comment for moderation when guests are allowed, without counting it', async () => {
        await setCommentSettings({ whoMayComment: 'anyone' });
        const p = publish();
        const { comment } = await post(p, null, {
          body: 'Guest here',
          name: ' Visitor ',
          email: 'Visitor@Example.com',
          website: 'visitor.example/about', // as people write it: taken as https
        });
        expect(comment).toMatchObject({ status: 'pending', authorName: 'Visitor' });
        const row = await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } });
        expect(row).toMatchObject({
          authorId: null,
          guestName: 'Visitor',
          guestEmail: 'visitor@example.com',
          guestWebsite: 'https://visitor.example/about',
          heldReason: 'guest',
        });
        expect(await getThreadState(p.id)).toEqual({ publishedCount: 0, topLevelCount: 0, version: 1, closed: false });
        expect((await page(p, null)).thread).toEqual([]);
        expect((await page(p, ada)).thread).toEqual([]);
        expect((await listPublishedComments(p.id, { limit: 10 })).comments).toEqual([]);
      });

      it('tells a guest every field to put right at once, their missing name included', async () => {
        const p = publish();
        const input = { body: 'Guest here', name: '  ', email: 'not-an-email', website: 'javascript:alert(1)' };
        // Where guests may not comment, the name is no field of theirs to fill in.
        const closedToGuests = await postComment({ postId: p.id, viewer: null, input });
        expect(closedToGuests).toMatchObject({ ok: false, status: 400 });
        expect(Object.keys(closedToGuests.ok ? {} : closedToGuests.errors).sort()).toEqual(['email', 'website']);

        await setCommentSettings({ whoMayComment: 'anyone' });
        const refused = await postComment({ postId: p.id, viewer: null, input });
        expect(refused).toMatchObject({
          ok: false,
          status: 400,
          errors: { name: 'Enter your name to comment as a guest.' },
        });
        expect(Object.keys(refused.ok ? {} : refused.errors).sort()).toEqual(['email', 'name', 'website']);
        // A signed-in reader has their account's name.
        const signedIn = await postComment({ postId: p.id, viewer: ada, input: { body: 'Hi', email: 'not-an-email' } });
        expect(Object.keys(signedIn.ok ? {} : signedIn.errors)).toEqual(['email']);
        // With the rest right, the name alone is still asked for.
        expect(await postComment({ postId: p.id, viewer: null, input: { body: 'Guest here' } })).toMatchObject({
          ok: false,
          errors: { name: 'Enter your name to comment as a guest.' },
        });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(0);
      });

      it('refuses a guest an admin’s name or a blocked word in theirs, on the name field, writing nothing', async () => {
        await setCommentSettings({ whoMayComment: 'anyone', holdGuestComments: false, blockWords: ['casino'] });
        const editor = await insertReader('The Editor');
        await getDb().user.update({ where: { id: editor.id }, data: { role: 'admin' } });
        const p = publish();
        expect(
          await postComment({ postId: p.id, viewer: null, input: { body: 'Trust me.', name: 'the editor' } }),
        ).toMatchObject({
          ok: false,
          status: 400,
          errors: { name: 'That is the name of one of this blog’s admins. Choose another.' },
        });
        expect(
          await postComment({ postId: p.id, viewer: null, input: { body: 'Hello.', name: 'Casino Bonus' } }),
        ).toMatchObject({
          ok: false,
          status: 400,
          errors: { name: 'Names may not contain “casino” on this blog. Choose another.' },
        });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(0);
      });

      it('publishes guests directly when the blog does not hold them', async () => {
        await setCommentSettings({ whoMayComment: 'anyone', holdGuestComments: false });
        const p = publish();
        const { comment } = await post(p, null, { body: 'Straight in', name: 'Visitor' });
        expect(comment.status).toBe('published');
        expect(await getDb().comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({
          heldReason: null,
        });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
        const [node] = (await page(p, null)).thread;
        expect(node).toMatchObject({ authorName: 'Visitor', isGuest: true, authorId: null });
      });

      it('asks a guest for a name (400, field "name") and checks their website', async () => {
        await setCommentSettings({ whoMayComment: 'anyone' });
        const p = publish();
        expect(await postComment({ postId: p.id, viewer: null, input: { body: 'hi' } })).toEqual({
          ok: false,
          status: 400,
          errors: { name: 'Enter your name to comment as a guest.' },
        });
        expect(await postComment({ postId: p.id, viewer: null, input: { body: 'hi', name: '   ' } })).toMatchObject({
          status: 400,
          errors: { name: expect.stringMatching(/name/) },
        });
        expect(
          await postComment({
            postId: p.id,
            viewer: null,
            input: { body: 'hi', name: 'G', website: 'javascript:alert(1)' },
          }),
        ).toEqual({
          ok: false,
          status: 400,
          errors: { website: 'Website must be a web address, like example.com or https://example.com/about.' },
        });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(0);
      });

      it('refuses bad input by field (400) and an unknown post (404)', async () => {
        const p = publish();
        expect(await postComment({ postId: p.id, viewer: ada, input: { body: '   ' } })).toEqual({
          ok: false,
          status: 400,
          errors: { body: 'Write a comment before publishing.' },
        });
        expect(await postComment({ postId: p.id, viewer: ada, input: { body: 'x', status: 'published' } })).toEqual({
          ok: false,
          status: 400,
          errors: { status: 'Unknown field "status".' },
        });
        expect(await postComment({ postId: 'no-such-post', viewer: ada, input: { body: 'x' } })).toEqual({
          ok: false,
          status: 404,
          errors: { postId: 'There is no post with that id.' },
        });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(0);
      });

      it('refuses comments on a closed post (403), whether closed in its file or in the database', async () => {
        const closed = publish({ commentsClosed: true });
        expect(await postComment({ postId: closed.id, viewer: ada, input: { body: 'x' } })).toEqual({
          ok: false,
          status: 403,
          errors: { request: 'Comments are closed on this post.' },
        });
        await setCommentSettings({ whoMayComment: 'anyone' });
        expect(await postComment({ postId: closed.id, viewer: null, input: { body: 'x', name: 'G' } })).toMatchObject({
          status: 403,
        });

        const open = publish();
        const { comment } = await post(open, ada, { body: 'first' });
        await getDb().postThread.update({ where: { postId: open.id }, data: { closed: true } });
        expect(
          await postComment({ postId: open.id, viewer: bob, input: { body: 'x', parentId: comment.id } }),
        ).toMatchObject({
          ok: false,
          status: 403,
        });
        expect(await getDb().comment.count({ where: { postId: { in: [closed.id, open.id] } } })).toBe(1);
      });

      it('refuses a comment whose post an admin closed after it was found open, writing nothing', async () => {
        const p = publish();
        await post(p, bob, { body: 'before the close' });
        // What postComment does after assertMayComment found the post open: the Close lands between.
        await getDb().postThread.update({ where: { postId: p.id }, data: { closed: true } });
        const written = writeComment({
          post: p,
          viewer: ada,
          input: { body: 'just too late' },
          settings: defaultCommentSettings,
        });
        await expect(written).rejects.toMatchObject({ status: 403, message: 'Comments are closed on this post.' });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(1);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1, version: 1 });
      });
    });

    describe('replies', () => {
      it('threads replies under their parent, rooted at the top-level comment, and caps the depth', async () => {
        const p = publish();
        const top = (await post(p, ada, { body: 'top' })).comment;
        const r1 = (await post(p, bob, { body: 'r1', parentId: top.id })).comment;
        const r2 = (await post(p, ada, { body: 'r2', parentId: String(r1.id) })).comment;
        const r3 = (await post(p, bob, { body: 'r3', parentId: r2.id })).comment;
        // r3 is at the deepest level (3): a reply to it joins r3's parent instead.
        const r4 = (await post(p, ada, { body: 'r4', parentId: r3.id })).comment;
        const sibling = (await post(p, bob, { body: 'sibling', parentId: top.id })).comment;

        const rows = await getDb().comment.findMany({ where: { postId: p.id }, orderBy: { id: 'asc' } });
        expect(rows.map((r) => [r.id, r.parentId, r.depth, r.rootId])).toEqual([
          [top.id, null, 0, null],
          [r1.id, top.id, 1, top.id],
          [r2.id, r1.id, 2, top.id],
          [r3.id, r2.id, 3, top.id],
          [r4.id, r2.id, 3, top.id],
          [sibling.id, top.id, 1, top.id],
        ]);
        expect(r4.parentId).toBe(r2.id);
        expect(shape((await page(p, null)).thread)).toEqual([
          { [top.id]: [{ [r1.id]: [{ [r2.id]: [r3.id, r4.id] }] }, sibling.id] },
        ]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 6, topLevelCount: 1, version: 6 });
        await expectCountersMatchRows(p.id);
        expect((await listPublishedComments(p.id, { limit: 10 })).comments.map((c) => c.parentId)).toEqual([
          null,
          top.id,
          r1.id,
          r2.id,
          r2.id,
          top.id,
        ]);
      });

      it('follows the configured depth limit', async () => {
        await setCommentSettings({ maxReplyDepth: 1 });
        const p = publish();
        const top = (await post(p, ada, { body: 'top' })).comment;
        const r1 = (await post(p, bob, { body: 'r1', parentId: top.id })).comment;
        const r2 = (await post(p, ada, { body: 'r2', parentId: r1.id })).comment;
        expect(r2.parentId).toBe(top.id);
        expect(shape((await page(p, null)).thread)).toEqual([{ [top.id]: [r1.id, r2.id] }]);
      });

      it('refuses a reply to a comment that does not exist, is on another post, is held or was deleted (404 parentId)', async () => {
        const p = publish();
        const elsewhere = publish();
        const other = (await post(elsewhere, ada, { body: 'other post' })).comment;
        const gone = (await post(p, ada, { body: 'soon gone' })).comment;
        await removeComment({ id: gone.id, viewer: ada });
        await setCommentSettings({ whoMayComment: 'anyone' });
        const held = (await post(p, null, { body: 'held', name: 'Guest' })).comment;
        const before = await getThreadState(p.id);

        for (const parentId of [999_999, other.id, gone.id, held.id]) {
          expect(await postComment({ postId: p.id, viewer: bob, input: { body: 'reply', parentId } })).toEqual({
            ok: false,
            status: 404,
            errors: { parentId: 'The comment you are replying to does not exist or was removed.' },
          });
        }
        expect(await getThreadState(p.id)).toEqual(before);
        expect(await getDb().comment.count({ where: { authorId: bob.id, postId: p.id } })).toBe(0);
        // What the post page asks before it offers a removed comment's reply as a new comment.
        for (const parentId of [999_999, other.id, gone.id, held.id])
          expect(await isReplyable(p.id, parentId)).toBe(false);
        expect(await isReplyable(elsewhere.id, other.id)).toBe(true);
      });
    });

    describe('editing', () => {
      it('lets the author edit within the window, re-rendering and marking it edited', async () => {
        const p = publish();
        const { comment } = await post(p, ada, { body: 'first draft' });
        const result = await changeCommentText({
          id: String(comment.id),
          viewer: ada,
          input: { body: ' **second** draft\r\n' },
        });
        if (!result.ok) return expect.unreachable(JSON.stringify(result));
        expect(result.value).toMatchObject({
          id: comment.id,
          body: '**second** draft',
          html: '<p><strong>second</strong> draft</p>',
        });
        expect(result.value.editedAt).toBeInstanceOf(Date);
        expect(result.value.editedAt!.getTime()).toBeGreaterThanOrEqual(comment.createdAt.getTime());
        expect(result.url).toBe(`${p.path}#c${comment.id}`);
        expect(await getComment(comment.id)).toMatchObject({ body: '**second** draft', status: 'published' });
        expect(await getThreadState(p.id)).toEqual({ publishedCount: 1, topLevelCount: 1, version: 2, closed: false });
        const [node] = (await page(p, null)).thread;
        expect(node).toMatchObject({ html: '<p><strong>second</strong> draft</p>', editedAt: expect.any(Date) });
      });

      it('refuses an edit by someone else (403) and leaves the comment alone', async () => {
        const p = publish();
        const { comment } = await post(p, ada, { body: 'mine' });
        expect(await changeCommentText({ id: comment.id, viewer: bob, input: { body: 'yours now' } })).toEqual({
          ok: false,
          status: 403,
          errors: { request: 'You can only change your own comments.' },
        });
        expect(await getComment(comment.id)).toMatchObject({ body: 'mine', editedAt: null });
        expect((await getThreadState(p.id)).version).toBe(1);
      });

      it('answers someone else’s held comment as one that does not exist (404), to Edit and to Delete', async () => {
        await setCommentSettings({ holdFor: 'everyone' });
        const p = publish();
        const { comment } = await postComment({
          postId: p.id,
          viewer: bob,
          input: { body: 'held, and nobody’s business' },
        }).then((r) => (r.ok ? r : expect.unreachable(JSON.stringify(r))));
        expect(comment.status).toBe('pending');
        const missing = { ok: false, status: 404, errors: { request: 'That comment does not exist or was removed.' } };
        expect(await changeCommentText({ id: comment.id, viewer: ada, input: { body: 'mine now' } })).toEqual(missing);
        expect(await removeComment({ id: comment.id, viewer: ada })).toEqual(missing);
        expect(await removeComment({ id: 2_000_000_000, viewer: ada })).toEqual(missing);
        expect(await getComment(comment.id)).toMatchObject({ status: 'pending', body: 'held, and nobody’s business' });
      });

      it('tells a banned author of the ban, not of the edit window, also once the window has passed', async () => {
        const p = publish();
        const dee = await insertReader('Dee');
        await getDb().comment.create({
          data: { postId: 'elsewhere', authorId: dee.id, body: 'hi', html: '<p>hi</p>', publishedAt: new Date() },
        });
        const { comment } = await post(p, dee, { body: 'before the ban' });
        await getDb().ban.create({ data: { userId: dee.id, reason: 'testing' } });
        const later = new Date(comment.createdAt.getTime() + 60 * 60_000);
        await expect(
          editComment({ id: comment.id, viewer: dee, body: 'late', settings: defaultCommentSettings, now: later }),
        ).rejects.toMatchObject({
          status: 403,
          message: 'Your account may no longer comment on this blog.',
        });
      });

      it('refuses an edit after the window (403), saying how long the window is', async () => {
        const p = publish();
        const { comment } = await post(p, ada, { body: 'mine' });
        const later = new Date(comment.createdAt.getTime() + 15 * 60_000 + 1);
        const refused = editComment({
          id: comment.id,
          viewer: ada,
          body: 'late',
          settings: defaultCommentSettings,
          now: later,
        });
        await expect(refused).rejects.toBeInstanceOf(CommentError);
        await expect(refused).rejects.toMatchObject({
          status: 403,
          message: expect.stringMatching(/edited for 15 minutes/),
        });

        // Through the same door as the form and the API, a quarter of an hour and a bit later.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(later);
        const result = await changeCommentText({ id: comment.id, viewer: ada, input: { body: 'late' } });
        vi.useRealTimers();
        expect(result).toEqual({
          ok: false,
          status: 403,
          errors: { request: expect.stringMatching(/15 minutes after posting; this one can no longer be edited/) },
        });
        expect(await getComment(comment.id)).toMatchObject({ body: 'mine', editedAt: null });
      });

      it('follows the configured window', async () => {
        const p = publish();
        const { comment } = await post(p, ada, { body: 'mine' });
        const settings = await setCommentSettings({ editWindowMinutes: 0 });
        await expect(
          editComment({
            id: comment.id,
            viewer: ada,
            body: 'late',
            settings,
            now: new Date(comment.createdAt.getTime() + 1_000),
          }),
        ).rejects.toMatchObject({
          status: 403,
          message: 'Comments on this blog cannot be edited once they are posted.',
        });
        const roomy = await setCommentSettings({ editWindowMinutes: 60 });
        await expect(
          editComment({
            id: comment.id,
            viewer: ada,
            body: 'later',
            settings: roomy,
            now: new Date(comment.createdAt.getTime() + 59 * 60_000),
          }),
        ).resolves.toMatchObject({ body: 'later' });
      });

      it('judges the new text again: links hold an approved comment, a blocked word makes it spam', async () => {
        await setCommentSettings({ holdLinkCount: 2, moderationWords: [], blockWords: ['casino'] });
        const p = publish();
        const { comment } = await post(p, ada, { body: 'An innocent first thought.' });
        expect(comment.status).toBe('published');
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });

        const linked = await changeCommentText({
          id: comment.id,
          viewer: ada,
          input: { body: 'Now see https://a.example and https://b.example' },
        });
        expect(linked).toMatchObject({ ok: true, value: { status: 'pending' } });
        const heldReason = async (id: number) => (await getDb().comment.findUnique({ where: { id } }))?.heldReason;
        expect(await getComment(comment.id)).toMatchObject({ status: 'pending' });
        expect(await heldReason(comment.id)).toBe('edited: 2 links');
        // Held again: out of the count and of other readers' view, still the author's to see.
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 0, topLevelCount: 0 });
        expect(shape((await page(p, bob)).thread)).toEqual([]);
        expect(shape((await page(p, ada)).thread)).toEqual([comment.id]);

        const tidied = await changeCommentText({ id: comment.id, viewer: ada, input: { body: 'No links after all.' } });
        expect(tidied).toMatchObject({ ok: true, value: { status: 'pending' } });
        expect(await heldReason(comment.id)).toBe('edited while held');

        const spam = await post(p, bob, { body: 'A fine comment.' });
        await changeCommentText({ id: spam.comment.id, viewer: bob, input: { body: 'Play casino games' } });
        expect(await getComment(spam.comment.id)).toMatchObject({ status: 'spam' });
        expect(await heldReason(spam.comment.id)).toBe('blocked word: casino');
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 0 });
      });

      it.each(['edit', 'delete'] as const)(
        'refuses (409) to %s a comment a moderator changed meanwhile, and changes nothing',
        async (change) => {
          const p = publish();
          const { comment } = await post(p, ada, { body: 'Before the moderator came.' });
          const before = await getThreadState(p.id);
          const db = getDb();
          // The moderator marks it spam just after the author's request has read it.
          const read = db.comment.findUnique.bind(db.comment);
          type Found = ReturnType<typeof read>;
          const spy = vi.spyOn(db.comment, 'findUnique').mockImplementation((args) => {
            spy.mockRestore();
            const readThenModerate = async () => {
              const row = await read(args);
              await db.comment.update({ where: { id: comment.id }, data: { status: 'spam' } });
              await db.postThread.update({
                where: { postId: p.id },
                data: { publishedCount: { decrement: 1 }, topLevelCount: { decrement: 1 } },
              });
              return row;
            };
            // A plain promise stands in for Prisma's lazy one: the code under test only awaits it.
            return readThenModerate() as unknown as Found;
          });
          const attempt =
            change === 'edit'
              ? editComment({ id: comment.id, viewer: ada, body: 'Rewritten.', settings: defaultCommentSettings })
              : deleteComment({ id: comment.id, viewer: ada });
          await expect(attempt).rejects.toMatchObject({
            status: 409,
            message: expect.stringMatching(/while you were working on it/),
          });
          expect(await getComment(comment.id)).toMatchObject({ status: 'spam', body: 'Before the moderator came.' });
          expect(await getThreadState(p.id)).toMatchObject({
            publishedCount: before.publishedCount - 1,
            topLevelCount: before.topLevelCount - 1,
          });
        },
      );

      it('refuses bad edits by field and missing comments with 404', async () => {
        const p = publish();
        const { comment } = await post(p, ada, { body: 'mine' });
        expect(await changeCommentText({ id: comment.id, viewer: ada, input: { body: '' } })).toEqual({
          ok: false,
          status: 400,
          errors: { body: 'Write something before saving; to take the comment away, use Delete.' },
        });
        expect(
          await changeCommentText({ id: comment.id, viewer: ada, input: { body: 'x', status: 'spam' } }),
        ).toMatchObject({
          status: 400,
          errors: { status: 'Unknown field "status".' },
        });
        for (const id of ['abc', -1, 999_999, 3_000_000_000]) {
          expect(await changeCommentText({ id, viewer: ada, input: { body: 'x' } })).toMatchObject({
            ok: false,
            status: 404,
          });
        }
        await removeComment({ id: comment.id, viewer: ada });
        expect(await changeCommentText({ id: comment.id, viewer: ada, input: { body: 'back' } })).toEqual({
          ok: false,
          status: 404,
          errors: { request: 'That comment does not exist or was removed.' },
        });
      });
    });

    describe('deleting', () => {
      it('sends a refused Delete back to its page with a notice the page can read, and nothing else', () => {
        expect(notDeletedUrl('/2016/09/x?comments=2#comments', 409)).toBe(
          '/2016/09/x?comments=2&not-deleted=409#comments',
        );
        expect(notDeletedUrl('/2016/09/x#comments', 503)).toBe('/2016/09/x?not-deleted=503#comments');
        // A status no notice is written for reads as "no longer exists".
        expect(notDeletedUrl('/2016/09/x', 500)).toBe('/2016/09/x?not-deleted=404#comments');
        expect(notDeletedMessage('403')).toBe('That comment was not deleted: you can only delete your own comments.');
        for (const stranger of [undefined, '', '200', 'toString', '__proto__', 'constructor']) {
          expect(notDeletedMessage(stranger)).toBeNull();
        }
      });

      it('keeps a deleted comment with replies as a removed placeholder and drops one without', async () => {
        const p = publish();
        const parent = (await post(p, ada, { body: 'parent' })).comment;
        const reply = (await post(p, bob, { body: 'reply', parentId: parent.id })).comment;
        const lonely = (await post(p, ada, { body: 'lonely' })).comment;
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 3, topLevelCount: 2, version: 3 });

        expect(await removeComment({ id: parent.id, viewer: ada })).toEqual({
          ok: true,
          value: { id: parent.id, postId: p.id },
          url: `${p.path}#comments`,
        });
        const thread = (await page(p, null)).thread;
        expect(shape(thread)).toEqual([{ [`×${parent.id}`]: [reply.id] }, lonely.id]);
        expect(thread[0]).toMatchObject({ id: parent.id, removed: true, status: 'deleted', deletedBy: 'author' });
        // The placeholder keeps its place in the pagination.
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 2, topLevelCount: 2, version: 4 });
        await expectCountersMatchRows(p.id);

        expect(await removeComment({ id: String(lonely.id), viewer: ada })).toMatchObject({ ok: true });
        expect(shape((await page(p, null)).thread)).toEqual([{ [`×${parent.id}`]: [reply.id] }]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 2, version: 5 });
        await expectCountersMatchRows(p.id);

        // Once its last reply goes, the placeholder goes too.
        await removeComment({ id: reply.id, viewer: bob });
        expect((await page(p, null)).thread).toEqual([]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 0, topLevelCount: 2, version: 6 });
        await expectCountersMatchRows(p.id);

        // Nothing is erased: the rows keep their text.
        const row = await getDb().comment.findUniqueOrThrow({ where: { id: parent.id } });
        expect(row).toMatchObject({ status: 'deleted', body: 'parent' });
        expect(row.deletedAt).toBeInstanceOf(Date);
        expect((await listPublishedComments(p.id, { limit: 10 })).total).toBe(0);
      });

      it('takes no place for a comment deleted while held, so clearing held comments leaves no empty pages', async () => {
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const newcomer = await insertReader('Newcomer');
        const p = publish();
        await setCommentSettings({ whoMayComment: 'anyone', holdGuestComments: true, holdFor: 'first-time' });
        const shown = (await post(p, ada, { body: 'shown' })).comment;
        const held = [];
        for (const name of ['Guest A', 'Guest B', 'Guest C'])
          held.push((await post(p, null, { body: `held, from ${name}`, name })).comment);
        const newcomers = (await post(p, newcomer, { body: 'my first comment' })).comment;
        expect(newcomers.status).toBe('pending');
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });

        // The admin clears the queue; the newcomer thinks better of theirs.
        await moderateComments({ ids: held.map((c) => c.id), action: 'delete', actor: admin });
        await removeComment({ id: newcomers.id, viewer: newcomer });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
        await expectCountersMatchRows(p.id);
        const later = (await post(p, bob, { body: 'later' })).comment;
        expect(shape((await page(p, null)).thread)).toEqual([shown.id, later.id]);
        // Two a page: the next comment is on page 1, not behind four empty places.
        expect(await findCommentPage(later.id, 2)).toEqual({ postId: p.id, page: 1 });

        // A comment readers saw keeps its place when deleted, so no later comment changes page.
        await moderateComments({ ids: [shown.id], action: 'delete', actor: admin });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 2 });
        expect(await findCommentPage(later.id, 1)).toEqual({ postId: p.id, page: 2 });
        // Restored, a deleted comment that was held goes back to the queue and still takes no place;
        // approved, it takes one like any published comment.
        await moderateComments({ ids: [held[0]!.id, shown.id], action: 'restore', actor: admin });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 2, topLevelCount: 2 });
        await expectCountersMatchRows(p.id);
        await moderateComments({ ids: [held[0]!.id], action: 'approve', actor: admin, from: 'pending' });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 3, topLevelCount: 3 });
        await expectCountersMatchRows(p.id);
      });

      it('ends the pages at the last comment that shows anything: deleting the newest leaves no empty page', async () => {
        const p = publish();
        const twoAPage = async (viewer: Viewer | null, number: number) =>
          listCommentPage({
            postId: p.id,
            page: number,
            perPage: 2,
            topLevelCount: (await getThreadState(p.id)).topLevelCount,
            viewer,
          });
        const [first, second, third] = [
          (await post(p, ada, { body: 'first' })).comment,
          (await post(p, bob, { body: 'second' })).comment,
          (await post(p, ada, { body: 'third' })).comment,
        ];
        expect((await twoAPage(null, 2)).pageCount).toBe(2);

        // The only comment on page 2 goes, then the one before it: page 1 is the last page.
        await removeComment({ id: third.id, viewer: ada });
        const afterThird = await twoAPage(null, 2);
        expect([afterThird.page, afterThird.pageCount, shape(afterThird.thread)]).toEqual([
          1,
          1,
          [first.id, second.id],
        ]);
        await removeComment({ id: second.id, viewer: bob });
        const afterSecond = await twoAPage(null, 1);
        expect([afterSecond.page, afterSecond.pageCount, shape(afterSecond.thread)]).toEqual([1, 1, [first.id]]);
        // The places are kept: a later comment still comes after them, so no earlier page shifts.
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 3 });
        await expectCountersMatchRows(p.id);

        // A reader's own held comment after the gaps is on the page they are sent to; others see no such page.
        await setCommentSettings({ holdFor: 'everyone' });
        const held = (await post(p, bob, { body: 'fourth, held' })).comment;
        expect(held.status).toBe('pending');
        expect(await findCommentPage(held.id, 2, bob)).toEqual({ postId: p.id, page: 2 });
        const bobs = await twoAPage(bob, 2);
        expect([bobs.page, bobs.pageCount, shape(bobs.thread)]).toEqual([2, 2, [held.id]]);
        expect((await twoAPage(null, 2)).pageCount).toBe(1);

        // Once a published one follows, the gaps take their places again.
        await setCommentSettings({ holdFor: 'nobody' });
        const fifth = (await post(p, ada, { body: 'fifth' })).comment;
        const readers = await Promise.all([1, 2].map((n) => twoAPage(null, n)));
        expect(readers.map((pg) => [pg.page, pg.pageCount, shape(pg.thread)])).toEqual([
          [1, 2, [first.id]],
          [2, 2, [fifth.id]],
        ]);
        expect(await findCommentPage(fifth.id, 2)).toEqual({ postId: p.id, page: 2 });
      });

      it('takes Delete pressed twice at once as one Delete, not as a moderator’s change', async () => {
        const p = publish();
        for (let i = 0; i < 5; i++) {
          const { comment } = await post(p, ada, { body: `twice ${i}` });
          const answers = await Promise.all([
            removeComment({ id: comment.id, viewer: ada }),
            removeComment({ id: comment.id, viewer: ada }),
          ]);
          // Each press is done, or (the second, asked after the first had finished) finds nothing left to delete.
          for (const answer of answers) expect(answer.ok || answer.status === 404, JSON.stringify(answer)).toBe(true);
          expect(answers.some((answer) => answer.ok)).toBe(true);
          expect(await getComment(comment.id)).toMatchObject({ status: 'deleted', deletedBy: 'author' });
        }
        await expectCountersMatchRows(p.id);
      });

      it('refuses someone else’s comment (403), a second delete (404) and a bad id (404)', async () => {
        const p = publish();
        const { comment } = await post(p, ada, { body: 'mine' });
        expect(await removeComment({ id: comment.id, viewer: bob })).toEqual({
          ok: false,
          status: 403,
          errors: { request: 'You can only change your own comments.' },
        });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, version: 1 });
        await deleteComment({ id: comment.id, viewer: ada });
        expect(await removeComment({ id: comment.id, viewer: ada })).toMatchObject({ ok: false, status: 404 });
        expect(await removeComment({ id: 'abc', viewer: ada })).toMatchObject({ ok: false, status: 404 });
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 0, topLevelCount: 1, version: 2 });
      });
    });

    it('keeps counts and version right through a whole conversation', async () => {
      const p = publish();
      const expectState = async (publishedCount: number, topLevelCount: number, version: number) => {
        expect(await getThreadState(p.id)).toEqual({ publishedCount, topLevelCount, version, closed: false });
        await expectCountersMatchRows(p.id);
      };
      const a = (await post(p, ada, { body: 'a' })).comment;
      await expectState(1, 1, 1);
      const b = (await post(p, bob, { body: 'b', parentId: a.id })).comment;
      await expectState(2, 1, 2);
      await post(p, bob, { body: 'c' });
      await expectState(3, 2, 3);
      await changeCommentText({ id: b.id, viewer: bob, input: { body: 'b, edited' } });
      await expectState(3, 2, 4);
      await setCommentSettings({ whoMayComment: 'anyone' });
      await post(p, null, { body: 'guest', name: 'Guest', parentId: a.id });
      await expectState(3, 2, 5);
      await removeComment({ id: a.id, viewer: ada });
      await expectState(2, 2, 6);
      await removeComment({ id: b.id, viewer: bob });
      await expectState(1, 2, 7);
      expect(await getCommentCounts([p.id, 'never-commented'])).toEqual(new Map([[p.id, 1]]));
      expect(await getCommentCounts([])).toEqual(new Map());
    });

    describe('a comment hidden after it was answered', () => {
      /** Ada's comment with Bob's reply, and Ada's answer to that, all published. */
      async function conversation(p: Post, round = 0) {
        const before = await getThreadState(p.id);
        const parent = (await post(p, ada, { body: `The first word (${round}).` })).comment;
        const reply = (await post(p, bob, { body: `A reply (${round}).`, parentId: parent.id })).comment;
        const answer = (await post(p, ada, { body: `An answer (${round}).`, parentId: reply.id })).comment;
        const other = (await post(p, bob, { body: `Another thought (${round}).` })).comment;
        expect(await getThreadState(p.id)).toMatchObject({
          publishedCount: before.publishedCount + 4,
          topLevelCount: before.topLevelCount + 2,
        });
        return { parent, reply, answer, other };
      }

      it('stays as a placeholder for its published replies, saying nothing of what it said', async () => {
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const p = publish();
        const { parent, reply, answer, other } = await conversation(p);

        await moderateComments({ ids: [parent.id], action: 'spam', actor: admin });
        const thread = (await page(p, null)).thread;
        expect(shape(thread)).toEqual([{ [`×${parent.id}`]: [{ [reply.id]: [answer.id] }] }, other.id]);
        expect(thread[0]).toMatchObject({ status: 'spam', html: '', authorName: '', authorId: null });
        // Its replies keep their place in the pagination, and the count says what readers see.
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 3, topLevelCount: 2 });
        await expectCountersMatchRows(p.id);
        expect(await findCommentPage(answer.id, 1)).toEqual({ postId: p.id, page: 1 });
        expect(await findCommentPage(other.id, 1)).toEqual({ postId: p.id, page: 2 });

        // A hidden reply with an answer is a placeholder too; without one it goes.
        await moderateComments({ ids: [reply.id], action: 'spam', actor: admin });
        expect(shape((await page(p, bob)).thread)).toEqual([
          { [`×${parent.id}`]: [{ [`×${reply.id}`]: [answer.id] }] },
          other.id,
        ]);
        await expectCountersMatchRows(p.id);
        await removeComment({ id: answer.id, viewer: ada });
        expect(shape((await page(p, null)).thread)).toEqual([other.id]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
        await expectCountersMatchRows(p.id);

        // Brought back, the conversation takes its place again.
        await moderateComments({ ids: [parent.id, reply.id], action: 'restore', actor: admin });
        expect(shape((await page(p, null)).thread)).toEqual([{ [parent.id]: [reply.id] }, other.id]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 3, topLevelCount: 2 });
        await expectCountersMatchRows(p.id);
      });

      it('shows its author their edit held again, readers a placeholder, and an admin the held comment', async () => {
        await setCommentSettings({ holdLinkCount: 1 });
        const p = publish();
        const { parent, reply, answer, other } = await conversation(p);
        const edited = await changeCommentText({
          id: parent.id,
          viewer: ada,
          input: { body: 'See https://a.example' },
        });
        expect(edited).toMatchObject({ ok: true, value: { status: 'pending' } });
        await expectCountersMatchRows(p.id);

        const readers = (await page(p, bob)).thread;
        expect(shape(readers)).toEqual([{ [`×${parent.id}`]: [{ [reply.id]: [answer.id] }] }, other.id]);
        expect(readers[0]).toMatchObject({ status: 'pending', html: '' });
        const own = (await page(p, ada)).thread;
        expect(shape(own)).toEqual([{ [parent.id]: [{ [reply.id]: [answer.id] }] }, other.id]);
        expect(own[0]!.html).toContain('https://a.example');
        // The author's own pages count it once, in its place.
        expect((await page(p, ada)).pageCount).toBe(1);

        const admins = await withHeldComments(p.id, await page(p, null));
        expect(shape(admins.page.thread)).toEqual([{ [parent.id]: [{ [reply.id]: [answer.id] }] }, other.id]);
        expect(admins.page.thread[0]!.html).toContain('https://a.example');
        expect(admins.heldReasons.get(parent.id)).toBe('edited: 1 link');
      });

      it('shows an admin a held reply under its conversation also when readers no longer see that conversation', async () => {
        await setCommentSettings({ holdLinkCount: 1 });
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const p = publish();
        // A first-time reader's reply to each of Ada's comments waits for moderation.
        const gone = (await post(p, ada, { body: 'Soon deleted.' })).comment;
        const reheld = (await post(p, ada, { body: 'Soon held again.' })).comment;
        const newcomer = await insertReader('Newcomer');
        const underGone = (await post(p, newcomer, { body: 'A first reply.', parentId: gone.id })).comment;
        const underReheld = (await post(p, newcomer, { body: 'Another first reply.', parentId: reheld.id })).comment;
        expect([underGone.status, underReheld.status]).toEqual(['pending', 'pending']);

        // Ada deletes one (it keeps its place, but readers see nothing there) and edits a link
        // into the other (held again, it is no place for readers).
        await removeComment({ id: gone.id, viewer: ada });
        expect(
          await changeCommentText({ id: reheld.id, viewer: ada, input: { body: 'See https://a.example' } }),
        ).toMatchObject({
          ok: true,
          value: { status: 'pending' },
        });
        expect(shape((await page(p, null)).thread)).toEqual([]);

        // The admin sees both held replies, under where their comments stand.
        const admins = await withHeldComments(p.id, await page(p, admin));
        expect(shape(admins.page.thread)).toEqual([
          { [`×${gone.id}`]: [underGone.id] },
          { [reheld.id]: [underReheld.id] },
        ]);
        expect(admins.page.thread[0]).toMatchObject({ status: 'deleted', html: '' });
        expect(admins.heldReasons.get(underGone.id)).toBeTruthy();
        expect(admins.heldReasons.get(underReheld.id)).toBeTruthy();
        // …and the queue's links take the admin to that page.
        for (const id of [underGone.id, underReheld.id])
          expect(await commentAddress(id, admin)).toBe(`${p.path}#c${id}`);
      });

      it('draws a held reply whose conversation lost its place on the last page, for its author and an admin, where its links lead', async () => {
        await setCommentSettings({ commentsPerPage: 5 });
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const newcomer = await insertReader('Stranded newcomer');
        const p = publish();
        const earlier = [];
        for (let n = 1; n <= 5; n += 1) earlier.push((await post(p, bob, { body: `Earlier comment ${n}.` })).comment);
        const answered = (await post(p, ada, { body: 'Soon marked as spam.' })).comment;
        const later = (await post(p, bob, { body: 'A later comment.' })).comment;
        const reply = (await post(p, newcomer, { body: 'A first reply, held.', parentId: answered.id })).comment;
        expect(reply.status).toBe('pending');
        // Marked as spam with nothing published under it, Ada's comment has no place on any page now.
        await moderateComments({ ids: [answered.id], action: 'spam', actor: admin });
        const { topLevelCount } = await getThreadState(p.id);
        expect(topLevelCount).toBe(6);
        const pageOf = (viewer: Viewer | null, number: number) =>
          listCommentPage({ postId: p.id, page: number, perPage: 5, topLevelCount, viewer });

        // Its author finds their reply on the last page, under a placeholder for what it answers.
        expect(shape((await pageOf(newcomer, 2)).thread)).toEqual([{ [`×${answered.id}`]: [reply.id] }, later.id]);
        expect((await pageOf(newcomer, 2)).thread[0]).toMatchObject({ status: 'spam', html: '', authorName: '' });
        expect(shape((await pageOf(newcomer, 1)).thread)).toEqual(earlier.map((c) => c.id));
        expect(await commentAddress(reply.id, newcomer)).toBe(`${p.path}?comments=2#c${reply.id}`);
        expect(await commentAddress(answered.id, newcomer)).toBe(`${p.path}?comments=2#c${answered.id}`);
        // Nobody else reads either.
        for (const viewer of [null, bob]) expect(shape((await pageOf(viewer, 2)).thread)).toEqual([later.id]);
        expect(await commentAddress(reply.id, bob)).toBeNull();

        // An admin sees it there too, with why it was held, and the queue's link leads there.
        const admins = await withHeldComments(p.id, await pageOf(admin, 2));
        expect(shape(admins.page.thread)).toEqual([{ [`×${answered.id}`]: [reply.id] }, later.id]);
        expect(admins.heldReasons.get(reply.id)).toBe('first comment');
        expect(shape((await withHeldComments(p.id, await pageOf(admin, 1))).page.thread)).toEqual(
          earlier.map((c) => c.id),
        );
        expect(await commentAddress(reply.id, admin)).toBe(`${p.path}?comments=2#c${reply.id}`);

        // Approved, the reply gives the conversation its place back, for everyone.
        await moderateComments({ ids: [reply.id], action: 'approve', actor: admin, from: 'pending' });
        expect(shape((await page(p, null)).thread)).toContainEqual({ [`×${answered.id}`]: [reply.id] });
        await expectCountersMatchRows(p.id);
      });

      it('draws a held reply under the thread’s last comment, deleted after readers saw it, on the page the thread now ends with', async () => {
        await setCommentSettings({ commentsPerPage: 5 });
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const newcomer = await insertReader('Trailing newcomer');
        const p = publish();
        const earlier = [];
        for (let n = 1; n <= 5; n += 1) earlier.push((await post(p, bob, { body: `Earlier comment ${n}.` })).comment);
        const last = (await post(p, ada, { body: 'The last comment, soon deleted.' })).comment;
        const reply = (await post(p, newcomer, { body: 'A first reply, held.', parentId: last.id })).comment;
        // Deleted after readers saw it, it keeps its place; but at the end it is a gap the pages end before.
        await moderateComments({ ids: [last.id], action: 'delete', actor: admin });
        const { topLevelCount } = await getThreadState(p.id);
        expect(topLevelCount).toBe(6);
        const pageOf = (viewer: Viewer | null, number: number) =>
          listCommentPage({ postId: p.id, page: number, perPage: 5, topLevelCount, viewer });
        expect((await pageOf(null, 1)).pageCount).toBe(1);

        expect(shape((await pageOf(newcomer, 1)).thread)).toEqual([
          ...earlier.map((c) => c.id),
          { [`×${last.id}`]: [reply.id] },
        ]);
        expect(await commentAddress(reply.id, newcomer)).toBe(`${p.path}#c${reply.id}`);
        const admins = await withHeldComments(p.id, await pageOf(admin, 1));
        expect(shape(admins.page.thread)).toEqual([...earlier.map((c) => c.id), { [`×${last.id}`]: [reply.id] }]);
        expect(await commentAddress(reply.id, admin)).toBe(`${p.path}#c${reply.id}`);
        expect(shape((await pageOf(bob, 1)).thread)).toEqual(earlier.map((c) => c.id));
      });

      it('is found on the page everyone sees it on, also by its author with other held comments', async () => {
        await setCommentSettings({ holdLinkCount: 1, commentsPerPage: 5 });
        const p = publish();
        const held = (await post(p, ada, { body: 'Held from the start: https://a.example' })).comment;
        expect(held.status).toBe('pending');
        const { parent, reply } = await conversation(p);
        await changeCommentText({ id: parent.id, viewer: ada, input: { body: 'Now with https://b.example' } });
        // Ada's first held comment is hers alone; the answered one holds its place for everyone.
        expect(await findCommentPage(reply.id, 1)).toEqual({ postId: p.id, page: 1 });
        expect(await findCommentPage(parent.id, 1)).toEqual({ postId: p.id, page: 1 });
        expect(await findCommentPage(held.id, 1, ada)).toEqual({ postId: p.id, page: 1 });
        expect((await page(p, bob)).thread.map((n) => n.id)).toEqual([parent.id, expect.any(Number)]);
      });

      it('takes moderation and its authors’ own changes at the same time without a deadlock', async () => {
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const p = publish();
        for (let round = 0; round < 8; round++) {
          const { parent, reply, answer } = await conversation(p, round);
          // The admin's step locks the top-level comment first; the authors' change their replies
          // first, and then the top-level comment's count.
          const results = await Promise.allSettled([
            moderateComments({ ids: [parent.id, reply.id, answer.id], action: 'spam', actor: admin }),
            removeComment({ id: answer.id, viewer: ada }),
            changeCommentText({ id: reply.id, viewer: bob, input: { body: `Edited, round ${round}.` } }),
          ]);
          expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
          await expectCountersMatchRows(p.id);
        }
      });

      it('comes back with its conversation when a ban that hid it is lifted', async () => {
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const p = publish();
        const carol = await insertReader('Carol');
        await getDb().comment.create({
          data: { postId: 'elsewhere', authorId: carol.id, body: 'hi', html: '<p>hi</p>' },
        });
        const troll = (await post(p, carol, { body: 'Bait.' })).comment;
        const answer = (await post(p, bob, { body: 'Not taking it.', parentId: troll.id })).comment;

        await banUser({ userId: carol.id, reason: 'trolling', endsAt: null, hideComments: true, actor: admin });
        expect(shape((await page(p, null)).thread)).toEqual([{ [`×${troll.id}`]: [answer.id] }]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
        await expectCountersMatchRows(p.id);

        await unbanUser({ userId: carol.id, actor: admin });
        expect(shape((await page(p, null)).thread)).toEqual([{ [troll.id]: [answer.id] }]);
        expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 2, topLevelCount: 1 });
        await expectCountersMatchRows(p.id);
      });
    });

    it('shows a held comment to its author only', async () => {
      const p = publish();
      const top = (await post(p, bob, { body: 'top' })).comment;
      // Signed-in comments are held by moderation rules, not by posting; hold two of Ada's directly.
      const heldTop = await getDb().comment.create({
        data: {
          postId: p.id,
          authorId: ada.id,
          body: 'held',
          html: '<p>held</p>',
          status: 'pending',
          heldReason: 'links',
        },
      });
      const heldReply = await getDb().comment.create({
        data: {
          postId: p.id,
          authorId: ada.id,
          parentId: top.id,
          rootId: top.id,
          depth: 1,
          body: 'held reply',
          html: '<p>held reply</p>',
          status: 'pending',
          heldReason: 'links',
        },
      });
      expect(shape((await page(p, ada)).thread)).toEqual([{ [top.id]: [heldReply.id] }, heldTop.id]);
      expect(shape((await page(p, bob)).thread)).toEqual([top.id]);
      expect(shape((await page(p, null)).thread)).toEqual([top.id]);
      expect((await listPublishedComments(p.id, { limit: 10 })).comments.map((c) => c.id)).toEqual([top.id]);
      expect((await listRecentPublished(p.id)).map((c) => c.id)).toEqual([top.id]);
      expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });

      // The author may still edit it.
      const edited = await changeCommentText({ id: heldTop.id, viewer: ada, input: { body: 'held, edited' } });
      expect(edited).toMatchObject({ ok: true, value: { status: 'pending', body: 'held, edited' } });
    });

    it('holds a new reader’s first comment and shows it to them only, uncounted', async () => {
      await setCommentSettings({ holdFor: 'first-time' });
      const cy = await insertReader('Cy');
      const p = publish();
      const top = (await post(p, bob, { body: 'top' })).comment;
      const { comment } = await post(p, cy, { body: 'my first' });
      expect(comment.status).toBe('pending');
      expect(shape((await page(p, cy)).thread)).toEqual([top.id, comment.id]);
      expect(shape((await page(p, bob)).thread)).toEqual([top.id]);
      expect(shape((await page(p, null)).thread)).toEqual([top.id]);
      expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1, version: 2 });
      // Nobody can reply to it while it waits.
      expect(
        await postComment({ postId: p.id, viewer: bob, input: { body: 'hi', parentId: comment.id } }),
      ).toMatchObject({
        status: 404,
        errors: { parentId: expect.any(String) },
      });
    });

    it('does not hold a reader’s next comment as a first because an edit sent their approved one back to the queue', async () => {
      await setCommentSettings({ holdFor: 'first-time', holdLinkCount: 1 });
      const eve = await insertReader('Eve');
      const p = publish();
      const { comment } = await post(p, eve, { body: 'my first' });
      expect(comment.status).toBe('pending');
      await moderateComments({
        ids: [comment.id],
        action: 'approve',
        actor: { ...(await insertReader('Moderator')), role: 'admin' },
      });
      const edited = await changeCommentText({
        id: comment.id,
        viewer: eve,
        input: { body: 'see https://example.com' },
      });
      expect(edited).toMatchObject({ ok: true, value: { status: 'pending' } });
      expect((await post(p, eve, { body: 'my second' })).comment.status).toBe('published');
    });

    it('pages 120 top-level comments 50 at a time, replies with their root', async () => {
      const p = publish();
      const ids: number[] = [];
      for (let i = 1; i <= 120; i++) {
        const { comment, page: onPage } = await post(p, i % 2 ? ada : bob, { body: `comment ${i}` });
        ids.push(comment.id);
        expect(onPage, `comment ${i}`).toBe(Math.ceil(i / 50));
      }
      const fifty1st = ids[50]!;
      const reply = await post(p, ada, { body: 'reply to the 51st', parentId: fifty1st });
      expect(reply.page).toBe(2);
      const late = await post(p, bob, { body: 'reply to the first', parentId: ids[0]! });
      expect(late.page).toBe(1);
      expect(await getThreadState(p.id)).toMatchObject({ publishedCount: 122, topLevelCount: 120 });

      const pages = await Promise.all([1, 2, 3].map((n) => page(p, null, n)));
      expect(pages.map((pg) => [pg.page, pg.pageCount, pg.thread.length])).toEqual([
        [1, 3, 50],
        [2, 3, 50],
        [3, 3, 20],
      ]);
      // Oldest first across pages, each comment exactly once.
      expect(pages.flatMap((pg) => pg.thread.map((n) => n.id))).toEqual(ids);
      expect(pages[1]!.thread[0]).toMatchObject({ id: fifty1st, replies: [{ id: reply.comment.id }] });
      expect(pages[0]!.thread[0]).toMatchObject({ id: ids[0], replies: [{ id: late.comment.id }] });
      const repliesOn = (pg: CommentPage) => pg.thread.flatMap((n) => n.replies.map((r) => r.id));
      expect(repliesOn(pages[0]!)).toEqual([late.comment.id]);
      expect(repliesOn(pages[1]!)).toEqual([reply.comment.id]);
      expect(repliesOn(pages[2]!)).toEqual([]);

      expect(await findCommentPage(ids[0]!, 50)).toEqual({ postId: p.id, page: 1 });
      expect(await findCommentPage(ids[49]!, 50)).toEqual({ postId: p.id, page: 1 });
      expect(await findCommentPage(fifty1st, 50)).toEqual({ postId: p.id, page: 2 });
      expect(await findCommentPage(reply.comment.id, 50)).toEqual({ postId: p.id, page: 2 });
      expect(await findCommentPage(ids[100]!, 50)).toEqual({ postId: p.id, page: 3 });
      expect(await findCommentPage(ids[119]!, 50)).toEqual({ postId: p.id, page: 3 });
      expect(await findCommentPage(999_999, 50)).toBeNull();

      // Out-of-range pages show the nearest page.
      expect((await page(p, null, 0)).page).toBe(1);
      expect((await page(p, null, 99)).page).toBe(3);

      // A deleted comment without replies leaves the page but keeps its place: the pages do not shift.
      await removeComment({ id: ids[10]!, viewer: ada });
      expect(await findCommentPage(fifty1st, 50)).toEqual({ postId: p.id, page: 2 });
      expect((await page(p, null, 2)).thread[0]!.id).toBe(fifty1st);
      expect((await page(p, null, 1)).thread).toHaveLength(49);

      // The API's cursor pages go through every published comment once, oldest first.
      const seen: number[] = [];
      let cursor: number | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const batch = await listPublishedComments(p.id, { cursor, limit: 50 });
        expect(batch.total).toBe(121);
        seen.push(...batch.comments.map((c) => c.id));
        if (batch.nextCursor === null) break;
        cursor = batch.nextCursor;
      }
      expect(seen).toHaveLength(121);
      expect(seen).toEqual([...seen].sort((x, y) => x - y));
      expect(seen).not.toContain(ids[10]);
    });

    it('orders comments made in the same millisecond by id, on the page and in findCommentPage', async () => {
      const p = publish();
      const at = new Date(Date.now() - 60_000);
      const ids: number[] = [];
      for (let i = 0; i < 7; i++) {
        const row = await getDb().comment.create({
          data: { postId: p.id, authorId: bob.id, body: `same ${i}`, html: `<p>same ${i}</p>`, createdAt: at },
        });
        ids.push(row.id);
      }
      const listed = async (n: number) =>
        (await listCommentPage({ postId: p.id, page: n, perPage: 5, topLevelCount: 7, viewer: null })).thread.map(
          (c) => c.id,
        );
      expect(await listed(1)).toEqual(ids.slice(0, 5));
      expect(await listed(2)).toEqual(ids.slice(5));
      expect(await findCommentPage(ids[4]!, 5)).toEqual({ postId: p.id, page: 1 });
      expect(await findCommentPage(ids[5]!, 5)).toEqual({ postId: p.id, page: 2 });
    });

    it('lets the author reach their held comment when it starts a new page', async () => {
      const p = publish();
      for (let i = 0; i < 5; i++) await post(p, bob, { body: `published ${i}` });
      const dee = await insertReader('Dee');
      const held = await getDb().comment.create({
        data: {
          postId: p.id,
          authorId: dee.id,
          body: 'held',
          html: '<p>held</p>',
          status: 'pending',
          heldReason: 'first comment',
        },
      });
      const { topLevelCount } = await getThreadState(p.id);
      expect(topLevelCount).toBe(5);

      const located = await findCommentPage(held.id, 5, dee);
      expect(located).toEqual({ postId: p.id, page: 2 });
      const asDee = await listCommentPage({
        postId: p.id,
        page: located!.page,
        perPage: 5,
        topLevelCount,
        viewer: dee,
      });
      expect(asDee).toMatchObject({ page: 2, pageCount: 2 });
      expect(asDee.thread.map((c) => c.id)).toEqual([held.id]);
      // Everyone else still sees one page.
      for (const viewer of [bob, null]) {
        expect(await listCommentPage({ postId: p.id, page: 2, perPage: 5, topLevelCount, viewer })).toMatchObject({
          page: 1,
          pageCount: 1,
        });
      }
    });

    it('places a held comment where its author sees it, after their other held comments', async () => {
      const p = publish();
      for (let i = 0; i < 4; i++) await post(p, bob, { body: `published ${i}` });
      const eve = await insertReader('Eve');
      const held = [];
      for (const body of ['held 1', 'held 2']) {
        held.push(
          await getDb().comment.create({
            data: { postId: p.id, authorId: eve.id, body, html: `<p>${body}</p>`, status: 'pending' },
          }),
        );
      }
      const { topLevelCount } = await getThreadState(p.id);
      // Eve's thread: four published comments and her first held one fill page 1; the second is on page 2.
      expect(await findCommentPage(held[0]!.id, 5, eve)).toEqual({ postId: p.id, page: 1 });
      expect(await findCommentPage(held[1]!.id, 5, eve)).toEqual({ postId: p.id, page: 2 });
      const pageTwo = await listCommentPage({ postId: p.id, page: 2, perPage: 5, topLevelCount, viewer: eve });
      expect(pageTwo.thread.map((c) => c.id)).toEqual([held[1]!.id]);
      // Published comments are placed as each reader sees them: Bob and anonymous readers have no
      // held comments before it; Eve's own come before it on her pages.
      const later = (await post(p, bob, { body: 'published 5' })).comment;
      for (const viewer of [null, bob])
        expect(await findCommentPage(later.id, 5, viewer)).toEqual({ postId: p.id, page: 1 });
      expect(await findCommentPage(later.id, 5, eve)).toEqual({ postId: p.id, page: 2 });
      // So Eve, commenting after her held comments (this one published), is sent to the page that
      // shows it: with six a page, page 2 for her, where anonymous readers have it on page 1.
      await setCommentSettings({ holdFor: 'nobody' });
      const eves = await post(p, eve, { body: 'published by Eve' });
      expect(eves.comment.status).toBe('published');
      const evesPage = await listCommentPage({
        postId: p.id,
        page: 2,
        perPage: 6,
        topLevelCount: topLevelCount + 2,
        viewer: eve,
      });
      expect(evesPage.thread.map((c) => c.id)).toEqual([later.id, eves.comment.id]);
      expect(await locateComment(p, eves.comment.id, eve, 6)).toBe(`${p.path}?comments=2#c${eves.comment.id}`);
      expect(await locateComment(p, eves.comment.id, null, 6)).toBe(`${p.path}#c${eves.comment.id}`);
    });

    describe('a comment’s own address (/comments/{id})', () => {
      it('sends readers only to comments, or places, the thread shows them: an id of a hidden one is unknown', async () => {
        await setCommentSettings({ holdLinkCount: 1 });
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const cy = await insertReader('Cy');
        const p = publish();
        const shown = (await post(p, ada, { body: 'Shown.' })).comment;
        const held = (await post(p, ada, { body: 'Held: https://a.example' })).comment;
        expect(held.status).toBe('pending');
        const spam = (await post(p, bob, { body: 'Soon spam.' })).comment;
        await moderateComments({ ids: [spam.id], action: 'spam', actor: admin });
        const deletedWhileHeld = (await post(p, bob, { body: 'Held, then deleted: https://b.example' })).comment;
        await moderateComments({ ids: [deletedWhileHeld.id], action: 'delete', actor: admin });
        const deletedAfterShown = (await post(p, bob, { body: 'Seen, then deleted.' })).comment;
        await removeComment({ id: deletedAfterShown.id, viewer: bob });
        // A conversation whose top-level comment and first reply are spam: readers see placeholders above the answer.
        const parent = (await post(p, ada, { body: 'Asked.' })).comment;
        const reply = (await post(p, bob, { body: 'Replied.', parentId: parent.id })).comment;
        const answer = (await post(p, ada, { body: 'Answered.', parentId: reply.id })).comment;
        const unanswered = (await post(p, cy, { body: 'Replied, unanswered.', parentId: parent.id })).comment;
        await moderateComments({ ids: [parent.id, reply.id, unanswered.id], action: 'spam', actor: admin });
        expect(shape((await page(p, null)).thread)).toEqual([
          shown.id,
          { [`×${parent.id}`]: [{ [`×${reply.id}`]: [answer.id] }] },
        ]);

        const found = async (id: number, viewer: Viewer | null) => (await commentAddress(id, viewer)) !== null;
        for (const viewer of [null, bob, cy]) {
          for (const id of [shown.id, deletedAfterShown.id, parent.id, reply.id, answer.id])
            expect(await found(id, viewer), `c${id}`).toBe(true);
          for (const id of [spam.id, deletedWhileHeld.id, unanswered.id, 999_999])
            expect(await found(id, viewer), `c${id}`).toBe(false);
        }
        expect(await found(held.id, null)).toBe(false);
        expect(await found(held.id, bob)).toBe(false);
        // Its author is sent to it, on the page where they see it.
        expect(await commentAddress(held.id, ada)).toBe(`${p.path}#c${held.id}`);
        // Where only its place is left, the address has the page say it was removed: #c… would name nothing.
        expect(await commentAddress(deletedAfterShown.id, null)).toBe(
          `${p.path}?removed=${deletedAfterShown.id}#comments`,
        );
        // Admins reach every comment, as the moderation queue's links need: to it where their page
        // draws it (held ones too), else to the word that it was removed.
        for (const id of [shown.id, held.id, parent.id, reply.id]) {
          expect(await commentAddress(id, admin), `c${id}`).toBe(`${p.path}#c${id}`);
        }
        for (const id of [spam.id, deletedWhileHeld.id, deletedAfterShown.id, unanswered.id]) {
          expect(await commentAddress(id, admin), `c${id}`).toBe(`${p.path}?removed=${id}#comments`);
        }
        expect(await commentAddress(999_999, admin)).toBeNull();

        // A removed comment over a held reply: admins, whose page draws its placeholder over the held
        // reply, are sent to it; readers, who see neither, find no such comment.
        const over = (await post(p, bob, { body: 'Over a held reply.' })).comment;
        const heldUnder = (await post(p, cy, { body: 'Held under it: https://c.example', parentId: over.id })).comment;
        expect(heldUnder.status).toBe('pending');
        await moderateComments({ ids: [over.id], action: 'spam', actor: admin });
        expect(await commentAddress(over.id, admin)).toBe(`${p.path}#c${over.id}`);
        expect(await commentAddress(over.id, null)).toBeNull();

        // `?removed=` is said only of a comment of this post that was removed.
        const removedFrom = async (postId: string, id: number) =>
          (await findCommentFor(id, null, postId)) === 'removed';
        expect(await removedFrom(p.id, deletedAfterShown.id)).toBe(true);
        expect(await removedFrom('another-post', deletedAfterShown.id)).toBe(false);
        expect(await removedFrom(p.id, shown.id)).toBe(false);
        expect(await removedFrom(p.id, spam.id)).toBe(false);
        expect(await removedFrom(p.id, 999_999)).toBe(false);
      });
    });

    describe('double posts, scripts and rate limits', () => {
      afterEach(() => {
        vi.stubEnv('RATE_LIMITS', 'off');
      });

      it('refuses the same text from the same reader on the same post within ten minutes, naming it', async () => {
        const p = publish();
        await post(p, ada, { body: 'Said it once.' });
        const again = await postComment({ postId: p.id, viewer: ada, input: { body: 'Said it once.' } });
        expect(again).toEqual({ ok: false, status: 409, errors: { body: 'You have already posted this comment.' } });
        // Someone else may say the same; so may Ada elsewhere, or something new here.
        await post(p, bob, { body: 'Said it once.' });
        await post(publish(), ada, { body: 'Said it once.' });
        await post(p, ada, { body: 'Said it twice.' });
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(3);
      });

      it('takes the same words in answer to two comments as two replies', async () => {
        const p = publish();
        const first = (await post(p, bob, { body: 'First point.' })).comment;
        const second = (await post(p, bob, { body: 'Second point.' })).comment;
        await post(p, ada, { body: 'Thanks!', parentId: first.id });
        await post(p, ada, { body: 'Thanks!', parentId: second.id });
        expect(
          await postComment({ postId: p.id, viewer: ada, input: { body: 'Thanks!', parentId: second.id } }),
        ).toEqual({
          ok: false,
          status: 409,
          errors: { body: 'You have already posted this comment.' },
        });
        expect(await getDb().comment.count({ where: { postId: p.id, body: 'Thanks!' } })).toBe(2);
      });

      it('refuses the same reply to one of the deepest comments twice, where it is stored under that comment’s parent', async () => {
        await setCommentSettings({ maxReplyDepth: 1 });
        const p = publish();
        const top = (await post(p, bob, { body: 'top' })).comment;
        const deep = (await post(p, bob, { body: 'deep', parentId: top.id })).comment;
        expect((await post(p, ada, { body: 'Agreed.', parentId: deep.id })).comment.parentId).toBe(top.id);
        expect(await postComment({ postId: p.id, viewer: ada, input: { body: 'Agreed.', parentId: deep.id } })).toEqual(
          {
            ok: false,
            status: 409,
            errors: { body: 'You have already posted this comment.' },
          },
        );
        expect(await getDb().comment.count({ where: { postId: p.id, body: 'Agreed.' } })).toBe(1);
      });

      it('writes a comment sent twice at once (a double click) only once', async () => {
        const p = publish();
        for (let round = 0; round < 3; round++) {
          const body = `Pressed Post twice, round ${round}.`;
          const results = await Promise.all(
            [1, 2, 3].map(() => postComment({ postId: p.id, viewer: ada, input: { body } })),
          );
          expect(results.filter((r) => r.ok)).toHaveLength(1);
          expect(results.filter((r) => !r.ok)).toEqual([
            expect.objectContaining({ status: 409 }),
            expect.objectContaining({ status: 409 }),
          ]);
          expect(await getDb().comment.count({ where: { postId: p.id, body } })).toBe(1);
        }
        // One author's posts wait for each other; another's go ahead, the same words included.
        const words = 'Two readers, one thought.';
        const both = await Promise.all(
          [ada, bob].map((viewer) => postComment({ postId: p.id, viewer, input: { body: words } })),
        );
        expect(both.map((r) => r.ok)).toEqual([true, true]);
        await expectCountersMatchRows(p.id);
      });

      it('lets the same words through again after ten minutes, or after the first was deleted', async () => {
        const p = publish();
        const first = await post(p, ada, { body: 'Once more.' });
        await removeComment({ id: first.comment.id, viewer: ada });
        await post(p, ada, { body: 'Once more.' });
        vi.useFakeTimers({ now: Date.now() + 11 * 60 * 1000, toFake: ['Date'] });
        await post(p, ada, { body: 'Once more.' });
      });

      it('tells guests apart by name and address', async () => {
        await setCommentSettings({ ...defaultCommentSettings, whoMayComment: 'anyone' });
        const p = publish();
        const guest = (name: string, ip: string) =>
          postComment({ postId: p.id, viewer: null, input: { body: 'First!', name }, ip });
        expect((await guest('Anna', '203.0.113.1')).ok).toBe(true);
        expect(await guest('Anna', '203.0.113.1')).toMatchObject({ ok: false, status: 409 });
        expect((await guest('Anna', '203.0.113.2')).ok).toBe(true);
        expect((await guest('Otto', '203.0.113.1')).ok).toBe(true);
      });

      it('keeps a comment whose honeypot was filled as spam, answered like a held one, and shows it to nobody', async () => {
        const p = publish();
        const stamp = issueFormStamp(Date.now() - 60_000);
        const result = await postComment({
          postId: p.id,
          viewer: ada,
          input: { body: 'Buy now' },
          form: { stamp, honeypot: 'Best offer' },
        });
        if (!result.ok) return expect.unreachable(JSON.stringify(result));
        expect(result.comment.status).toBe('spam');
        // The API answers it as held, as the form does: nothing tells a script it was caught.
        expect(writtenForApi(result.comment)).toMatchObject({ id: result.comment.id, status: 'pending' });
        expect(
          await getDb().comment.findUnique({ where: { id: result.comment.id }, select: { heldReason: true } }),
        ).toEqual({
          heldReason: 'honeypot',
        });
        expect((await getThreadState(p.id)).publishedCount).toBe(0);
        expect((await page(p, null)).thread).toEqual([]);
      });

      it('refuses a form sent faster than a person writes, and one without a stamp, with a neutral message', async () => {
        const p = publish();
        const fast = await postComment({
          postId: p.id,
          viewer: ada,
          input: { body: 'Too quick' },
          form: { stamp: issueFormStamp(), honeypot: '' },
        });
        expect(fast).toMatchObject({ ok: false, status: 400 });
        expect(!fast.ok && fast.errors.request).toMatch(/^That was quick!/);
        // Its stamp will do once the reader has waited, so it keeps it.
        expect(!fast.ok && fast.freshStamp).toBeUndefined();
        const unstamped = await postComment({
          postId: p.id,
          viewer: ada,
          input: { body: 'No stamp' },
          form: { stamp: null, honeypot: '' },
        });
        expect(unstamped).toMatchObject({ ok: false, status: 400, freshStamp: expect.stringMatching(/^qs1\./) });
        const person = await postComment({
          postId: p.id,
          viewer: ada,
          input: { body: 'Took my time' },
          form: { stamp: issueFormStamp(Date.now() - 10_000), honeypot: '' },
        });
        expect(person).toMatchObject({ ok: true, comment: { status: 'published' } });
      });

      it('lets a reader whose page was open for days publish again at once with the renewed stamp', async () => {
        const p = publish();
        const stale = await postComment({
          postId: p.id,
          viewer: ada,
          input: { body: 'Written on a page left open' },
          form: { stamp: issueFormStamp(Date.now() - MAX_STAMP_AGE_MS - 60_000), honeypot: '' },
        });
        if (stale.ok) return expect.unreachable('an expired stamp was accepted');
        expect(stale.errors.request).toMatch(/open a long time/);
        const again = await postComment({
          postId: p.id,
          viewer: ada,
          input: { body: 'Written on a page left open' },
          form: { stamp: stale.freshStamp, honeypot: '' },
        });
        expect(again).toMatchObject({ ok: true, comment: { status: 'published' } });
      });

      it('answers 429 with the wait once a reader passes the per-account limit, and writes nothing', async () => {
        vi.stubEnv('RATE_LIMITS', 'comment-account=2/60');
        const p = publish();
        const carol = await insertReader('Carol');
        await post(p, carol, { body: 'one' });
        await post(p, carol, { body: 'two' });
        const third = await postComment({ postId: p.id, viewer: carol, input: { body: 'three' } });
        expect(third).toMatchObject({ ok: false, status: 429 });
        if (third.ok) return;
        expect(third.errors.request).toMatch(
          /^You are commenting faster than this blog allows\. Please wait \d+ seconds and try again\.$/,
        );
        expect(third.retryAfterSeconds).toBeGreaterThan(0);
        expect(third.retryAfterSeconds).toBeLessThanOrEqual(60);
        expect(await getDb().comment.count({ where: { postId: p.id } })).toBe(2);
        // Another reader is not slowed down by Carol.
        await post(p, bob, { body: 'meanwhile' });
      });

      it('limits how often an author edits, since every edit is rendered and judged again', async () => {
        vi.stubEnv('RATE_LIMITS', 'edit-account=2/60');
        const p = publish();
        const erin = await insertReader('Erin');
        const { comment } = await post(p, erin, { body: 'first words' });
        for (const body of ['second words', 'third words']) {
          expect(await changeCommentText({ id: comment.id, viewer: erin, input: { body } })).toMatchObject({
            ok: true,
          });
        }
        const third = await changeCommentText({ id: comment.id, viewer: erin, input: { body: 'fourth words' } });
        expect(third).toMatchObject({ ok: false, status: 429 });
        if (third.ok) return;
        expect(third.errors.request).toMatch(
          /^You are editing comments faster than this blog allows\. Please wait \d+ seconds and try again\.$/,
        );
        expect(third.retryAfterSeconds).toBeGreaterThan(0);
        expect(await getDb().comment.findUnique({ where: { id: comment.id }, select: { body: true } })).toEqual({
          body: 'third words',
        });
      });

      it('keeps answering why to an author whose edit is refused, without using up their edits', async () => {
        vi.stubEnv('RATE_LIMITS', 'edit-account=2/60');
        // Finn's comment is published (not held, which Erin could not even see is there).
        await setCommentSettings({ holdFor: 'nobody' });
        const p = publish();
        const [erin, finn] = [await insertReader('Erin'), await insertReader('Finn')];
        const { comment: theirs } = await post(p, finn, { body: 'Finn’s words' });
        for (let attempt = 1; attempt <= 3; attempt++) {
          expect(await changeCommentText({ id: theirs.id, viewer: erin, input: { body: 'not mine' } })).toMatchObject({
            ok: false,
            status: 403,
          });
          expect(await changeCommentText({ id: 999_999, viewer: erin, input: { body: 'gone' } })).toMatchObject({
            status: 404,
          });
        }
        // None of the six refusals counted: both edits the limit allows still go through.
        const { comment } = await post(p, erin, { body: 'first words' });
        for (const body of ['second words', 'third words']) {
          expect(await changeCommentText({ id: comment.id, viewer: erin, input: { body } })).toMatchObject({
            ok: true,
          });
        }
        expect(await changeCommentText({ id: comment.id, viewer: erin, input: { body: 'fourth' } })).toMatchObject({
          status: 429,
        });
      });

      it('keeps answering why (403) to a reader retrying a closed post, without using up their limit', async () => {
        vi.stubEnv('RATE_LIMITS', 'comment-account=2/60');
        const closed = publish({ commentsClosed: true });
        const dan = await insertReader('Dan');
        for (let attempt = 1; attempt <= 4; attempt++) {
          expect(
            await postComment({ postId: closed.id, viewer: dan, input: { body: `try ${attempt}` } }),
          ).toMatchObject({
            ok: false,
            status: 403,
            errors: { request: 'Comments are closed on this post.' },
          });
        }
        // The refusals counted nothing: both comments the limit allows still go through elsewhere.
        const open = publish();
        await post(open, dan, { body: 'one' });
        await post(open, dan, { body: 'two' });
        expect(await postComment({ postId: open.id, viewer: dan, input: { body: 'three' } })).toMatchObject({
          status: 429,
        });
      });

      it('gives the count back for comments refused after all (too soon, a double post, a removed parent)', async () => {
        vi.stubEnv('RATE_LIMITS', 'comment-account=2/60,comment-address=2/60');
        const p = publish();
        const erin = await insertReader('Erin');
        const send = (input: Record<string, unknown>, form?: { stamp: string; honeypot: string }) =>
          postComment({ postId: p.id, viewer: erin, input, ip: '198.51.100.77', form });
        expect(await send({ body: 'one' })).toMatchObject({ ok: true });
        for (let attempt = 1; attempt <= 3; attempt++) {
          expect(await send({ body: 'one' })).toMatchObject({ status: 409 });
          expect(await send({ body: 'a reply', parentId: 999_999 })).toMatchObject({
            status: 404,
            errors: { parentId: 'The comment you are replying to does not exist or was removed.' },
          });
          expect(await send({ body: 'hasty' }, { stamp: issueFormStamp(), honeypot: '' })).toMatchObject({
            status: 400,
          });
        }
        // None of the nine refusals used up the limits: the second comment they allow goes through.
        expect(await send({ body: 'two' })).toMatchObject({ ok: true });
        expect(await send({ body: 'three' })).toMatchObject({ status: 429 });
      });
    });

    describe('comment feeds', () => {
      it('carry the newest published comments of the posts asked for, and nothing held or elsewhere', async () => {
        const [a, b, other] = [publish(), publish(), publish()];
        const one = await post(a, ada, { body: 'one' });
        const two = await post(b, bob, { body: 'two' });
        await post(other, ada, { body: 'on another post' });
        const three = await post(a, bob, { body: 'three', parentId: one.comment.id });
        const spam = await post(b, ada, { body: 'later marked spam' });
        await getDb().comment.update({ where: { id: spam.comment.id }, data: { status: 'spam' } });

        const ids = async (take: number) => (await listRecentPublishedOn([a.id, b.id], take)).map((c) => c.id);
        expect(await ids(10)).toEqual([three.comment.id, two.comment.id, one.comment.id]);
        expect(await ids(2)).toEqual([three.comment.id, two.comment.id]);
        expect((await listRecentPublished(a.id, 10)).map((c) => c.id)).toEqual([three.comment.id, one.comment.id]);
      });

      it('take a comment approved after newer ones as the newest, and do not take one hidden and brought back as new', async () => {
        const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
        const p = publish();
        await setCommentSettings({ holdFor: 'everyone' });
        const held = await post(p, ada, { body: 'written first, approved an hour later' });
        await setCommentSettings({ holdFor: 'nobody' });
        const later = await post(p, bob, { body: 'written second, published at once' });
        expect(held.comment.status).toBe('pending');
        const fed = async () => (await listRecentPublished(p.id, 10)).map((c) => c.id);
        const publishedAt = async (id: number) =>
          (await getDb().comment.findUniqueOrThrow({ where: { id }, select: { publishedAt: true } })).publishedAt;
        expect(await fed()).toEqual([later.comment.id]);
        const laterFirstSeen = await publishedAt(later.comment.id);
        expect(laterFirstSeen).toBeInstanceOf(Date);
        expect(await publishedAt(held.comment.id)).toBeNull();

        // An hour on, the admin approves it: news to the feeds' readers, at the head of both feeds.
        const approvedAt = new Date(Date.now() + 60 * 60_000);
        vi.useFakeTimers({ now: approvedAt, toFake: ['Date'] });
        await moderateComments({ ids: [held.comment.id], action: 'approve', actor: admin });
        expect(await publishedAt(held.comment.id)).toEqual(approvedAt);
        expect(await fed()).toEqual([held.comment.id, later.comment.id]);
        expect((await listRecentPublishedOn([p.id], 10)).map((c) => c.id)).toEqual([held.comment.id, later.comment.id]);

        // The other is hidden and brought back, by a moderator and by a ban: it keeps when it was first seen.
        vi.setSystemTime(new Date(approvedAt.getTime() + 60 * 60_000));
        await moderateComments({ ids: [later.comment.id], action: 'spam', actor: admin });
        await moderateComments({ ids: [later.comment.id], action: 'restore', actor: admin });
        await banUser({ userId: bob.id, reason: 'a test of feeds', endsAt: null, hideComments: true, actor: admin });
        await unbanUser({ userId: bob.id, actor: admin });
        expect(await publishedAt(later.comment.id)).toEqual(laterFirstSeen);
        expect(await fed()).toEqual([held.comment.id, later.comment.id]);
      });
    });

    describe('settings', () => {
      it('falls back to the defaults for a missing, unreadable or invalid stored value', async () => {
        const db = getDb();
        await db.setting.deleteMany({ where: { key: 'comments' } });
        expect(await getCommentSettings()).toEqual(defaultCommentSettings);
        expect(defaultCommentSettings).toMatchObject({
          whoMayComment: 'users',
          holdGuestComments: true,
          editWindowMinutes: 15,
          maxReplyDepth: 3,
          commentsPerPage: 50,
        });
        await db.setting.create({ data: { key: 'comments', value: '{not json' } });
        expect(await getCommentSettings()).toEqual(defaultCommentSettings);
        await db.setting.update({
          where: { key: 'comments' },
          data: { value: JSON.stringify({ commentsPerPage: 1 }) },
        });
        expect(await getCommentSettings()).toEqual(defaultCommentSettings);
        await db.setting.update({
          where: { key: 'comments' },
          data: { value: JSON.stringify({ editWindowMinutes: 60 }) },
        });
        expect(await getCommentSettings()).toEqual({ ...defaultCommentSettings, editWindowMinutes: 60 });
      });

      it('stores changes over the current settings and refuses invalid ones', async () => {
        await setCommentSettings({ whoMayComment: 'anyone' });
        expect(await setCommentSettings({ commentsPerPage: 20 })).toMatchObject({
          whoMayComment: 'anyone',
          commentsPerPage: 20,
        });
        expect(await getCommentSettings()).toMatchObject({ whoMayComment: 'anyone', commentsPerPage: 20 });
        await expect(setCommentSettings({ commentsPerPage: 1 })).rejects.toThrow();
        await expect(setCommentSettings({ maxReplyDepth: 11 })).rejects.toThrow();
        expect((await getCommentSettings()).commentsPerPage).toBe(20);
      });
    });

    describe('what the page cache watches', () => {
      it('the epoch moves with any comment; the thread versions say on which post, and make the same epoch', async () => {
        const [a, b] = [publish(), publish()];
        const ada = await insertReader('Ada');
        await post(a, ada, { body: 'First on a' });
        const before = await getThreadVersions();
        expect(before.epoch).toBe(await getCommentEpoch());

        await post(b, ada, { body: 'First on b' });
        const after = await getThreadVersions();
        expect(after.epoch).toBe(await getCommentEpoch());
        expect(after.epoch).not.toBe(before.epoch);
        const changed = after.threads.filter(([id, version]) => new Map(before.threads).get(id) !== version);
        expect(changed.map(([id]) => id)).toEqual([b.id]);

        await setCommentSettings({ commentsPerPage: 20 });
        const settingsMoved = await getThreadVersions();
        expect(settingsMoved.epoch.split('.')[2]).not.toBe(after.epoch.split('.')[2]);
        expect(settingsMoved.threads).toEqual(after.threads);
      });
    });

    describe('the post page’s comment section', () => {
      it('loads the count, the page and which comments the viewer may edit', async () => {
        const p = publish();
        const mine = (await post(p, ada, { body: 'mine' })).comment;
        const theirs = (await post(p, bob, { body: 'theirs' })).comment;
        const section = await loadCommentSection({ post: p, viewer: ada, page: 1, editId: mine.id });
        if (!section.available) return expect.unreachable('section unavailable');
        expect(section).toMatchObject({
          count: 2,
          version: 2,
          closed: false,
          guestsAllowed: false,
          editing: { id: mine.id, body: 'mine', open: true, banned: null },
        });
        expect([...section.editableIds]).toEqual([mine.id]);
        expect(shape(section.page.thread)).toEqual([mine.id, theirs.id]);

        const asBob = await loadCommentSection({ post: p, viewer: bob, page: 1, editId: mine.id });
        expect(asBob).toMatchObject({ available: true, editing: null });
        const closed = await loadCommentSection({
          post: { ...p, commentsClosed: true },
          viewer: null,
          page: 1,
          editId: null,
        });
        expect(closed).toMatchObject({ available: true, closed: true });
      });

      it('tells a banned reader why they may not comment, and offers them no Edit', async () => {
        const p = publish();
        const carol = await insertReader('Carol');
        const mine = (await post(p, carol, { body: 'before the ban' })).comment;
        expect(await loadCommentSection({ post: p, viewer: carol, page: 1, editId: null })).toMatchObject({
          banned: null,
        });
        await getDb().ban.create({ data: { userId: carol.id, reason: 'testing' } });
        const section = await loadCommentSection({ post: p, viewer: carol, page: 1, editId: mine.id });
        if (!section.available) return expect.unreachable('section unavailable');
        expect(section.banned).toBe('Your account may no longer comment on this blog.');
        expect([...section.editableIds]).toEqual([]);
        // An edit box opened now says the ban is why it cannot be saved, not the edit window.
        expect(section.editing).toEqual({
          id: mine.id,
          body: 'before the ban',
          open: false,
          banned: 'Your account may no longer comment on this blog.',
        });
        expect(await loadCommentSection({ post: p, viewer: ada, page: 1, editId: null })).toMatchObject({
          banned: null,
        });
      });

      it('says the comments are unavailable when the database cannot answer', async () => {
        const error = vi.spyOn(console, 'error').mockImplementation(() => {});
        vi.stubEnv('DATABASE_URL', 'mysql://nobody@127.0.0.1/quire');
        try {
          expect(await loadCommentSection({ post: publish(), viewer: null, page: 1, editId: null })).toEqual({
            available: false,
          });
          expect(error).toHaveBeenCalledWith(
            expect.stringMatching(/unavailable/),
            expect.stringMatching(/DATABASE_URL/),
          );
        } finally {
          vi.stubEnv('DATABASE_URL', database().url);
          error.mockRestore();
        }
      });
    });
  });
}
