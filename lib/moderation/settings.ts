import { getDb } from '@/lib/db';
import { commentSettingsSchema, getCommentSettings, type CommentSettings } from '@/lib/comments/settings';
import type { Viewer } from '@/lib/users/accounts';
import { auditEntry } from './audit';

export const settingsUpdateSchema = commentSettingsSchema.partial().strict();

/** Save the blog's comment rules and log the change, before and after, in one transaction. */
export async function saveCommentSettings(changes: Partial<CommentSettings>, actor: Viewer): Promise<CommentSettings> {
  const before = await getCommentSettings();
  const after = commentSettingsSchema.parse({ ...before, ...changes });
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
