// "Every comment in this tab" moves the tab as the admin's page showed it: not a comment that
// entered it since, even one older than the newest shown, nor one rewritten there since.
import { describe, expect, it } from 'vitest';
import { editComment } from '@/lib/comments/mutations';
import { defaultCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import { buildPost, createComment, insertReader } from '@/lib/comments/test-builders';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { getActiveBan } from './bans';
import { banUser, moderateComments } from './moderate';
import { countTabUpTo, listQueuePage, listTabStep } from './queue';

const settings: CommentSettings = { ...defaultCommentSettings, holdFor: 'nobody', blockWords: ['casino'], moderationWords: ['lottery'] };

/** The clock moves on by a few milliseconds: what happens next is after what came before. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function statusOf(id: number) {
  return getDb().comment.findUniqueOrThrow({ where: { id }, select: { status: true, hiddenByBanId: true, body: true } });
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`a whole-tab step on ${provider}`, () => {
    useTestDatabase(provider);

    it('leaves the comments a ban hid into Spam after the page was drawn: restoring the tab does not lift the ban on them', async () => {
      const post = buildPost({ id: 'whole-tab-ban' });
      const [troll, other] = [await insertReader('Troll'), await insertReader('Other')];
      const [admin, otherAdmin] = [
        { ...(await insertReader('Admin')), role: 'admin' as const },
        { ...(await insertReader('Second Admin')), role: 'admin' as const },
      ];
      const trolls = await createComment({ post, viewer: troll, input: { body: 'Abusive words.' }, settings });
      const spam = await createComment({ post, viewer: other, input: { body: 'Visit my casino.' }, settings });
      expect([trolls.status, spam.status]).toEqual(['published', 'spam']);
      await tick();

      const drawn = await listQueuePage({ status: 'spam' });
      expect(drawn.items.map((row) => row.id)).toEqual([spam.id]);
      expect(drawn.upToCount).toBe(1);
      await tick();
      // Meanwhile another admin bans the troll and hides his comment: into Spam, with an older id.
      await banUser({ userId: troll.id, reason: 'Abuse', endsAt: null, hideComments: true, actor: otherAdmin });

      const ids = await listTabStep('spam', drawn.upTo!, 'restore');
      expect(ids).toEqual([spam.id]);
      await moderateComments({ ids, action: 'restore', actor: admin, from: 'spam' });
      expect(await statusOf(trolls.id)).toMatchObject({ status: 'spam', hiddenByBanId: expect.any(Number) });
      expect(await statusOf(spam.id)).toMatchObject({ status: 'published' });
      expect(await getActiveBan(troll.id)).not.toBeNull();
      expect(await countTabUpTo('spam', drawn.upTo!, 'restore')).toBe(0);
      // Drawn again, the page shows the hidden comment, and a step from it reaches it.
      const again = await listQueuePage({ status: 'spam' });
      expect(again.items.map((row) => row.id)).toEqual([trolls.id]);
      await tick();
      expect(await listTabStep('spam', again.upTo!, 'restore')).toEqual([trolls.id]);
    });

    it('leaves a comment its author rewrote into the Pending tab after the page was drawn: approving the tab approves only what was seen', async () => {
      const post = buildPost({ id: 'whole-tab-edit' });
      const [ada, bob] = [await insertReader('Ada'), await insertReader('Bob')];
      const adas = await createComment({ post, viewer: ada, input: { body: 'A fair point.' }, settings });
      const held = await createComment({ post, viewer: bob, input: { body: 'Win the lottery.' }, settings });
      const bobsSecond = await createComment({ post, viewer: bob, input: { body: 'And the lottery again.' }, settings });
      expect([adas.status, held.status, bobsSecond.status]).toEqual(['published', 'pending', 'pending']);
      await tick();

      const drawn = await listQueuePage({ status: 'pending' });
      expect(drawn.upToCount).toBe(2);
      await tick();
      // Meanwhile Ada's edit sends her comment back to the queue (older than the newest shown),
      // and Bob rewrites his held one: neither is what the admin saw.
      await editComment({ id: adas.id, viewer: ada, body: 'A fair point, and the lottery.', settings });
      await editComment({ id: held.id, viewer: bob, body: 'Win the lottery, at my casino site.', settings: { ...settings, blockWords: [] } });
      expect((await statusOf(adas.id)).status).toBe('pending');

      expect(await listTabStep('pending', drawn.upTo!, 'approve')).toEqual([bobsSecond.id]);
      expect(await countTabUpTo('pending', drawn.upTo!, 'approve')).toBe(1);
    });
  });
}
