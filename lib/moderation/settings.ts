import { z } from 'zod';
import { getDb, isUniqueViolation, type DbTransaction } from '@/lib/db';
import { commentSettingsSchema, SETTING_KEY, settingsFromStored, type CommentSettings } from '@/lib/comments/settings';
import type { Viewer } from '@/lib/users/accounts';
import { auditEntryData } from './audit';

type SettingsShape = typeof commentSettingsSchema.shape;

/**
 * A change to some of the settings, as the admin API receives it. Not `.partial()`: that fills
 * every key left out with its default, so saving one setting would reset all the others.
 */
export const settingsUpdateSchema = z.strictObject(
  Object.fromEntries(Object.entries(commentSettingsSchema.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
    [K in keyof SettingsShape]: z.ZodOptional<ReturnType<SettingsShape[K]['unwrap']>>;
  },
);

/** Another save landed between this one's read and its write. */
class SavedMeanwhile extends Error {}

/**
 * Save the blog's comment rules and log the change, before and after, in one transaction. The
 * settings are read inside it and written only if nobody saved since (their updatedAt is the
 * same), so two admins saving different fields at once keep both changes and the log tells the
 * truth about each; the later save is simply done again on top of the earlier.
 */
export async function saveCommentSettings(changes: Partial<CommentSettings>, actor: Viewer): Promise<CommentSettings> {
  // A key given as undefined is left as it is (spread in, it would fall back to the default).
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(async (tx: DbTransaction) => {
        const row = await tx.setting.findUnique({ where: { key: SETTING_KEY } });
        const before = settingsFromStored(row?.value);
        const after = commentSettingsSchema.parse({ ...before, ...given });
        const value = JSON.stringify(after);
        if (row) {
          const { count } = await tx.setting.updateMany({ where: { key: SETTING_KEY, updatedAt: row.updatedAt }, data: { value } });
          if (count === 0) throw new SavedMeanwhile();
        } else {
          await tx.setting.create({ data: { key: SETTING_KEY, value } });
        }
        await tx.auditEntry.create({
          data: auditEntryData({
            actorId: actor.id,
            action: 'settings',
            targetType: 'settings',
            targetId: SETTING_KEY,
            before: JSON.stringify(before),
            after: value,
          }),
        });
        return after;
      });
    } catch (error) {
      if (attempt < 5 && (error instanceof SavedMeanwhile || isUniqueViolation(error))) continue;
      throw error;
    }
  }
}
