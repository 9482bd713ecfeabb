// "Every comment in this tab" moves the tab as the admin's page showed it: not a comment that
// entered it since, even one older than the newest shown, nor one rewritten there since, nor one
// changed in the moments before the page was drawn, whose change may not have shown yet.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteComment, editComment } from '@/lib/comments/mutations';
import { defaultCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import { buildPost, createComment, insertReader } from '@/lib/comments/test-builders';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { getActiveBan } from './bans';
import { banUser, moderateComments } from './moderate';
import { countTabUpTo, listQueuePage, listTabStep, TAB_SETTLING_MS } from './queue';

const settings: CommentSettings = {
  ...defaultCommentSettings,
  holdFor: 'nobody',
  blockWords: ['casino'],
  moderationWords: ['lottery'],
};

/** The clock (the app's: Date) moves on by `ms`; it stands still otherwise. */
const wait = (ms: number) => vi.setSystemTime(Date.now() + ms);

async function statusOf(id: number) {
  return getDb().comment.findUniqueOrThrow({
    where: { id },
    select: { status: true, hiddenByBanId: true, body: true },
  });
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`a whole-tab step on ${provider}`, () => {
    useTestDatabase(provider);
    beforeEach(() => {
      vi.useFakeTimers({ toFake: ['Date'] });
    });
    afterEach(() => {
      vi.useRealTimers();
    });

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
      wait(2 * TAB_SETTLING_MS);

      const drawn = await listQueuePage({ status: 'spam' });
      expect(drawn.items.map((row) => row.id)).toEqual([spam.id]);
      expect(drawn.upToCount).toBe(1);
      wait(1_000);
      // Meanwhile another admin bans the troll and hides his comment: into Spam, with an older id.
      await banUser({ userId: troll.id, reason: 'Abuse', endsAt: null, hideComments: true, actor: otherAdmin });

      const ids = await listTabStep('spam', drawn.upTo!, 'restore');
      expect(ids).toEqual([spam.id]);
      await moderateComments({ ids, action: 'restore', actor: admin, from: 'spam' });
      expect(await statusOf(trolls.id)).toMatchObject({ status: 'spam', hiddenByBanId: expect.any(Number) });
      expect(await statusOf(spam.id)).toMatchObject({ status: 'published' });
      expect(await getActiveBan(troll.id)).not.toBeNull();
      expect(await countTabUpTo('spam', drawn.upTo!, 'restore')).toBe(0);
      // Drawn again once the ban has settled, the page shows the hidden comment, and a step from it reaches it.
      wait(2 * TAB_SETTLING_MS);
      const again = await listQueuePage({ status: 'spam' });
      expect(again.items.map((row) => row.id)).toEqual([trolls.id]);
      expect(await listTabStep('spam', again.upTo!, 'restore')).toEqual([trolls.id]);
    });

    it('offers, in Deleted, only what its buttons can move: not the comments their authors deleted', async () => {
      const post = buildPost({ id: 'whole-tab-deleted' });
      const [writer, admin] = [
        await insertReader('Deleted Writer'),
        { ...(await insertReader('Deleted Admin')), role: 'admin' as const },
      ];
      const removed = await createComment({
        post,
        viewer: writer,
        input: { body: 'Removed by a moderator.' },
        settings,
      });
      const taken = await createComment({
        post,
        viewer: writer,
        input: { body: 'Taken back by its author.' },
        settings,
      });
      await moderateComments({ ids: [removed.id], action: 'delete', actor: admin });
      await deleteComment({ id: taken.id, viewer: writer });
      wait(2 * TAB_SETTLING_MS);

      const drawn = await listQueuePage({ status: 'deleted' });
      expect(drawn.items.map((row) => row.id)).toEqual(expect.arrayContaining([removed.id, taken.id]));
      expect(drawn.upToCount).toBe(await countTabUpTo('deleted', drawn.upTo!, 'restore'));
      expect(drawn.upToCount).toBe(await countTabUpTo('deleted', drawn.upTo!, 'spam'));
      expect(await listTabStep('deleted', drawn.upTo!, 'restore')).not.toContain(taken.id);
    });

    it('leaves what changed in the moments before the page was drawn, whose change may not have shown on it', async () => {
      const post = buildPost({ id: 'whole-tab-settling' });
      const [writer, admin] = [
        await insertReader('Writer'),
        { ...(await insertReader('Settling Admin')), role: 'admin' as const },
      ];
      const early = await createComment({ post, viewer: writer, input: { body: 'Casino, long ago.' }, settings });
      wait(2 * TAB_SETTLING_MS);
      // Marked spam a moment before the page is drawn: its step may still be committing as the page reads the tab.
      const late = await createComment({ post, viewer: writer, input: { body: 'Published, then marked.' }, settings });
      wait(2 * TAB_SETTLING_MS);
      await moderateComments({ ids: [late.id], action: 'spam', actor: admin });
      wait(TAB_SETTLING_MS / 2);
      const drawn = await listQueuePage({ status: 'spam' });
      // (Of this test's comments: the tab holds the ones before it too.)
      const ours = (ids: number[]) => ids.filter((id) => id === early.id || id === late.id);
      expect(ours(await listTabStep('spam', drawn.upTo!, 'restore'))).toEqual([early.id]);
      wait(TAB_SETTLING_MS);
      expect(ours(await listTabStep('spam', (await listQueuePage({ status: 'spam' })).upTo!, 'restore'))).toEqual([
        late.id,
        early.id,
      ]);
    });

    it('leaves a comment its author rewrote into the Pending tab after the page was drawn: approving the tab approves only what was seen', async () => {
      const post = buildPost({ id: 'whole-tab-edit' });
      const [ada, bob] = [await insertReader('Ada'), await insertReader('Bob')];
      const adas = await createComment({ post, viewer: ada, input: { body: 'A fair point.' }, settings });
      const held = await createComment({ post, viewer: bob, input: { body: 'Win the lottery.' }, settings });
      const bobsSecond = await createComment({
        post,
        viewer: bob,
        input: { body: 'And the lottery again.' },
        settings,
      });
      expect([adas.status, held.status, bobsSecond.status]).toEqual(['published', 'pending', 'pending']);
      wait(2 * TAB_SETTLING_MS);

      const drawn = await listQueuePage({ status: 'pending' });
      expect(drawn.upToCount).toBe(2);
      wait(1_000);
      // Meanwhile Ada's edit sends her comment back to the queue (older than the newest shown),
      // and Bob rewrites his held one: neither is what the admin saw.
      await editComment({ id: adas.id, viewer: ada, body: 'A fair point, and the lottery.', settings });
      await editComment({
        id: held.id,
        viewer: bob,
        body: 'Win the lottery, at my casino site.',
        settings: { ...settings, blockWords: [] },
      });
      expect((await statusOf(adas.id)).status).toBe('pending');

      expect(await listTabStep('pending', drawn.upTo!, 'approve')).toEqual([bobsSecond.id]);
      expect(await countTabUpTo('pending', drawn.upTo!, 'approve')).toBe(1);
    });
  });
}
