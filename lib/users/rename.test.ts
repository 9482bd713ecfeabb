// A reader's new display name, on each provider: what it changes, what it moves on (the cached
// pages of each thread they wrote in), and what it refuses.
import { describe, expect, it } from 'vitest';
import { createComment } from '@/lib/comments/mutations';
import { listRecentPublished } from '@/lib/comments/queries';
import { defaultCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import { buildPost, insertReader } from '@/lib/comments/test-builders';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { banUser } from '@/lib/moderation/moderate';
import { renameReader } from './rename';

const holdNobody: CommentSettings = { ...defaultCommentSettings, holdFor: 'nobody' };
const versions = async () =>
  Object.fromEntries(
    (await getDb().postThread.findMany({ select: { postId: true, version: true } })).map((t) => [t.postId, t.version]),
  );

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
