// The audit log as the admin console reads it, on each provider.
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import type { Viewer } from '@/lib/users/accounts';
import { setRoleByEmail } from './admins';
import { auditEntry, listAuditEntries, listLogActors } from './audit';
import { moderateComments, setPostClosed } from './moderate';

async function insertUser(name: string, role: Viewer['role']): Promise<Viewer> {
  const user = await getDb().user.create({
    data: { email: `${name.toLowerCase()}@example.com`, name, role },
    select: { id: true, name: true, email: true },
  });
  return { ...user, role };
}

async function insertComment(postId: string, status: string): Promise<number> {
  const comment = await getDb().comment.create({ data: { postId, body: 'text', html: '<p>text</p>', status } });
  return comment.id;
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`audit log on ${provider}`, () => {
    useTestDatabase(provider);
    let zoe: Viewer;
    let ann: Viewer;
    let x: number;
    let y: number;

    beforeAll(async () => {
      zoe = await insertUser('Zoe', 'admin');
      ann = await insertUser('Ann', 'admin');
      await insertUser('Reader', 'reader');
      x = await insertComment('audited-post', 'pending');
      y = await insertComment('audited-post', 'pending');

      await moderateComments({ ids: [x], action: 'approve', actor: zoe }); // 1
      await moderateComments({ ids: [y], action: 'approve', actor: zoe }); // 2
      await moderateComments({ ids: [x], action: 'spam', actor: ann, reason: 'on second look' }); // 3
      await setPostClosed({ postId: 'audited-post', closed: true, actor: zoe }); // 4
      // An entry about a user whose id happens to be comment x's id, by the system.
      await auditEntry({ actorId: null, action: 'ban', targetType: 'user', targetId: String(x) }); // 5
      // An entry by an actor whose account has since gone.
      await auditEntry({ actorId: 'gone-user-id', action: 'approve', targetType: 'comment', targetId: String(y) }); // 6
    });

    it('lists one comment’s history, newest first, with who did what', async () => {
      const { entries, nextCursor } = await listAuditEntries({ commentId: x });
      expect(nextCursor).toBeNull();
      expect(entries).toEqual([
        expect.objectContaining({
          actorId: ann.id,
          actorName: 'Ann',
          action: 'spam',
          targetType: 'comment',
          targetId: String(x),
          before: 'published',
          after: 'spam',
          reason: 'on second look',
          createdAt: expect.any(Date),
        }),
        expect.objectContaining({
          actorId: zoe.id,
          actorName: 'Zoe',
          action: 'approve',
          before: 'pending',
          after: 'published',
          reason: null,
        }),
      ]);
    });

    it('lists one admin’s actions, of every kind', async () => {
      const { entries } = await listAuditEntries({ actorId: zoe.id });
      expect(entries.map((entry) => [entry.action, entry.targetType, entry.targetId])).toEqual([
        ['close', 'post', 'audited-post'],
        ['approve', 'comment', String(y)],
        ['approve', 'comment', String(x)],
      ]);
      expect(entries.every((entry) => entry.actorName === 'Zoe')).toBe(true);
    });

    it('combines both filters', async () => {
      const { entries } = await listAuditEntries({ commentId: x, actorId: zoe.id });
      expect(entries.map((entry) => entry.action)).toEqual(['approve']);
      expect((await listAuditEntries({ commentId: y, actorId: ann.id })).entries).toEqual([]);
    });

    it('names the system and actors that no longer exist', async () => {
      const { entries } = await listAuditEntries({});
      expect(entries).toHaveLength(6);
      expect(entries[0]).toMatchObject({ actorId: 'gone-user-id', actorName: 'deleted user', targetId: String(y) });
      expect(entries[1]).toMatchObject({ actorId: null, actorName: 'system', targetType: 'user', targetId: String(x) });
      expect((await listAuditEntries({ commentId: y })).entries.map((entry) => entry.actorName)).toEqual([
        'deleted user',
        'Zoe',
      ]);
    });

    it('pages through the log with the cursor, without gaps or repeats', async () => {
      const all = (await listAuditEntries({})).entries.map((entry) => entry.id);
      const first = await listAuditEntries({ limit: 4 });
      expect(first.entries.map((entry) => entry.id)).toEqual(all.slice(0, 4));
      expect(first.nextCursor).toBe(all[3]);
      const second = await listAuditEntries({ limit: 4, cursor: first.nextCursor ?? undefined });
      expect(second.entries.map((entry) => entry.id)).toEqual(all.slice(4));
      expect(second.nextCursor).toBeNull();
    });

    it('offers the admins, and everyone who acted since demoted, to filter by, by name', async () => {
      expect(await listLogActors()).toEqual([
        { id: ann.id, name: 'Ann', role: 'admin' },
        { id: zoe.id, name: 'Zoe', role: 'admin' },
      ]);
      // A reader whose only line is renaming themself moderated nothing: not offered.
      const reader = await insertUser('Rae', 'reader');
      await auditEntry({ actorId: reader.id, action: 'rename', targetType: 'user', targetId: reader.id, before: 'Rae', after: 'Ray' });
      const dee = await insertUser('Dee', 'admin');
      await setPostClosed({ postId: 'audited-post', closed: false, actor: dee });
      await setRoleByEmail(dee.email, 'reader');
      // Demoted, Dee is still offered, and her past actions are still hers to filter by.
      expect(await listLogActors()).toEqual([
        { id: ann.id, name: 'Ann', role: 'admin' },
        { id: dee.id, name: 'Dee', role: 'reader' },
        { id: zoe.id, name: 'Zoe', role: 'admin' },
      ]);
      expect((await listAuditEntries({ actorId: dee.id })).entries).toEqual([
        expect.objectContaining({ actorName: 'Dee', action: 'reopen', targetType: 'post', targetId: 'audited-post' }),
      ]);
      // Her demotion is logged too, by the system, about her.
      expect((await listAuditEntries({ limit: 1 })).entries).toEqual([
        expect.objectContaining({
          actorId: null,
          actorName: 'system',
          action: 'demote',
          targetType: 'user',
          targetId: dee.id,
          before: 'admin',
          after: 'reader',
        }),
      ]);
    });
  });
}
