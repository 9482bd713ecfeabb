import { z } from 'zod';
import { getDb } from '@/lib/db';
import { commentSettingsSchema, getCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import type { Viewer } from '@/lib/users/accounts';
import { auditEntry } from './audit';

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

/** Save the blog's comment rules and log the change, before and after, in one transaction. */
export async function saveCommentSettings(changes: Partial<CommentSettings>, actor: Viewer): Promise<CommentSettings> {
  const before = await getCommentSettings();
  // A key given as undefined is left as it is (spread in, it would fall back to the default).
  const given = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const after = commentSettingsSchema.parse({ ...before, ...given });
  const db = getDb();
  await db.$transaction([
    db.setting.upsert({
      where: { key: 'comments' },
      update: { value: JSON.stringify(after) },
      create: { key: 'comments', value: JSON.stringify(after) },
    }),
    auditEntry({
      actorId: actor.id,
      action: 'settings',
      targetType: 'settings',
      targetId: 'comments',
      before: JSON.stringify(before),
      after: JSON.stringify(after),
    }),
  ]);
  return after;
}
