// Where the post page's moderation buttons land, on each provider. Comments hang on the real seed
// post (content/posts), so the addresses come from the content layer as the post page's do.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPost, createComment, insertReader } from '@/lib/comments/test-builders';
import { commentAddress } from '@/lib/comments/post-comment';
import { defaultCommentSettings, setCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import type { Post } from '@/lib/content/posts';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import type { Viewer } from '@/lib/users/accounts';
import { getUserProfile, landingAfterModeration } from './console';
import { banUser, moderateComments } from './moderate';

const SEED_PATH = '/2016/09/from-russia-with-love';

/** The seed post as createComment needs it; only its id, date and address matter there. */
const seed: Post = buildPost({ id: 'from-russia-with-love', slug: 'from-russia-with-love', path: SEED_PATH });

async function insertUser(name: string, role: Viewer['role'] = 'reader'): Promise<Viewer> {
  const reader = await insertReader(name);
  if (role === 'reader') return reader;
  await getDb().user.update({ where: { id: reader.id }, data: { role } });
  return { ...reader, role };
}

const holdNobody: CommentSettings = { ...defaultCommentSettings, holdFor: 'nobody' };

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`the post page's moderation landing on ${provider}`, () => {
    useTestDatabase(provider);
    let admin: Viewer;

    beforeAll(async () => {
      admin = await insertUser('Admin', 'admin');
      await setCommentSettings({ commentsPerPage: 5 });
    });

    it('lands on the page that holds a held comment once approved, not the last page where it waited', async () => {
      const newcomer = await insertUser('Newcomer');
      const regular = await insertUser('Regular');
      const held = await createComment({
        post: seed,
        viewer: newcomer,
        input: { body: 'First, and held.' },
        settings: defaultCommentSettings,
      });
      expect(held.status).toBe('pending');
      // Ten later conversations make two pages; admins see the held one on the last, where it waits.
      for (let i = 0; i < 10; i++)
        await createComment({ post: seed, viewer: regular, input: { body: `Later ${i}.` }, settings: holdNobody });
      const pressedOn = `${SEED_PATH}?comments=2`;
      expect(await commentAddress(held.id, admin)).toBe(`${pressedOn}#c${held.id}`);

      await moderateComments({ ids: [held.id], action: 'approve', actor: admin, from: 'pending' });
      // The oldest conversation: page 1, where readers now find it.
      expect(await landingAfterModeration(pressedOn, held.id, 'approve', admin)).toBe(`${SEED_PATH}#c${held.id}`);

      await moderateComments({ ids: [held.id], action: 'spam', actor: admin, from: 'published' });
      expect(await landingAfterModeration(`${SEED_PATH}#c${held.id}`, held.id, 'spam', admin)).toBe(
        `${SEED_PATH}#comments`,
      );
      await moderateComments({ ids: [held.id], action: 'restore', actor: admin, from: 'spam' });
      expect(await landingAfterModeration(pressedOn, held.id, 'restore', admin)).toBe(`${SEED_PATH}#c${held.id}`);
    });

    it('calls a comment hidden by a ban so only while the ban hides it: one a moderator deleted since is deleted', async () => {
      const banned = await insertUser('Banned');
      const kept = await createComment({
        post: seed,
        viewer: banned,
        input: { body: 'Hidden, then left.' },
        settings: holdNobody,
      });
      const removed = await createComment({
        post: seed,
        viewer: banned,
        input: { body: 'Hidden, then deleted.' },
        settings: holdNobody,
      });
      await banUser({ userId: banned.id, reason: 'spam links', endsAt: null, hideComments: true, actor: admin });
      await moderateComments({ ids: [removed.id], action: 'delete', actor: admin, from: 'spam' });

      const profile = await getUserProfile(banned.id);
      const shown = new Map(profile?.recent.map((comment) => [comment.id, [comment.status, comment.hiddenByBan]]));
      expect(shown.get(kept.id)).toEqual(['spam', true]);
      expect(shown.get(removed.id)).toEqual(['deleted', false]);
    });

    it('cuts a long comment’s excerpt on the commenter’s page between characters, never inside an emoji', async () => {
      const writer = await insertUser('Emoji');
      await createComment({
        post: seed,
        viewer: writer,
        input: { body: `${'a'.repeat(158)}😀😀 and on` },
        settings: holdNobody,
      });
      const profile = await getUserProfile(writer.id);
      expect(profile?.recent.map((comment) => comment.excerpt)).toEqual([`${'a'.repeat(158)}😀…`]);
    });
  });
}
