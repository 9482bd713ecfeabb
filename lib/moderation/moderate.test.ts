// Moderation as the admin console and the comment form run it, against a real database on each
// provider: the hold rules deciding new comments, approve/spam/delete/restore with their counters
// and audit entries, closing a post, and bans.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CommentError } from '@/lib/comments/errors';
import { deleteComment, editComment, writeComment, type WrittenComment } from '@/lib/comments/mutations';
import { getThreadState } from '@/lib/comments/queries';
import { createComment } from '@/lib/comments/test-builders';
import { defaultCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import type { Post } from '@/lib/content/posts';
import { getDb, type DbTransaction } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import type { Viewer } from '@/lib/users/accounts';
import { listAuditEntries } from './audit';
import { banMessage, getActiveBan, getBanStanding } from './bans';
import {
  AWAITING_MODERATION,
  banUser,
  moderateComments,
  ModerationRefused,
  notModeratedMessage,
  postPageLanding,
  setPostClosed,
  unbanUser,
} from './moderate';

let sequence = 0;

/** A published post as the content layer would return it; only `id`, `date` and `commentsClosed` matter here. */
function buildPost(overrides: Partial<Post> = {}): Post {
  const n = ++sequence;
  return {
    id: `moderated-post-${n}`,
    slug: `moderated-post-${n}`,
    title: `Moderated post ${n}`,
    date: new Date('2016-09-04T08:00:00Z'),
    year: 2016,
    month: 9,
    author: 'Site Owner',
    labels: [],
    summary: undefined,
    draft: false,
    commentsClosed: false,
    aliases: [],
    path: `/2016/09/moderated-post-${n}`,
    html: '<p>Body.</p>',
    excerptHtml: '<p>Body.</p>',
    description: 'Body.',
    file: `content/posts/moderated-post-${n}.md`,
    ...overrides,
  };
}

async function insertUser(name: string, role: Viewer['role'] = 'reader'): Promise<Viewer> {
  const n = ++sequence;
  const user = await getDb().user.create({
    data: { email: `${name.toLowerCase()}-${n}@example.com`, name, role },
    select: { id: true, name: true, email: true },
  });
  return { ...user, role };
}

function write(
  post: Post,
  viewer: Viewer | null,
  body: string,
  settings: CommentSettings = defaultCommentSettings,
  extra: { parentId?: number; name?: string } = {},
): Promise<WrittenComment> {
  return createComment({ post, viewer, input: { body, ...extra }, settings });
}

function row(id: number) {
  return getDb().comment.findUniqueOrThrow({ where: { id } });
}

function auditFor(commentId: number) {
  return getDb().auditEntry.findMany({
    where: { targetType: 'comment', targetId: String(commentId) },
    orderBy: { id: 'asc' },
  });
}

/**
 * The post's closings and reopenings in the log, each from the state the one before it left (a
 * post starts open), and the post as the last one left it.
 */
async function expectClosingsFollowOn(postId: string, count: number) {
  const entries = await getDb().auditEntry.findMany({ where: { targetType: 'post', targetId: postId }, orderBy: { id: 'asc' } });
  expect(entries).toHaveLength(count);
  expect(entries.map((entry) => entry.before)).toEqual(['open', ...entries.slice(0, -1).map((entry) => entry.after)]);
  expect((await getThreadState(postId)).closed).toBe(entries.at(-1)?.after === 'closed');
}

/** Until `count` requests in this suite's PostgreSQL database wait for a lock another holds. */
async function untilWaiting(count: number): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const [row] = await getDb().$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND a.datname = current_database()`;
    if ((row?.waiting ?? 0) >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`fewer than ${count} requests ever waited for a lock`);
}

/** Readers whose first comment was approved long ago: the first-time rule no longer holds them. */
const holdNobody: CommentSettings = { ...defaultCommentSettings, holdFor: 'nobody' };

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`moderation on ${provider}`, () => {
    const database = useTestDatabase(provider);
    let admin: Viewer;

    beforeAll(async () => {
      admin = await insertUser('Admin', 'admin');
    });

    describe('new comments and the hold rules', () => {
      it('holds a new reader’s first comment, then publishes their next once one is approved', async () => {
        const post = buildPost();
        const reader = await insertUser('Newcomer');

        const first = await write(post, reader, 'Hello, first time here.');
        expect(first.status).toBe('pending');
        expect(await row(first.id)).toMatchObject({ status: 'pending', heldReason: 'first comment' });
        expect(await getThreadState(post.id)).toEqual({
          publishedCount: 0,
          topLevelCount: 0,
          version: 1,
          closed: false,
        });

        const second = await write(post, reader, 'Still waiting?');
        expect(await row(second.id)).toMatchObject({ status: 'pending', heldReason: 'first comment' });

        expect(await moderateComments({ ids: [first.id], action: 'approve', actor: admin })).toEqual({
          changed: [first.id],
          missing: [],
          deletedByAuthor: [],
          changedMeanwhile: [],
          awaitingModeration: [],
          backInQueue: [],
        });
        expect(await row(first.id)).toMatchObject({ status: 'published', heldReason: null });

        const third = await write(post, reader, 'Thanks for approving me.');
        expect(third.status).toBe('published');
        expect(await row(third.id)).toMatchObject({ status: 'published', heldReason: null });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 2, topLevelCount: 2 });
      });

      it('keeps a reader approved after they delete their only approved comment; a moderator’s removal does not count as approval', async () => {
        const post = buildPost();
        const [reader, removed] = [await insertUser('Tidy'), await insertUser('Removed')];
        const first = await write(post, reader, 'Approved, then taken back.');
        await moderateComments({ ids: [first.id], action: 'approve', actor: admin });
        await deleteComment({ id: first.id, viewer: reader });
        expect((await write(post, reader, 'Back again.')).status).toBe('published');

        const theirs = await write(post, removed, 'Approved, then removed by a moderator.');
        await moderateComments({ ids: [theirs.id], action: 'approve', actor: admin });
        await moderateComments({ ids: [theirs.id], action: 'delete', actor: admin });
        expect(await row((await write(post, removed, 'Trying again.')).id)).toMatchObject({ status: 'pending', heldReason: 'first comment' });
      });

      it('publishes an admin’s comment under the strictest rules', async () => {
        const post = buildPost();
        const strict: CommentSettings = {
          ...defaultCommentSettings,
          holdFor: 'everyone',
          holdLinkCount: 1,
          moderationWords: ['casino'],
          blockWords: ['viagra'],
        };
        const comment = await write(post, admin, 'casino viagra https://a.example https://b.example', strict);
        expect(await row(comment.id)).toMatchObject({ status: 'published', heldReason: null });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
      });

      it('marks a comment with a blocked word as spam, out of every count', async () => {
        const post = buildPost();
        const reader = await insertUser('Spammer');
        const comment = await write(post, reader, 'Cheap VIAGRA here', {
          ...defaultCommentSettings,
          blockWords: ['viagra'],
        });
        expect(comment.status).toBe('spam');
        expect(await row(comment.id)).toMatchObject({ status: 'spam', heldReason: 'blocked word: viagra' });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 0, topLevelCount: 0 });
      });

      it('holds a known reader for links and moderation words, naming every reason', async () => {
        const post = buildPost();
        const reader = await insertUser('Linker');
        const settings: CommentSettings = { ...holdNobody, moderationWords: ['casino'] };
        const links = await write(
          post,
          reader,
          'See https://a.example and [b](https://b.example) and www.c.example',
          settings,
        );
        expect(await row(links.id)).toMatchObject({ status: 'pending', heldReason: '3 links' });
        const word = await write(post, reader, 'The Casino is open', settings);
        expect(await row(word.id)).toMatchObject({ status: 'pending', heldReason: 'word: casino' });
        const both = await write(post, reader, 'casino https://a.example https://b.example', settings);
        expect(await row(both.id)).toMatchObject({ status: 'pending', heldReason: '2 links, word: casino' });
      });

      it('names every reason for a first comment that also has links', async () => {
        const post = buildPost();
        const reader = await insertUser('Firstlinker');
        const comment = await write(post, reader, 'https://a.example https://b.example https://c.example');
        expect(await row(comment.id)).toMatchObject({ status: 'pending', heldReason: 'first comment, 3 links' });
      });

      it('holds a guest with the reason "guest"', async () => {
        const post = buildPost();
        const comment = await write(
          post,
          null,
          'Hi from a guest',
          { ...defaultCommentSettings, whoMayComment: 'anyone' },
          { name: 'Guest' },
        );
        expect(await row(comment.id)).toMatchObject({
          status: 'pending',
          heldReason: 'guest',
          authorId: null,
          guestName: 'Guest',
        });
      });
    });

    describe('moderateComments', () => {
      // On PostgreSQL writes run side by side; SQLite writes one transaction at a time.
      if (provider === 'postgresql') {
        it('refuses a reply sent while its comment was being removed, once the removal lands', async () => {
          const post = buildPost();
          const [writer, replier] = [await insertUser('Removed Soon'), await insertUser('Too Late')];
          const parent = await write(post, writer, 'About to be marked spam.', holdNobody);
          let reply: Promise<unknown> | undefined;
          // A moderator's step holds the comment (as moderateComments locks it) while the reply is sent.
          await getDb().$transaction(
            async (tx: DbTransaction) => {
              await tx.$executeRaw`SELECT 1 FROM "Comment" WHERE "id" = ${parent.id} FOR UPDATE`;
              reply = write(post, replier, 'A reply to a comment on its way out.', holdNobody, { parentId: parent.id }).catch((error: unknown) => error);
              await untilWaiting(1);
              await tx.comment.update({ where: { id: parent.id }, data: { status: 'spam' } });
            },
            { timeout: 20_000 },
          );
          const refused = await reply;
          expect(refused).toBeInstanceOf(CommentError);
          expect(refused).toMatchObject({ status: 404, field: 'parentId' });
          expect(await getDb().comment.count({ where: { parentId: parent.id } })).toBe(0);
        });
      }

      it('moves the counters and writes one audit entry for each change', async () => {
        const post = buildPost();
        const reader = await insertUser('Walker');
        const comment = await write(post, reader, 'Walk me through every status.');
        expect(await getThreadState(post.id)).toEqual({
          publishedCount: 0,
          topLevelCount: 0,
          version: 1,
          closed: false,
        });

        const steps = [
          {
            action: 'approve',
            before: 'pending',
            after: 'published',
            state: { publishedCount: 1, topLevelCount: 1, version: 2 },
          },
          {
            action: 'spam',
            before: 'published',
            after: 'spam',
            state: { publishedCount: 0, topLevelCount: 0, version: 3 },
          },
          {
            action: 'restore',
            before: 'spam',
            after: 'published',
            state: { publishedCount: 1, topLevelCount: 1, version: 4 },
          },
          // A deleted top-level comment keeps its place in the thread (for its replies).
          {
            action: 'delete',
            before: 'published',
            after: 'deleted',
            state: { publishedCount: 0, topLevelCount: 1, version: 5 },
          },
          {
            action: 'restore',
            before: 'deleted',
            after: 'published',
            state: { publishedCount: 1, topLevelCount: 1, version: 6 },
          },
        ] as const;
        // The log only grows: each step adds its entry and leaves every earlier one as it was.
        let logged: Awaited<ReturnType<typeof auditFor>> = [];
        for (const [index, step] of steps.entries()) {
          const result = await moderateComments({
            ids: [comment.id],
            action: step.action,
            actor: admin,
            reason: `step ${index}`,
          });
          expect(result, step.action).toEqual({ changed: [comment.id], missing: [], deletedByAuthor: [], changedMeanwhile: [], awaitingModeration: [], backInQueue: [] });
          expect((await row(comment.id)).status, step.action).toBe(step.after);
          expect(await getThreadState(post.id), step.action).toEqual({ ...step.state, closed: false });
          const entries = await auditFor(comment.id);
          expect(entries, step.action).toHaveLength(index + 1);
          expect(entries.slice(0, -1), step.action).toEqual(logged);
          logged = entries;
          expect(entries.at(-1), step.action).toMatchObject({
            actorId: admin.id,
            action: step.action,
            targetType: 'comment',
            targetId: String(comment.id),
            before: step.before,
            after: step.after,
            reason: `step ${index}`,
          });
        }
      });

      it('stamps deletedAt and the moderator as remover on delete, and clears them, and the held reason of one it publishes, on restore', async () => {
        const post = buildPost();
        const reader = await insertUser('Stamper');
        const comment = await write(post, reader, 'Published first.', holdNobody);
        await moderateComments({ ids: [comment.id], action: 'delete', actor: admin });
        const deleted = await row(comment.id);
        expect(deleted.status).toBe('deleted');
        expect(deleted.deletedAt).toBeInstanceOf(Date);
        expect(deleted.deletedBy).toBe('moderator');
        expect(deleted.removedFrom).toBe('published');
        await moderateComments({ ids: [comment.id], action: 'restore', actor: admin });
        expect(await row(comment.id)).toMatchObject({ status: 'published', deletedAt: null, deletedBy: null, removedFrom: null });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });

        // Caught by the spam rules when written, it carries why; once an admin restores it, that no longer applies.
        const caught = await write(post, reader, 'About a casino.', { ...holdNobody, blockWords: ['casino'] });
        expect(await row(caught.id)).toMatchObject({ status: 'spam', heldReason: 'blocked word: casino', removedFrom: null });
        await moderateComments({ ids: [caught.id], action: 'restore', actor: admin });
        expect(await row(caught.id)).toMatchObject({ status: 'published', heldReason: null });
      });


      it('moves only the published count for a reply', async () => {
        const post = buildPost();
        const reader = await insertUser('Replier');
        const parent = await write(post, admin, 'Admin’s top-level comment.');
        const reply = await write(post, reader, 'A held reply.', defaultCommentSettings, { parentId: parent.id });
        expect(reply.status).toBe('pending');
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });

        await moderateComments({ ids: [reply.id], action: 'approve', actor: admin });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 2, topLevelCount: 1 });
        await moderateComments({ ids: [reply.id], action: 'delete', actor: admin });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
      });

      it('changes nothing and logs nothing when the comment is already in that status', async () => {
        const post = buildPost();
        const reader = await insertUser('Repeater');
        const comment = await write(post, reader, 'Approve me twice.');
        await moderateComments({ ids: [comment.id], action: 'approve', actor: admin });
        const state = await getThreadState(post.id);
        const entries = await auditFor(comment.id);
        expect(entries).toHaveLength(1);

        expect(await moderateComments({ ids: [comment.id], action: 'approve', actor: admin })).toEqual({ changed: [], missing: [], deletedByAuthor: [], changedMeanwhile: [], awaitingModeration: [], backInQueue: [] });
        expect(await moderateComments({ ids: [comment.id], action: 'restore', actor: admin })).toEqual({ changed: [], missing: [], deletedByAuthor: [], changedMeanwhile: [], awaitingModeration: [], backInQueue: [] });
        expect(await getThreadState(post.id)).toEqual(state);
        expect(await auditFor(comment.id)).toEqual(entries);

        await moderateComments({ ids: [comment.id], action: 'spam', actor: admin });
        const afterSpam = await getThreadState(post.id);
        expect(await moderateComments({ ids: [comment.id], action: 'spam', actor: admin })).toEqual({ changed: [], missing: [], deletedByAuthor: [], changedMeanwhile: [], awaitingModeration: [], backInQueue: [] });
        expect(await getThreadState(post.id)).toEqual(afterSpam);
        expect(await auditFor(comment.id)).toHaveLength(2);
      });

      it('approves three comments at once, skipping ones already published and ids that do not exist', async () => {
        const post = buildPost();
        const other = buildPost();
        const reader = await insertUser('Bulk');
        const parent = await write(post, admin, 'Parent.');
        const a = await write(post, reader, 'Top-level A.');
        const b = await write(post, reader, 'Reply B.', defaultCommentSettings, { parentId: parent.id });
        const c = await write(other, reader, 'Top-level C on another post.');
        const before = await getThreadState(post.id);
        const otherBefore = await getThreadState(other.id);
        const auditCount = await getDb().auditEntry.count();

        const { changed, missing } = await moderateComments({
          ids: [a.id, b.id, c.id, parent.id, 987_654],
          action: 'approve',
          actor: admin,
        });
        expect([...changed].sort((x, y) => x - y)).toEqual([a.id, b.id, c.id]);
        // Told apart from the parent, which was simply published already.
        expect(missing).toEqual([987_654]);
        for (const id of [a.id, b.id, c.id]) expect((await row(id)).status).toBe('published');
        expect(await getThreadState(post.id)).toEqual({
          publishedCount: before.publishedCount + 2,
          topLevelCount: before.topLevelCount + 1,
          version: before.version + 1,
          closed: false,
        });
        expect(await getThreadState(other.id)).toEqual({
          publishedCount: otherBefore.publishedCount + 1,
          topLevelCount: otherBefore.topLevelCount + 1,
          version: otherBefore.version + 1,
          closed: false,
        });
        expect(await getDb().auditEntry.count()).toBe(auditCount + 3);
        for (const id of [a.id, b.id, c.id]) {
          expect(await auditFor(id)).toEqual([
            expect.objectContaining({ action: 'approve', before: 'pending', after: 'published' }),
          ]);
        }
        expect(await auditFor(parent.id)).toEqual([]);
      });

      it('restores what a moderator deleted but leaves what its author deleted, naming it, in one bulk step', async () => {
        const post = buildPost();
        const reader = await insertUser('Regretful');
        const removed = await write(post, reader, 'Removed by a moderator.', holdNobody);
        const takenBack = await write(post, reader, 'I take this back.', holdNobody);
        await moderateComments({ ids: [removed.id], action: 'delete', actor: admin });
        await deleteComment({ id: takenBack.id, viewer: reader });
        const before = await getThreadState(post.id);

        expect(await moderateComments({ ids: [removed.id, takenBack.id], action: 'restore', actor: admin })).toEqual({
          changed: [removed.id],
          missing: [],
          deletedByAuthor: [takenBack.id],
          changedMeanwhile: [],
          awaitingModeration: [],
          backInQueue: [],
        });
        expect(await row(removed.id)).toMatchObject({ status: 'published', deletedBy: null });
        expect(await row(takenBack.id)).toMatchObject({ status: 'deleted', deletedBy: 'author' });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: before.publishedCount + 1 });
        expect(await auditFor(takenBack.id)).toEqual([]);

        // Nor is it marked spam: that would take its place in the pages, and deleting it again from
        // there must not turn it into the moderator's removal, which Restore undoes.
        const refused = { changed: [], missing: [], deletedByAuthor: [takenBack.id], changedMeanwhile: [], awaitingModeration: [], backInQueue: [] };
        expect(await moderateComments({ ids: [takenBack.id], action: 'spam', actor: admin, from: 'deleted' })).toEqual(refused);
        expect(await row(takenBack.id)).toMatchObject({ status: 'deleted', deletedBy: 'author', deletedFrom: 'published' });
        // One marked spam before this rule stays its author's deletion through a Delete, and is never published.
        await getDb().comment.update({ where: { id: takenBack.id }, data: { status: 'spam' } });
        await moderateComments({ ids: [takenBack.id], action: 'delete', actor: admin, from: 'spam' });
        expect(await row(takenBack.id)).toMatchObject({ status: 'deleted', deletedBy: 'author' });
        for (const action of ['restore', 'approve', 'spam'] as const) {
          expect(await moderateComments({ ids: [takenBack.id], action, actor: admin }), action).toEqual(refused);
        }
        expect(await row(takenBack.id)).toMatchObject({ status: 'deleted', deletedBy: 'author' });
      });

      it('leaves a comment awaiting moderation to Approve when asked to restore it, alone or among removed ones, naming it', async () => {
        const post = buildPost();
        const newcomer = await insertUser('Waiting');
        const regular = await insertUser('Regular');
        const held = await write(post, newcomer, 'My first comment, held.');
        const removed = await write(post, regular, 'Deleted by a moderator.', holdNobody);
        const spammed = await write(post, regular, 'Marked as spam.', holdNobody);
        await moderateComments({ ids: [removed.id], action: 'delete', actor: admin });
        await moderateComments({ ids: [spammed.id], action: 'spam', actor: admin });
        const before = await getThreadState(post.id);
        const leftAlone = { changed: [], missing: [], deletedByAuthor: [], changedMeanwhile: [], awaitingModeration: [held.id], backInQueue: [] };

        // Alone, with or without the status the caller saw: published by Restore it would be on
        // record as brought back, though nobody had removed it and nobody approved it.
        expect(await moderateComments({ ids: [held.id], action: 'restore', actor: admin })).toEqual(leftAlone);
        expect(await moderateComments({ ids: [held.id], action: 'restore', actor: admin, from: 'pending' })).toEqual(leftAlone);
        expect(await row(held.id)).toMatchObject({ status: 'pending', heldReason: 'first comment', publishedAt: null });
        expect(await auditFor(held.id)).toEqual([]);
        expect(await getThreadState(post.id)).toEqual(before);
        expect(AWAITING_MODERATION).toMatch(/awaiting moderation is approved, not restored/);

        // Among removed ones in a bulk step: those come back, it stays in the queue and is not counted.
        expect(await moderateComments({ ids: [held.id, removed.id, spammed.id], action: 'restore', actor: admin })).toEqual({
          changed: [removed.id, spammed.id],
          missing: [],
          deletedByAuthor: [],
          changedMeanwhile: [],
          awaitingModeration: [held.id],
          backInQueue: [],
        });
        expect((await row(held.id)).status).toBe('pending');
        for (const id of [removed.id, spammed.id]) expect((await row(id)).status).toBe('published');
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: before.publishedCount + 2 });
        expect(await auditFor(held.id)).toEqual([]);

        // Approve is its way out, logged as an approval.
        expect(await moderateComments({ ids: [held.id], action: 'approve', actor: admin, from: 'pending' })).toMatchObject({ changed: [held.id] });
        expect(await auditFor(held.id)).toEqual([expect.objectContaining({ action: 'approve', before: 'pending', after: 'published' })]);
      });

      it('brings a comment removed while it awaited moderation back to the queue, not the thread, whoever removed it', async () => {
        const post = buildPost();
        const newcomer = await insertUser('Removed while waiting');
        const regular = await insertUser('Removed while shown');
        const deleted = await write(post, newcomer, 'Held, then deleted by a moderator.');
        const spammed = await write(post, newcomer, 'Held, then marked as spam.');
        const twice = await write(post, newcomer, 'Held, deleted, then marked as spam from Deleted.');
        const shown = await write(post, regular, 'Published, then marked as spam.', holdNobody);
        for (const held of [deleted, spammed, twice]) expect(held.status).toBe('pending');
        await moderateComments({ ids: [deleted.id, twice.id], action: 'delete', actor: admin, from: 'pending' });
        await moderateComments({ ids: [spammed.id], action: 'spam', actor: admin, from: 'pending' });
        await moderateComments({ ids: [twice.id], action: 'spam', actor: admin, from: 'deleted' });
        await moderateComments({ ids: [shown.id], action: 'spam', actor: admin, from: 'published' });
        const before = await getThreadState(post.id);

        expect(await moderateComments({ ids: [deleted.id, twice.id], action: 'restore', actor: admin })).toEqual({
          changed: [deleted.id, twice.id],
          missing: [],
          deletedByAuthor: [],
          changedMeanwhile: [],
          awaitingModeration: [],
          backInQueue: [deleted.id, twice.id],
        });
        expect(await moderateComments({ ids: [spammed.id, shown.id], action: 'restore', actor: admin, from: 'spam' })).toMatchObject({
          changed: [spammed.id, shown.id],
          backInQueue: [spammed.id],
        });
        // Back as they were: awaiting moderation, with why they were held, never seen by readers.
        for (const held of [deleted, spammed, twice]) {
          expect(await row(held.id)).toMatchObject({ status: 'pending', heldReason: 'first comment', publishedAt: null, deletedAt: null, deletedBy: null, removedFrom: null });
        }
        expect(await row(shown.id)).toMatchObject({ status: 'published', removedFrom: null });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: before.publishedCount + 1, topLevelCount: before.topLevelCount + 1 });
        expect((await auditFor(twice.id)).map(({ action, before, after }) => [action, before, after])).toEqual([
          ['delete', 'pending', 'deleted'],
          ['spam', 'deleted', 'spam'],
          ['restore', 'spam', 'pending'],
        ]);
        // Approving is still what publishes them.
        expect(await moderateComments({ ids: [deleted.id], action: 'approve', actor: admin, from: 'pending' })).toMatchObject({ changed: [deleted.id], backInQueue: [] });
        expect((await row(deleted.id)).status).toBe('published');
      });

      it('brings back where it was a comment the spam rules caught on an edit, and publishes one they caught when written', async () => {
        const post = buildPost();
        const settings = { ...defaultCommentSettings, blockWords: ['casino'] };
        const newcomer = await insertUser('Edited while waiting');
        const regular = await insertUser('Edited while shown');
        const held = await write(post, newcomer, 'Held, then edited into spam.', settings);
        const shown = await write(post, regular, 'Published, then edited into spam.', { ...settings, holdFor: 'nobody' });
        const caught = await write(post, regular, 'Written with casino in it.', { ...settings, holdFor: 'nobody' });
        expect([held.status, shown.status, caught.status]).toEqual(['pending', 'published', 'spam']);
        await editComment({ id: held.id, viewer: newcomer, body: 'Now about a casino.', settings });
        await editComment({ id: shown.id, viewer: regular, body: 'Now about a casino too.', settings: { ...settings, holdFor: 'nobody' } });
        for (const edited of [held, shown]) expect((await row(edited.id)).status).toBe('spam');

        expect(await moderateComments({ ids: [held.id, shown.id, caught.id], action: 'restore', actor: admin, from: 'spam' })).toMatchObject({
          changed: [held.id, shown.id, caught.id],
          backInQueue: [held.id],
        });
        expect((await row(held.id)).status).toBe('pending');
        // The admin read it in Spam and restored it: that is their approval.
        expect((await row(shown.id)).status).toBe('published');
        expect((await row(caught.id)).status).toBe('published');
      });

      it('leaves a comment another moderator changed since the page was drawn, and says so', async () => {
        const post = buildPost();
        const reader = await insertUser('Contested');
        const contested = await write(post, reader, 'Seen as pending by two admins.');
        const other = await write(post, reader, 'Also pending.');
        const otherAdmin = await insertUser('Other admin', 'admin');
        // Both admins drew the Pending tab; one marks the first comment as spam.
        await moderateComments({ ids: [contested.id], action: 'spam', actor: otherAdmin, from: 'pending' });
        const state = await getThreadState(post.id);
        const entries = await auditFor(contested.id);

        // The other, from the stale tab, approves both: the spam decision stands.
        expect(await moderateComments({ ids: [contested.id, other.id], action: 'approve', actor: admin, from: 'pending' })).toEqual({
          changed: [other.id],
          missing: [],
          deletedByAuthor: [],
          changedMeanwhile: [contested.id],
          awaitingModeration: [],
          backInQueue: [],
        });
        expect((await row(contested.id)).status).toBe('spam');
        expect(await auditFor(contested.id)).toEqual(entries);
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: state.publishedCount + 1, topLevelCount: state.topLevelCount + 1 });

        // From the post page, where it was drawn as published before it was marked: nothing moves either.
        expect(await moderateComments({ ids: [contested.id], action: 'delete', actor: admin, from: 'published' })).toMatchObject({
          changed: [],
          changedMeanwhile: [contested.id],
        });
        expect((await row(contested.id)).status).toBe('spam');
        expect(notModeratedMessage('412')).toMatch(/someone changed it since this page was drawn/);
        // Already where the step would take it is not someone else's change: nothing to say.
        expect(await moderateComments({ ids: [contested.id], action: 'spam', actor: admin, from: 'pending' })).toMatchObject({
          changed: [],
          changedMeanwhile: [],
        });
        // An API caller that says nothing moves it from whatever it is now, as before.
        expect(await moderateComments({ ids: [contested.id], action: 'restore', actor: admin })).toMatchObject({ changed: [contested.id] });
      });

      it('moves a contested comment once when two admins act on it at the same moment from the same tab', async () => {
        const post = buildPost();
        const reader = await insertUser('Raced twice');
        const comment = await write(post, reader, 'Approve or spam?');
        const [approved, spammed] = await Promise.all([
          moderateComments({ ids: [comment.id], action: 'approve', actor: admin, from: 'pending' }),
          moderateComments({ ids: [comment.id], action: 'spam', actor: admin, from: 'pending' }),
        ]);
        // Exactly one decision lands; the other is told someone was quicker.
        expect([...approved.changed, ...spammed.changed]).toEqual([comment.id]);
        expect([...approved.changedMeanwhile, ...spammed.changedMeanwhile]).toEqual([comment.id]);
        const entries = await auditFor(comment.id);
        expect(entries).toHaveLength(1);
        expect(entries[0]).toMatchObject({ before: 'pending' });
        expect((await row(comment.id)).status).toBe(approved.changed.length > 0 ? 'published' : 'spam');
      });

      it('counts and logs each comment once when the same approval arrives several times at once', async () => {
        const post = buildPost();
        const reader = await insertUser('Raced');
        const comments = [
          await write(post, reader, 'Approve me from two tabs.'),
          await write(post, reader, 'Me too.'),
          await write(post, reader, 'And me.'),
        ];
        const ids = comments.map((comment) => comment.id);
        const results = await Promise.all(
          Array.from({ length: 4 }, () => moderateComments({ ids, action: 'approve', actor: admin })),
        );
        expect(results.flatMap((result) => result.changed).sort((a, b) => a - b)).toEqual(ids);
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 3, topLevelCount: 3 });
        for (const id of ids) expect(await auditFor(id)).toHaveLength(1);
      });
    });

    describe('setPostClosed', () => {
      it('closes a post to new comments, with an audit entry, and reopens it', async () => {
        const post = buildPost();
        const reader = await insertUser('Closer');
        await write(post, reader, 'Before closing.', holdNobody);
        const before = await getThreadState(post.id);

        await setPostClosed({ postId: post.id, closed: true, actor: admin });
        expect(await getThreadState(post.id)).toEqual({ ...before, version: before.version + 1, closed: true });
        const attempt = write(post, reader, 'After closing.', holdNobody);
        await expect(attempt).rejects.toBeInstanceOf(CommentError);
        await expect(attempt).rejects.toMatchObject({ status: 403, message: 'Comments are closed on this post.' });
        await expect(write(post, admin, 'Not even an admin.')).rejects.toMatchObject({ status: 403 });
        expect(await getDb().comment.count({ where: { postId: post.id } })).toBe(1);

        await setPostClosed({ postId: post.id, closed: false, actor: admin });
        expect((await getThreadState(post.id)).closed).toBe(false);
        expect((await write(post, reader, 'Reopened.', holdNobody)).status).toBe('published');

        const entries = await getDb().auditEntry.findMany({
          where: { targetType: 'post', targetId: post.id },
          orderBy: { id: 'asc' },
        });
        expect(entries).toEqual([
          expect.objectContaining({ actorId: admin.id, action: 'close', before: 'open', after: 'closed' }),
          expect.objectContaining({ actorId: admin.id, action: 'reopen', before: 'closed', after: 'open' }),
        ]);
      });

      it('closes a post that has no comments yet', async () => {
        const post = buildPost();
        await setPostClosed({ postId: post.id, closed: true, actor: admin });
        expect(await getThreadState(post.id)).toEqual({
          publishedCount: 0,
          topLevelCount: 0,
          version: 1,
          closed: true,
        });
        await expect(write(post, admin, 'Closed.')).rejects.toMatchObject({
          status: 403,
          message: 'Comments are closed on this post.',
        });
      });

      it('logs each closing and reopening from the state the one before left, also when several arrive at once', async () => {
        const post = buildPost();
        const steps = [true, false, true, true, false, false, true];
        await Promise.all(steps.map((closed) => setPostClosed({ postId: post.id, closed, actor: admin })));
        await expectClosingsFollowOn(post.id, steps.length);
      });

      // SQLite writes one transaction at a time; on PostgreSQL each takes the post's turn.
      if (provider === 'postgresql') {
        it('logs the second of two closings as from closed when it was sent before the first was written', async () => {
          const post = buildPost();
          await write(post, admin, 'Gives the post its thread row.');
          // The row is held as a comment being written holds it; both closings are sent meanwhile and
          // the second must wait for the first before it reads what it closes from.
          let closings: Promise<void[]> | undefined;
          await getDb().$transaction(
            async (tx: DbTransaction) => {
              await tx.$executeRaw`SELECT 1 FROM "PostThread" WHERE "postId" = ${post.id} FOR UPDATE`;
              const first = setPostClosed({ postId: post.id, closed: true, actor: admin });
              await untilWaiting(1);
              const second = setPostClosed({ postId: post.id, closed: true, actor: admin });
              await untilWaiting(2);
              closings = Promise.all([first, second]);
            },
            { timeout: 20_000 },
          );
          await closings;
          await expectClosingsFollowOn(post.id, 2);
          expect(await getThreadState(post.id)).toMatchObject({ version: 3, closed: true });
        });
      }

      it('refuses comments on a post older than autoCloseDays', async () => {
        const old = buildPost({ date: new Date(Date.now() - 31 * 86_400_000) });
        const fresh = buildPost({ date: new Date(Date.now() - 29 * 86_400_000) });
        const settings: CommentSettings = { ...defaultCommentSettings, autoCloseDays: 30 };
        await expect(write(old, admin, 'Too late.', settings)).rejects.toMatchObject({
          status: 403,
          message: 'Comments are closed on this post.',
        });
        expect((await write(fresh, admin, 'Just in time.', settings)).status).toBe('published');
        expect((await write(old, admin, 'Never closes with 0.', { ...settings, autoCloseDays: 0 })).status).toBe(
          'published',
        );
      });
    });

    describe('the post page’s controls', () => {
      it('land back on the page they were pressed on, saying nothing changed, while the database is down', async () => {
        const post = buildPost();
        const reader = await insertUser('Outage');
        const comment = await write(post, reader, 'Up before the outage.', holdNobody);
        const page = `${post.path}?comments=2#c${comment.id}`;
        const error = vi.spyOn(console, 'error').mockImplementation(() => {});
        // A PostgreSQL server nobody listens for: refused at connect, as when the database is stopped.
        vi.stubEnv('DATABASE_URL', 'postgresql://nobody@127.0.0.1:1/quire');
        try {
          const closing = postPageLanding(page, async () => {
            await setPostClosed({ postId: post.id, closed: true, actor: admin });
            return `${post.path}#comments`;
          });
          expect(await closing).toBe(`${post.path}?comments=2&not-moderated=503#comments`);
          const spamming = postPageLanding(page, async () => {
            await moderateComments({ ids: [comment.id], action: 'spam', actor: admin });
            return `${post.path}#comments`;
          });
          expect(await spamming).toBe(`${post.path}?comments=2&not-moderated=503#comments`);
        } finally {
          vi.stubEnv('DATABASE_URL', database().url);
          error.mockRestore();
        }
        expect(notModeratedMessage('503')).toMatch(/database is not answering.*Nothing was changed/);
        expect((await row(comment.id)).status).toBe('published');
        expect((await getThreadState(post.id)).closed).toBe(false);
      });

      it('land where the work says when the database answers, and pass its refusals on', async () => {
        const post = buildPost();
        const landing = postPageLanding(post.path, async () => {
          await setPostClosed({ postId: post.id, closed: true, actor: admin });
          return `${post.path}#comments`;
        });
        expect(await landing).toBe(`${post.path}#comments`);
        expect((await getThreadState(post.id)).closed).toBe(true);
        const refused = postPageLanding(post.path, () => Promise.reject(new ModerationRefused('Not this one.')));
        await expect(refused).rejects.toThrow('Not this one.');
      });
    });

    describe('bans', () => {
      if (provider === 'postgresql') {
        it('hides a reader’s comments while a bulk step holds the older of them, without a deadlock', async () => {
          const post = buildPost();
          const reader = await insertUser('Locked out');
          // The held comment is older than the published one: a bulk step locks it first, in id order.
          const held = await write(post, reader, 'Held for a word: casino.', { ...holdNobody, moderationWords: ['casino'] });
          const shown = await write(post, reader, 'Published after it.', holdNobody);
          let ban: Promise<unknown> | undefined;
          await getDb().$transaction(
            async (tx: DbTransaction) => {
              await tx.$executeRaw`SELECT 1 FROM "Comment" WHERE "id" = ${held.id} FOR UPDATE`;
              ban = banUser({ userId: reader.id, reason: 'spam', endsAt: null, hideComments: true, actor: admin });
              await untilWaiting(1);
              // The bulk step goes on to the newer comment, as lockComments takes them in one statement.
              await tx.$executeRaw`SELECT 1 FROM "Comment" WHERE "id" = ${shown.id} FOR UPDATE`;
            },
            { timeout: 20_000 },
          );
          await expect(ban).resolves.toMatchObject({ hidden: 1 });
          expect((await row(held.id)).status).toBe('spam');
          expect((await row(shown.id)).status).toBe('spam');
        });
      }

      it('a ban that leaves the comments up still stops their author editing them', async () => {
        const post = buildPost();
        const reader = await insertUser('Quiet troll');
        const comment = await write(post, reader, 'Harmless so far.', holdNobody);
        await banUser({ userId: reader.id, reason: 'warned', endsAt: null, hideComments: false, actor: admin });
        const edit = editComment({ id: comment.id, viewer: reader, body: 'Now with insults.', settings: holdNobody });
        await expect(edit).rejects.toMatchObject({ status: 403, field: 'request', message: 'Your account may no longer comment on this blog.' });
        expect(await row(comment.id)).toMatchObject({ status: 'published', body: 'Harmless so far.' });
      });

      it('hides the published comments and spams the held ones, refuses new ones, and unbanning brings back exactly the hidden', async () => {
        const post = buildPost();
        const other = buildPost();
        const reader = await insertUser('Troll');
        const bystander = await insertUser('Bystander');
        const parent = await write(post, admin, 'Admin’s comment.');
        const top = await write(post, reader, 'A published top-level comment.', holdNobody);
        const reply = await write(post, reader, 'A published reply.', holdNobody, { parentId: parent.id });
        const elsewhere = await write(other, reader, 'On another post.', holdNobody);
        const pending = await write(post, reader, 'Held for a word: casino.', {
          ...holdNobody,
          moderationWords: ['casino'],
        });
        const spam = await write(post, reader, 'Marked as spam before the ban.', holdNobody);
        await moderateComments({ ids: [spam.id], action: 'spam', actor: admin });
        const theirs = await write(post, bystander, 'Someone else’s comment.', holdNobody);

        const postBefore = await getThreadState(post.id);
        const otherBefore = await getThreadState(other.id);
        expect(postBefore).toMatchObject({ publishedCount: 4, topLevelCount: 3 });

        const { banId, hidden } = await banUser({
          userId: reader.id,
          reason: 'trolling',
          endsAt: null,
          hideComments: true,
          actor: admin,
        });
        expect(hidden).toBe(3);
        for (const id of [top.id, reply.id, elsewhere.id])
          expect(await row(id)).toMatchObject({ status: 'spam', hiddenByBanId: banId });
        // Held ones go to spam, out of a queue an admin might clear with Approve; never seen, they stay there after the ban.
        expect(await row(pending.id)).toMatchObject({ status: 'spam', hiddenByBanId: null });
        expect(await row(spam.id)).toMatchObject({ status: 'spam', hiddenByBanId: null });
        expect(await row(theirs.id)).toMatchObject({ status: 'published', hiddenByBanId: null });
        expect(await row(parent.id)).toMatchObject({ status: 'published', hiddenByBanId: null });
        expect(await getThreadState(post.id)).toEqual({
          publishedCount: postBefore.publishedCount - 2,
          topLevelCount: postBefore.topLevelCount - 1,
          version: postBefore.version + 1,
          closed: false,
        });
        expect(await getThreadState(other.id)).toMatchObject({
          publishedCount: otherBefore.publishedCount - 1,
          topLevelCount: 0,
        });

        expect(await getActiveBan(reader.id)).toMatchObject({ id: banId, reason: 'trolling', endsAt: null });
        const refused = write(post, reader, 'Let me back in.', holdNobody);
        await expect(refused).rejects.toBeInstanceOf(CommentError);
        await expect(refused).rejects.toMatchObject({
          status: 403,
          field: 'request',
          message: 'Your account may no longer comment on this blog.',
        });
        expect((await write(post, bystander, 'Others still may.', holdNobody)).status).toBe('published');

        const banAudit = await getDb().auditEntry.findMany({ where: { targetType: 'user', targetId: reader.id } });
        expect(banAudit).toEqual([
          expect.objectContaining({
            actorId: admin.id,
            action: 'ban',
            after: 'banned',
            reason: 'trolling (hid 3 comments) (marked 1 held comment spam)',
          }),
        ]);

        const postBanned = await getThreadState(post.id);
        expect(await unbanUser({ userId: reader.id, actor: admin })).toEqual({ restored: 3 });
        for (const id of [top.id, reply.id, elsewhere.id])
          expect(await row(id)).toMatchObject({ status: 'published', hiddenByBanId: null });
        expect(await row(spam.id)).toMatchObject({ status: 'spam' });
        expect(await row(pending.id)).toMatchObject({ status: 'spam' });
        expect(await getThreadState(post.id)).toMatchObject({
          publishedCount: postBanned.publishedCount + 2,
          topLevelCount: postBanned.topLevelCount + 1,
        });
        expect(await getThreadState(other.id)).toMatchObject({
          publishedCount: otherBefore.publishedCount,
          topLevelCount: 1,
        });
        expect((await getDb().ban.findUniqueOrThrow({ where: { id: banId } })).liftedAt).toBeInstanceOf(Date);
        expect(await getActiveBan(reader.id)).toBeNull();
        expect((await write(post, reader, 'Back again.', holdNobody)).status).toBe('published');

        expect(
          await getDb().auditEntry.findMany({
            where: { targetType: 'user', targetId: reader.id },
            orderBy: { id: 'asc' },
          }),
        ).toEqual([
          expect.objectContaining({ action: 'ban' }),
          expect.objectContaining({
            actorId: admin.id,
            action: 'unban',
            before: 'banned',
            after: 'not banned',
            reason: 'restored 3 comments',
          }),
        ]);

        // Each comment the ban and the unban moved has its own history, saying why.
        const historyOf = async (id: number) =>
          (await listAuditEntries({ commentId: id })).entries
            .reverse()
            .map((entry) => ({ action: entry.action, before: entry.before, after: entry.after, reason: entry.reason }));
        expect(await historyOf(top.id)).toEqual([
          { action: 'ban', before: 'published', after: 'spam', reason: 'its author was banned: trolling' },
          { action: 'unban', before: 'spam', after: 'published', reason: 'its author’s ban was lifted' },
        ]);
        expect(await historyOf(pending.id)).toEqual([
          { action: 'ban', before: 'pending', after: 'spam', reason: 'its author was banned: trolling' },
        ]);
        expect(await historyOf(theirs.id)).toEqual([]);

        // An admin who restores the held one from Spam sends it back to the queue it was in.
        expect(await moderateComments({ ids: [pending.id], action: 'restore', actor: admin, from: 'spam' })).toMatchObject({ backInQueue: [pending.id] });
        expect(await row(pending.id)).toMatchObject({ status: 'pending', heldReason: 'word: casino' });
      });

      it('keeps a temporary ban’s hidden comments offered for restoring after it ends, and lifting it brings them back', async () => {
        const post = buildPost();
        const reader = await insertUser('Served');
        const comment = await write(post, reader, 'Hidden by a ban that ran out.', holdNobody);
        const endsAt = new Date(Date.now() - 60_000);
        const { hidden } = await banUser({ userId: reader.id, reason: 'cool off', endsAt, hideComments: true, actor: admin });
        expect(hidden).toBe(1);
        expect(await getActiveBan(reader.id)).toBeNull();
        // Ending does not bring the comments back by itself; the console must keep offering to.
        expect(await row(comment.id)).toMatchObject({ status: 'spam' });
        expect((await getBanStanding(reader.id)).ended).toEqual({ endedAt: endsAt, hidden: 1 });

        expect(await unbanUser({ userId: reader.id, actor: admin })).toEqual({ restored: 1 });
        expect(await row(comment.id)).toMatchObject({ status: 'published', hiddenByBanId: null });
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
        expect((await getBanStanding(reader.id)).ended).toBeNull();
        expect(
          await getDb().auditEntry.findFirst({ where: { targetType: 'user', targetId: reader.id, action: 'unban' } }),
        ).toMatchObject({ actorId: admin.id, before: 'ban ended', after: 'not banned', reason: 'restored 1 comment' });
      });

      it('offers nothing to restore for an ended ban that hid nothing', async () => {
        const reader = await insertUser('Lapsed');
        await banUser({ userId: reader.id, reason: 'old', endsAt: new Date(Date.now() - 60_000), hideComments: false, actor: admin });
        expect((await getBanStanding(reader.id)).ended).toBeNull();
      });

      it('refuses an admin banning themselves, whichever door asks', async () => {
        const refused = banUser({ userId: admin.id, reason: 'slip', endsAt: null, hideComments: true, actor: admin });
        await expect(refused).rejects.toBeInstanceOf(ModerationRefused);
        await expect(refused).rejects.toThrow('You cannot ban yourself.');
        expect(await getActiveBan(admin.id)).toBeNull();
      });

      it('unbanning someone who is not banned changes nothing and logs nothing', async () => {
        const reader = await insertUser('Never banned');
        expect(await unbanUser({ userId: reader.id, actor: admin })).toEqual({ restored: 0 });
        expect(await getDb().auditEntry.count({ where: { targetType: 'user', targetId: reader.id } })).toBe(0);
      });

      it('leaves comments alone without hideComments', async () => {
        const post = buildPost();
        const reader = await insertUser('Quiet');
        const comment = await write(post, reader, 'Stays up.', holdNobody);
        const before = await getThreadState(post.id);
        const { hidden } = await banUser({
          userId: reader.id,
          reason: 'rude',
          endsAt: null,
          hideComments: false,
          actor: admin,
        });
        expect(hidden).toBe(0);
        expect(await row(comment.id)).toMatchObject({ status: 'published', hiddenByBanId: null });
        expect(await getThreadState(post.id)).toEqual(before);
        await expect(write(post, reader, 'Refused.', holdNobody)).rejects.toMatchObject({ status: 403 });
        expect(await unbanUser({ userId: reader.id, actor: admin })).toEqual({ restored: 0 });
        expect(await getThreadState(post.id)).toMatchObject({
          publishedCount: before.publishedCount,
          topLevelCount: before.topLevelCount,
        });
      });

      it('leaves no comment up that was being written while the ban landed', async () => {
        const post = buildPost();
        const reader = await insertUser('Racer');
        // Side by side: each comment is either written first and hidden with the rest, or refused.
        const writing = Array.from({ length: 8 }, (_, i) => write(post, reader, `Racing the ban (${i}).`, holdNobody).catch((error: unknown) => error));
        const [banned, ...written] = await Promise.all([
          banUser({ userId: reader.id, reason: 'spam', endsAt: null, hideComments: true, actor: admin }),
          ...writing,
        ]);
        for (const outcome of written) {
          if (outcome instanceof CommentError) expect(outcome.status).toBe(403);
          else expect(outcome).toMatchObject({ status: 'published' });
        }
        expect(await getDb().comment.count({ where: { authorId: reader.id, status: 'published' } })).toBe(0);
        expect(await getDb().comment.count({ where: { authorId: reader.id, hiddenByBanId: banned.banId } })).toBe(
          written.filter((outcome) => !(outcome instanceof CommentError)).length,
        );
        // A comment allowed just before the ban and written just after it: the write asks again.
        await expect(writeComment({ post, viewer: reader, input: { body: 'Allowed a moment ago.' }, settings: holdNobody })).rejects.toMatchObject({
          status: 403,
          field: 'request',
        });
      });

      it('does not bring back a hidden comment an admin deleted during the ban', async () => {
        const post = buildPost();
        const reader = await insertUser('Deleted');
        const kept = await write(post, reader, 'Comes back.', holdNobody);
        const removed = await write(post, reader, 'Deleted while banned.', holdNobody);
        await banUser({ userId: reader.id, reason: 'spam', endsAt: null, hideComments: true, actor: admin });
        await moderateComments({ ids: [removed.id], action: 'delete', actor: admin });
        expect(await unbanUser({ userId: reader.id, actor: admin })).toEqual({ restored: 1 });
        expect((await row(kept.id)).status).toBe('published');
        expect((await row(removed.id)).status).toBe('deleted');
        // Hidden by the ban, it had no place in the pages when it was deleted, and takes none.
        expect(await getThreadState(post.id)).toMatchObject({ publishedCount: 1, topLevelCount: 1 });
      });

      it('refuses a temporarily banned reader with the end date, and lets them comment once it has passed', async () => {
        const post = buildPost();
        const reader = await insertUser('Timeout');
        const endsAt = new Date(Date.now() + 7 * 86_400_000);
        await banUser({ userId: reader.id, reason: 'cool off', endsAt, hideComments: false, actor: admin });
        await expect(write(post, reader, 'Now?', holdNobody)).rejects.toMatchObject({
          status: 403,
          message: banMessage({ endsAt }),
        });
        expect(
          await getDb().auditEntry.findFirst({ where: { targetType: 'user', targetId: reader.id } }),
        ).toMatchObject({
          action: 'ban',
          after: `banned until ${endsAt.toISOString()}`,
          reason: 'cool off',
        });

        const later = await insertUser('Expired');
        await banUser({
          userId: later.id,
          reason: 'old',
          endsAt: new Date(Date.now() - 60_000),
          hideComments: false,
          actor: admin,
        });
        expect(await getActiveBan(later.id)).toBeNull();
        expect((await write(post, later, 'My ban is over.', holdNobody)).status).toBe('published');
      });
    });
  });
}
