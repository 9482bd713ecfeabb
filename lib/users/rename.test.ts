// A reader's new display name, on each provider: what it changes, what it moves on (the cached
// pages of each thread they wrote in), and what it refuses.
import { describe, expect, it } from 'vitest';
import { accountsTurn, bumpThread } from '@/lib/comments/mutations';
import { listRecentPublished } from '@/lib/comments/queries';
import { defaultCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import { buildPost, createComment, insertReader } from '@/lib/comments/test-builders';
import type { Viewer } from '@/lib/users/accounts';
import { getDb, serializeOn, type DbTransaction } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { banUser } from '@/lib/moderation/moderate';
import { renameReader, type RenameResult } from './rename';

const holdNobody: CommentSettings = { ...defaultCommentSettings, holdFor: 'nobody' };
const versions = async () =>
  Object.fromEntries(
    (await getDb().postThread.findMany({ select: { postId: true, version: true } })).map((t) => [t.postId, t.version]),
  );

/**
 * Sends a rename while another of the account's writes is under way: `during` runs in a
 * transaction that holds what a comment or a ban on the account holds (its turn) and the row of a
 * thread the reader wrote in, once the rename waits on one of them; the rename then finishes.
 */
async function renameMeanwhile(
  viewer: Viewer,
  name: string,
  threadId: string,
  during: (tx: DbTransaction) => Promise<unknown>,
) {
  let renaming: Promise<RenameResult> | undefined;
  await getDb().$transaction(
    async (tx: DbTransaction) => {
      await serializeOn(tx, accountsTurn(viewer.id));
      await tx.$executeRaw`SELECT 1 FROM "PostThread" WHERE "postId" = ${threadId} FOR UPDATE`;
      renaming = renameReader({ name }, viewer);
      await untilSomethingWaits();
      await during(tx);
    },
    { timeout: 20_000 },
  );
  return renaming!;
}

async function untilSomethingWaits(): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const [row] = await getDb().$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE NOT l.granted AND a.datname = current_database()`;
    if ((row?.waiting ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the rename never waited on the write under way');
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`renaming a reader on ${provider}`, () => {
    useTestDatabase(provider, {
      env: { RATE_LIMITS: 'rename-account=3/3600', AUTH_SECRET: 'a-test-secret-for-rate-limit-keys' },
    });

    it('shows the new name on every comment and moves on each thread they wrote in, and no other', async () => {
      const ada = await insertReader('Ada');
      const bob = await insertReader('Bob');
      const [first, second, untouched] = ['first-post', 'second-post', 'untouched-post'].map((id) =>
        buildPost({ id, slug: id }),
      );
      await createComment({ post: first!, viewer: ada, input: { body: 'One.' }, settings: holdNobody });
      await createComment({ post: first!, viewer: ada, input: { body: 'Two.' }, settings: holdNobody });
      await createComment({ post: second!, viewer: ada, input: { body: 'Three.' }, settings: holdNobody });
      await createComment({ post: untouched!, viewer: bob, input: { body: 'Not Ada’s.' }, settings: holdNobody });
      const before = await versions();

      expect(await renameReader({ name: '  Ada King  ' }, ada)).toEqual({ ok: true, name: 'Ada King', changed: true });
      expect((await listRecentPublished('first-post')).map((c) => c.authorName)).toEqual(['Ada King', 'Ada King']);
      expect((await listRecentPublished('second-post')).map((c) => c.authorName)).toEqual(['Ada King']);
      expect(await versions()).toEqual({
        ...before,
        'first-post': before['first-post']! + 1,
        'second-post': before['second-post']! + 1,
      });
      const counts = await getDb().postThread.findMany({
        select: { postId: true, publishedCount: true },
        orderBy: { postId: 'asc' },
      });
      expect(counts.map((t) => t.publishedCount)).toEqual([2, 1, 1]);
    });

    it('writes the old name and the new in the log, so comments written under the old one can still be traced', async () => {
      const eve = await insertReader('Eve');
      await renameReader({ name: 'Eve Adams' }, eve);
      const logged = await getDb().auditEntry.findMany({ where: { targetType: 'user', targetId: eve.id } });
      expect(logged).toMatchObject([{ actorId: eve.id, action: 'rename', before: 'Eve', after: 'Eve Adams' }]);
    });

    it('refuses a banned reader, saying why, and counts it against no limit', async () => {
      const fay = await insertReader('Fay');
      const admin = { ...(await insertReader('Moderator')), role: 'admin' as const };
      await banUser({ userId: fay.id, reason: 'abuse', endsAt: null, hideComments: false, actor: admin });
      for (let i = 0; i < 4; i++) {
        expect(await renameReader({ name: 'Someone Else' }, fay)).toEqual({
          ok: false,
          status: 403,
          errors: { request: 'Your account may no longer comment on this blog.' },
        });
      }
      expect((await getDb().user.findUniqueOrThrow({ where: { id: fay.id } })).name).toBe('Fay');
    });

    // SQLite writes one transaction at a time; on PostgreSQL the rename takes the account's turn.
    if (provider === 'postgresql') {
      it('refuses a rename that waited on a ban being written, and counts it against no limit', async () => {
        const gil = await insertReader('Gil');
        await createComment({
          post: buildPost({ id: 'gil-post', slug: 'gil-post' }),
          viewer: gil,
          input: { body: 'Hi.' },
          settings: holdNobody,
        });
        const renamed = await renameMeanwhile(gil, 'Gil Banned', 'gil-post', (tx) =>
          tx.ban.create({ data: { userId: gil.id, reason: 'abuse' }, select: { id: true } }),
        );
        expect(renamed).toEqual({
          ok: false,
          status: 403,
          errors: { request: 'Your account may no longer comment on this blog.' },
        });
        expect((await getDb().user.findUniqueOrThrow({ where: { id: gil.id } })).name).toBe('Gil');
        // Lifted, the ban leaves the reader the whole limit (three an hour here).
        await getDb().ban.updateMany({ where: { userId: gil.id }, data: { liftedAt: new Date() } });
        for (const name of ['Gil 1', 'Gil 2', 'Gil 3']) expect((await renameReader({ name }, gil)).ok).toBe(true);
      });

      it('moves on a thread whose first comment by the reader was being written as they renamed', async () => {
        const hal = await insertReader('Hal');
        await createComment({
          post: buildPost({ id: 'hal-old', slug: 'hal-old' }),
          viewer: hal,
          input: { body: 'Old.' },
          settings: holdNobody,
        });
        const renamed = await renameMeanwhile(hal, 'Hal Renamed', 'hal-old', async (tx) => {
          await tx.comment.create({
            data: { postId: 'hal-new', authorId: hal.id, body: 'New.', html: '<p>New.</p>', publishedAt: new Date() },
            select: { id: true },
          });
          await bumpThread('hal-new', { published: 1, topLevel: 1 }, tx);
        });
        expect(renamed).toEqual({ ok: true, name: 'Hal Renamed', changed: true });
        // Written at version 1, the new thread's page was kept with "Hal"; the rename moves it on.
        expect(await versions()).toMatchObject({ 'hal-old': 2, 'hal-new': 2 });
      });
    }

    it('changes nothing for the same name, and counts it against no limit', async () => {
      const cy = await insertReader('Cy');
      await createComment({
        post: buildPost({ id: 'cy-post', slug: 'cy-post' }),
        viewer: cy,
        input: { body: 'Hi.' },
        settings: holdNobody,
      });
      const before = await versions();
      for (let i = 0; i < 5; i++)
        expect(await renameReader({ name: 'Cy' }, cy)).toEqual({ ok: true, name: 'Cy', changed: false });
      expect(await versions()).toEqual(before);
      expect((await renameReader({ name: 'Cy Young' }, cy)).ok).toBe(true);
    });

    it('refuses a blank, long or strange name, naming the field, and a fourth change within the hour', async () => {
      const di = await insertReader('Di');
      expect(await renameReader({ name: '   ' }, di)).toEqual({
        ok: false,
        status: 400,
        errors: { name: 'Enter the name to show with your comments.' },
      });
      expect(await renameReader({ name: 'x'.repeat(81) }, di)).toMatchObject({
        ok: false,
        status: 400,
        errors: { name: 'Name must be at most 80 characters.' },
      });
      expect(await renameReader({ name: 'Di\u0007' }, di)).toMatchObject({
        ok: false,
        errors: { name: 'Name must not contain control characters or line breaks.' },
      });
      expect(await renameReader({ name: 'Di', role: 'admin' }, di)).toMatchObject({ ok: false, status: 400 });
      expect((await getDb().user.findUniqueOrThrow({ where: { id: di.id } })).name).toBe('Di');

      for (const name of ['Di 1', 'Di 2', 'Di 3'])
        expect((await renameReader({ name }, { ...di, name: 'Di' })).ok).toBe(true);
      const refused = await renameReader({ name: 'Di 4' }, { ...di, name: 'Di 3' });
      expect(refused).toMatchObject({
        ok: false,
        status: 429,
        errors: { request: expect.stringMatching(/^You have changed your name several times just now\. Please wait/) },
      });
      expect((await getDb().user.findUniqueOrThrow({ where: { id: di.id } })).name).toBe('Di 3');
    });
  });
}
