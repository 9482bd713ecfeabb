// The moderation queue as the admin console lists it, on each provider. Comments hang on the real
// seed post (content/posts), so the queue's post titles come from the content layer.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { deleteComment, type WrittenComment } from '@/lib/comments/mutations';
import type { CommentStatus } from '@/lib/comments/rules';
import { defaultCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import { createComment } from '@/lib/comments/test-builders';
import type { Post } from '@/lib/content/posts';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import type { Viewer } from '@/lib/users/accounts';
import { banUser, moderateComments, type ModerationAction } from './moderate';
import { countByStatus, countPending, excerptOf, countTabUpTo, listModerationQueue, listQueuePage, listTabStep, newestInTab, TAB_ACTIONS, TAB_SETTLING_MS } from './queue';

const SEED_ID = 'from-russia-with-love';
const SEED_TITLE = 'From Russia with love: Moscow and Beijing pledge closer support amid tensions with West';
const SEED_PATH = '/2016/09/from-russia-with-love';

/** A post object for createComment; only its id and date matter there. */
function buildPost(id: string): Post {
  return {
    id,
    slug: id,
    title: `Built ${id}`,
    date: new Date('2016-09-04T08:00:00Z'),
    year: 2016,
    month: 9,
    author: 'Site Owner',
    labels: [],
    summary: undefined,
    draft: false,
    commentsClosed: false,
    aliases: [],
    path: `/2016/09/${id}`,
    html: '<p>Body.</p>',
    excerptHtml: '<p>Body.</p>',
    description: 'Body.',
    file: `content/posts/${id}.md`,
  };
}

async function insertUser(name: string, role: Viewer['role'] = 'reader'): Promise<Viewer> {
  const user = await getDb().user.create({
    data: { email: `${name.toLowerCase()}@example.com`, name, role },
    select: { id: true, name: true, email: true },
  });
  return { ...user, role };
}

/** A tab as a page drawn now, after everything the tests wrote, shows it up to comment `upTo`. */
const seenNow = (upTo: number) => ({ upTo, seenAt: Date.now() + TAB_SETTLING_MS + 1 });

const holdNobody: CommentSettings = { ...defaultCommentSettings, holdFor: 'nobody' };

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`moderation queue on ${provider}`, () => {
    useTestDatabase(provider);
    let admin: Viewer;
    let ada: Viewer;
    let bob: Viewer;
    let cy: Viewer;
    const c: Record<string, WrittenComment> = {};

    beforeAll(async () => {
      const seed = buildPost(SEED_ID);
      const elsewhere = buildPost('not-a-post-file');
      const write = (post: Post, viewer: Viewer | null, body: string, settings: CommentSettings, name?: string) =>
        createComment({
          post,
          viewer,
          input: { body, ...(viewer ? {} : { name, email: 'gus@example.com', website: 'https://gus.example' }) },
          settings,
        });

      admin = await insertUser('Admin', 'admin');
      ada = await insertUser('Ada');
      bob = await insertUser('Bob');
      cy = await insertUser('Cy');

      // Ada has two approved comments and one held for a word.
      c.adaOne = await write(elsewhere, ada, 'Approved one.', holdNobody);
      c.adaTwo = await write(seed, ada, 'Approved two.', holdNobody);
      c.adaHeld = await write(seed, ada, 'Is the casino open?', { ...holdNobody, moderationWords: ['casino'] });
      // Bob's first comment waits; then he is banned for good.
      c.bobHeld = await write(seed, bob, 'First!', defaultCommentSettings);
      await banUser({ userId: bob.id, reason: 'rude', endsAt: null, hideComments: false, actor: admin });
      // Cy's ban is over; his comment on a post that has no file waits too.
      await banUser({
        userId: cy.id,
        reason: 'old',
        endsAt: new Date(Date.now() - 60_000),
        hideComments: false,
        actor: admin,
      });
      c.cyHeld = await write(elsewhere, cy, `Long ${'word '.repeat(80)}end`, defaultCommentSettings);
      c.guest = await write(
        seed,
        null,
        '  Hello\n\n  from   a guest  ',
        { ...defaultCommentSettings, whoMayComment: 'anyone' },
        'Gus',
      );
      c.spam = await write(seed, ada, 'cheap viagra', { ...holdNobody, blockWords: ['viagra'] });
      c.deleted = await write(seed, ada, 'Removed by an admin.', holdNobody);
      await moderateComments({ ids: [c.deleted.id], action: 'delete', actor: admin });
      c.takenBack = await write(seed, ada, 'Taken back by Ada.', holdNobody);
      await deleteComment({ id: c.takenBack.id, viewer: ada });
    });

    it('counts the comments in each tab', async () => {
      expect(await countByStatus()).toEqual({ published: 2, pending: 4, spam: 1, deleted: 2 });
      expect(await countPending()).toBe(4);
    });

    it('lists held comments newest first, with the post, the author’s record and why each was held', async () => {
      const { items, nextCursor } = await listModerationQueue({ status: 'pending' });
      expect(nextCursor).toBeNull();
      expect(items.map((item) => item.id)).toEqual([c.guest!.id, c.cyHeld!.id, c.bobHeld!.id, c.adaHeld!.id]);

      const [guest, cyRow, bobRow, adaRow] = items;
      expect(adaRow).toEqual({
        id: c.adaHeld!.id,
        postId: SEED_ID,
        postTitle: SEED_TITLE,
        postPath: SEED_PATH,
        status: 'pending',
        excerpt: 'Is the casino open?',
        fullText: null,
        heldReason: 'word: casino',
        createdAt: expect.any(Date),
        deletedBy: null,
        author: {
          kind: 'user',
          id: ada.id,
          name: 'Ada',
          email: 'ada@example.com',
          joinedAt: expect.any(Date),
          publishedCount: 2,
          banned: false,
        },
      });
      expect(bobRow).toMatchObject({
        postTitle: SEED_TITLE,
        heldReason: 'first comment',
        author: { kind: 'user', email: 'bob@example.com', publishedCount: 0, banned: true },
      });
      expect(cyRow).toMatchObject({
        postId: 'not-a-post-file',
        postTitle: 'not-a-post-file',
        postPath: null,
        heldReason: 'first comment',
        author: { kind: 'user', email: 'cy@example.com', publishedCount: 0, banned: false },
      });
      expect(guest).toMatchObject({
        postTitle: SEED_TITLE,
        excerpt: 'Hello from a guest',
        heldReason: 'guest',
        author: { kind: 'guest', name: 'Gus', email: 'gus@example.com', website: 'https://gus.example' },
      });
    });

    it('cuts a long comment to 240 characters in the excerpt, and gives the whole text beside it', async () => {
      const { items } = await listModerationQueue({ status: 'pending' });
      const row = items.find((item) => item.id === c.cyHeld!.id);
      const excerpt = row?.excerpt ?? '';
      expect(excerpt).toHaveLength(240);
      expect(excerpt.startsWith('Long word word')).toBe(true);
      expect(excerpt.endsWith('…')).toBe(true);
      expect(row?.fullText).toBe(`Long ${'word '.repeat(80)}end`);
    });

    it('lists the other tabs with their own rows', async () => {
      const spam = await listModerationQueue({ status: 'spam' });
      expect(spam.items).toEqual([
        expect.objectContaining({ id: c.spam!.id, heldReason: 'blocked word: viagra', status: 'spam' }),
      ]);
      const deleted = await listModerationQueue({ status: 'deleted' });
      // Each says who deleted it: its author's choice is not a moderator's to undo.
      expect(deleted.items.map((item) => [item.id, item.deletedBy])).toEqual([
        [c.takenBack!.id, 'author'],
        [c.deleted!.id, 'moderator'],
      ]);
      const published = await listModerationQueue({ status: 'published' });
      expect(published.items.map((item) => item.id)).toEqual([c.adaTwo!.id, c.adaOne!.id]);
    });

    it('pages through a tab with the cursor, without gaps or repeats', async () => {
      const first = await listModerationQueue({ status: 'pending', limit: 3 });
      expect(first.items.map((item) => item.id)).toEqual([c.guest!.id, c.cyHeld!.id, c.bobHeld!.id]);
      expect(first.nextCursor).toBe(c.bobHeld!.id);
      const second = await listModerationQueue({ status: 'pending', limit: 3, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((item) => item.id)).toEqual([c.adaHeld!.id]);
      expect(second.nextCursor).toBeNull();
      const exact = await listModerationQueue({ status: 'pending', limit: 4 });
      expect(exact.nextCursor).toBeNull();
    });

    it('stops "every comment in this tab" on a later page where the first page did, not at what came since', async () => {
      // Drawn well after the comments were written (TAB_SETTLING_MS), as a moderator's page is.
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + 2 * TAB_SETTLING_MS);
      try {
        // The first page's cut-off is its own first row.
        expect(await listQueuePage({ status: 'pending' })).toMatchObject({ upTo: { upTo: c.guest!.id }, upToCount: 4 });
        // A later page, reached from a first page drawn before the guest wrote, keeps that page's
        // cut-off, and offers only the comments up to it: the guest's is not among them.
        const later = await listQueuePage({ status: 'pending', cursor: c.cyHeld!.id, upTo: seenNow(c.cyHeld!.id) });
        expect(later.items.map((item) => item.id)).toEqual([c.bobHeld!.id, c.adaHeld!.id]);
        expect(later).toMatchObject({ upTo: { upTo: c.cyHeld!.id }, upToCount: 3 });
        // An address typed in without one stops at the newest there is.
        expect(await listQueuePage({ status: 'pending', cursor: c.cyHeld!.id })).toMatchObject({ upTo: { upTo: c.guest!.id }, upToCount: 4 });
        expect(await listQueuePage({ status: 'spam' })).toMatchObject({ upTo: { upTo: c.spam!.id }, upToCount: 1 });
      } finally {
        vi.useRealTimers();
      }
    });

    it('steps through a whole tab up to the newest comment the page knew, leaving what an action cannot move', async () => {
      expect(await newestInTab('pending')).toBe(c.guest!.id);
      expect(await newestInTab('published')).not.toBeNull();
      // Drawn when Cy's comment was the newest: the guest's, which came after, is left for the admin to see.
      expect(await listTabStep('pending', seenNow(c.cyHeld!.id), 'spam')).toEqual([c.cyHeld!.id, c.bobHeld!.id, c.adaHeld!.id]);
      expect(await countTabUpTo('pending', seenNow(c.bobHeld!.id), 'approve')).toBe(2);
      // Restore and Spam leave what Ada took back herself.
      expect(await listTabStep('deleted', seenNow(c.takenBack!.id), 'restore')).toEqual([c.deleted!.id]);
      expect(await listTabStep('deleted', seenNow(c.takenBack!.id), 'spam')).toEqual([c.deleted!.id]);
      expect(await countTabUpTo('deleted', seenNow(c.takenBack!.id), 'restore')).toBe(1);
    });
  });
}

describe('excerptOf', () => {
  it('cuts between characters, never inside an emoji', () => {
    const { excerpt, fullText } = excerptOf(`${'x'.repeat(238)}😀😀 and more`);
    expect(excerpt).toBe(`${'x'.repeat(238)}😀…`);
    expect(fullText).toBe(`${'x'.repeat(238)}😀😀 and more`);
  });

  it('gives no whole text beside a comment the excerpt holds', () => {
    expect(excerptOf('Short and\n\nsweet.')).toEqual({ excerpt: 'Short and sweet.', fullText: null });
  });
});

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`what each queue tab offers, on ${provider}`, () => {
    useTestDatabase(provider);

    it('moves every comment in a tab with each action that tab offers, and with nothing the rules would leave', async () => {
      const admin = await insertUser('Tab Admin', 'admin');
      const reader = await insertUser('Tab Reader');
      const post = buildPost('tab-actions');
      let n = 0;
      /** A comment in `status` as the queue finds it there: held, published, or removed by a moderator. */
      const inTab = async (status: CommentStatus): Promise<number> => {
        const settings = status === 'pending' ? { ...defaultCommentSettings, holdFor: 'everyone' as const } : holdNobody;
        const { id } = await createComment({ post, viewer: reader, input: { body: `In the ${status} tab, ${(n += 1)}` }, settings });
        if (status === 'spam' || status === 'deleted')
          await moderateComments({ ids: [id], action: status === 'spam' ? 'spam' : 'delete', actor: admin });
        return id;
      };
      for (const [tab, actions] of Object.entries(TAB_ACTIONS) as [CommentStatus, readonly ModerationAction[]][]) {
        for (const action of actions) {
          const id = await inTab(tab);
          const outcome = await moderateComments({ ids: [id], action, actor: admin, from: tab });
          expect(outcome.changed, `${action} in the ${tab} tab`).toEqual([id]);
        }
      }
    });
  });
}
