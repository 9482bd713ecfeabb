// Saving the blog's comment rules from the admin console: the change is stored and logged.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultCommentSettings,
  getCommentSettings,
  setCommentSettings,
  type CommentSettings,
} from '@/lib/comments/settings';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import type { Viewer } from '@/lib/users/accounts';
import { changedSettings, saveCommentSettings, SettingsChangedMeanwhile, settingsUpdateSchema } from './settings';

describe('settingsUpdateSchema', () => {
  it('keeps only the settings that were sent, so the others are not reset to their defaults', () => {
    expect(settingsUpdateSchema.parse({ holdLinkCount: 5 })).toEqual({ holdLinkCount: 5 });
    expect(settingsUpdateSchema.parse({})).toEqual({});
    expect(settingsUpdateSchema.parse({ moderationWords: [' casino '], holdFor: 'everyone' })).toEqual({
      moderationWords: ['casino'],
      holdFor: 'everyone',
    });
  });

  it('tells which settings a form changed from the ones it was drawn with', () => {
    const drawn = { ...defaultCommentSettings, blockWords: ['casino'] };
    expect(changedSettings(drawn, { ...drawn })).toEqual([]);
    expect(changedSettings(drawn, { ...drawn, blockWords: ['casino', 'viagra'], holdFor: 'nobody' })).toEqual(['holdFor', 'blockWords']);
    expect(changedSettings(drawn, { holdLinkCount: 2, autoCloseDays: undefined })).toEqual([]);
  });

  it('refuses unknown settings and invalid values', () => {
    expect(settingsUpdateSchema.safeParse({ holdLinks: 5 }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ holdLinkCount: -1 }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ holdLinkCount: 1.5 }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ holdFor: 'strangers' }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ moderationWords: [''] }).success).toBe(false);
    expect(settingsUpdateSchema.safeParse({ autoCloseDays: 36_501 }).success).toBe(false);
  });
});

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`saveCommentSettings on ${provider}`, () => {
    useTestDatabase(provider);
    let admin: Viewer;

    beforeAll(async () => {
      const user = await getDb().user.create({
        data: { email: `settings-admin-${provider}@example.com`, name: 'Settings Admin', role: 'admin' },
        select: { id: true, name: true, email: true },
      });
      admin = { ...user, role: 'admin' };
    });
    beforeEach(async () => {
      await setCommentSettings(defaultCommentSettings);
      await getDb().auditEntry.deleteMany();
    });

    it('stores the change over the current settings and logs before and after as JSON', async () => {
      const saved = await saveCommentSettings({ holdLinkCount: 5, moderationWords: ['casino'] }, admin);
      const expected: CommentSettings = { ...defaultCommentSettings, holdLinkCount: 5, moderationWords: ['casino'] };
      expect(saved).toEqual(expected);
      expect(await getCommentSettings()).toEqual(expected);

      const entries = await getDb().auditEntry.findMany();
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry).toMatchObject({
        actorId: admin.id,
        action: 'settings',
        targetType: 'settings',
        targetId: 'comments',
      });
      expect(JSON.parse(entry?.before ?? 'null')).toEqual(defaultCommentSettings);
      expect(JSON.parse(entry?.after ?? 'null')).toEqual(expected);
    });

    it('logs each save against the settings the previous one left', async () => {
      await saveCommentSettings({ holdFor: 'everyone' }, admin);
      await saveCommentSettings({ blockWords: ['viagra'] }, admin);
      const [first, second] = await getDb().auditEntry.findMany({ orderBy: { id: 'asc' } });
      expect(JSON.parse(second?.before ?? 'null')).toEqual(JSON.parse(first?.after ?? 'null'));
      expect(JSON.parse(second?.after ?? 'null')).toEqual({
        ...defaultCommentSettings,
        holdFor: 'everyone',
        blockWords: ['viagra'],
      });
    });

    it('keeps both changes when two admins save different settings at the same moment', async () => {
      await Promise.all([
        saveCommentSettings({ holdFor: 'everyone' }, admin),
        saveCommentSettings({ holdLinkCount: 7 }, admin),
        saveCommentSettings({ moderationWords: ['casino'] }, admin),
      ]);
      expect(await getCommentSettings()).toEqual({
        ...defaultCommentSettings,
        holdFor: 'everyone',
        holdLinkCount: 7,
        moderationWords: ['casino'],
      });
      // The log reads as one save after another: each starts from what the one before left.
      const entries = await getDb().auditEntry.findMany({ orderBy: { id: 'asc' } });
      expect(entries).toHaveLength(3);
      expect(JSON.parse(entries[0]?.before ?? 'null')).toEqual(defaultCommentSettings);
      for (let i = 1; i < entries.length; i++) {
        expect(JSON.parse(entries[i]?.before ?? 'null')).toEqual(JSON.parse(entries[i - 1]?.after ?? 'null'));
      }
    });

    it('keeps the other settings when a change comes through the admin API’s schema', async () => {
      await saveCommentSettings(
        settingsUpdateSchema.parse({ moderationWords: ['casino'], holdFor: 'everyone' }),
        admin,
      );
      await saveCommentSettings(settingsUpdateSchema.parse({ holdLinkCount: 3 }), admin);
      expect(await getCommentSettings()).toEqual({
        ...defaultCommentSettings,
        moderationWords: ['casino'],
        holdFor: 'everyone',
        holdLinkCount: 3,
      });
    });

    it('writes and logs nothing for a save that changes nothing', async () => {
      await saveCommentSettings({ holdFor: 'nobody' }, admin);
      const stored = await getDb().setting.findUniqueOrThrow({ where: { key: 'comments' } });
      const drawn = await getCommentSettings();
      expect(await saveCommentSettings({ ...drawn }, admin, drawn)).toEqual(drawn);
      expect(await saveCommentSettings({ holdFor: 'nobody' }, admin)).toEqual(drawn);
      expect(await getDb().setting.findUniqueOrThrow({ where: { key: 'comments' } })).toEqual(stored);
      expect(await getDb().auditEntry.count()).toBe(1);
    });

    it('treats a setting given as undefined as unchanged', async () => {
      await saveCommentSettings({ holdFor: 'nobody' }, admin);
      expect(await saveCommentSettings({ holdFor: undefined, autoCloseDays: 90 }, admin)).toEqual({
        ...defaultCommentSettings,
        holdFor: 'nobody',
        autoCloseDays: 90,
      });
    });

    it('saves from a form only what its admin changed, keeping what another admin saved since it was drawn', async () => {
      const drawn = await getCommentSettings();
      await saveCommentSettings({ blockWords: ['viagra'], editWindowMinutes: 45 }, admin);
      // The form sends every field: as drawn, but for the reply depth.
      const saved = await saveCommentSettings({ ...drawn, maxReplyDepth: 5 }, admin, drawn);
      expect(saved).toEqual({ ...defaultCommentSettings, blockWords: ['viagra'], editWindowMinutes: 45, maxReplyDepth: 5 });
      expect(await getCommentSettings()).toEqual(saved);
    });

    it('refuses a form’s change to a setting another admin changed since it was drawn, naming it, and writes nothing', async () => {
      const drawn = await getCommentSettings();
      await saveCommentSettings({ editWindowMinutes: 45 }, admin);
      const entries = await getDb().auditEntry.count();
      const attempt = saveCommentSettings({ ...drawn, editWindowMinutes: 30, holdLinkCount: 5 }, admin, drawn);
      await expect(attempt).rejects.toBeInstanceOf(SettingsChangedMeanwhile);
      await expect(attempt).rejects.toMatchObject({
        settings: ['editWindowMinutes'],
        now: { ...defaultCommentSettings, editWindowMinutes: 45 },
      });
      expect(await getCommentSettings()).toEqual({ ...defaultCommentSettings, editWindowMinutes: 45 });
      expect(await getDb().auditEntry.count()).toBe(entries);

      // Drawn again with what is stored now, the admin's choice is saved on purpose.
      const now = await getCommentSettings();
      expect(await saveCommentSettings({ ...now, editWindowMinutes: 30, holdLinkCount: 5 }, admin, now)).toMatchObject({
        editWindowMinutes: 30,
        holdLinkCount: 5,
      });
    });

    it('saves a form’s word-list change over a list stored with repeats, as the form reads it', async () => {
      // An older save through the API kept the same word twice, in two cases.
      await getDb().setting.update({ where: { key: 'comments' }, data: { value: JSON.stringify({ moderationWords: ['viagra', 'Viagra', ' pills '] }) } });
      const drawn = await getCommentSettings();
      expect(drawn.moderationWords).toEqual(['viagra', 'pills']);
      const saved = await saveCommentSettings({ ...drawn, moderationWords: ['viagra', 'pills', 'casino'] }, admin, drawn);
      expect(saved.moderationWords).toEqual(['viagra', 'pills', 'casino']);
      // The API's lists come out the same way.
      expect(settingsUpdateSchema.parse({ blockWords: ['Casino', 'casino ', 'dice'] })).toEqual({ blockWords: ['Casino', 'dice'] });
      expect(settingsUpdateSchema.safeParse({ blockWords: ['two\nwords'] }).success).toBe(false);
    });

    it('saves a form’s change another admin also made meanwhile: both wanted the same', async () => {
      const drawn = await getCommentSettings();
      await saveCommentSettings({ holdFor: 'everyone' }, admin);
      expect(await saveCommentSettings({ ...drawn, holdFor: 'everyone', autoCloseDays: 30 }, admin, drawn)).toEqual({
        ...defaultCommentSettings,
        holdFor: 'everyone',
        autoCloseDays: 30,
      });
    });

    it('refuses an invalid change and writes nothing', async () => {
      await expect(saveCommentSettings({ holdLinkCount: -3 }, admin)).rejects.toThrow();
      expect(await getCommentSettings()).toEqual(defaultCommentSettings);
      expect(await getDb().auditEntry.count()).toBe(0);
    });
  });
}
