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

type Setting = keyof CommentSettings;

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The settings in `changes` that differ from `seen`: what an admin changed on a form drawn with `seen`. */
export function changedSettings(seen: CommentSettings, changes: Partial<CommentSettings>): Setting[] {
  return (Object.keys(changes) as Setting[]).filter((key) => changes[key] !== undefined && !sameValue(changes[key], seen[key]));
}

/**
 * A save refused because another admin changed some of the same settings since the form was
 * drawn: `settings` names them, `now` is what is stored now. Nothing was written.
 */
export class SettingsChangedMeanwhile extends Error {
  constructor(
    readonly settings: Setting[],
    readonly now: CommentSettings,
  ) {
    super(`Another admin changed ${settings.join(', ')} meanwhile.`);
    this.name = 'SettingsChangedMeanwhile';
  }
}

/**
 * Save the blog's comment rules and log the change, before and after, in one transaction. The
 * settings are read inside it and written only if nobody saved since (their updatedAt is the
 * same), so two admins saving different fields at once keep both changes and the log tells the
 * truth about each; the later save is simply done again on top of the earlier.
 *
 * `seen` is what the admin's form was drawn with (it sends every field): only the settings that
 * differ from it are saved, so a form opened before another admin's save does not put back what
 * they changed. If the admin changed a setting that someone else also changed since, to another
 * value, nothing is saved and SettingsChangedMeanwhile names it: neither change silently wins.
 */
export async function saveCommentSettings(changes: Partial<CommentSettings>, actor: Viewer, seen?: CommentSettings): Promise<CommentSettings> {
  const keys = seen ? changedSettings(seen, changes) : (Object.keys(changes) as Setting[]);
  // A key given as undefined is left as it is (spread in, it would fall back to the default).
  const given: Partial<CommentSettings> = Object.fromEntries(keys.filter((key) => changes[key] !== undefined).map((key) => [key, changes[key]]));
  for (let attempt = 1; ; attempt++) {
    try {
      return await getDb().$transaction(async (tx: DbTransaction) => {
        const row = await tx.setting.findUnique({ where: { key: SETTING_KEY } });
        const before = settingsFromStored(row?.value);
        if (seen) {
          const clashes = (Object.keys(given) as Setting[]).filter((key) => !sameValue(before[key], seen[key]) && !sameValue(before[key], given[key]));
          if (clashes.length > 0) throw new SettingsChangedMeanwhile(clashes, before);
        }
        const after = commentSettingsSchema.parse({ ...before, ...given });
        const value = JSON.stringify(after);
        // A save that changes nothing writes nothing: no log entry saying "no change", and no new
        // time on the row, which would drop every page the page cache keeps.
        if (value === JSON.stringify(before)) return after;
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
