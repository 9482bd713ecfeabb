import { fieldErrors } from '@/lib/comments/schemas';
import { accountsTurn, bumpThread } from '@/lib/comments/mutations';
import { getDb, serializeOn, type DbTransaction } from '@/lib/db';
import { unlessDatabaseDown } from '@/lib/db/health';
import { auditEntryData } from '@/lib/moderation/audit';
import { banMessage, getActiveBan, type ActiveBan } from '@/lib/moderation/bans';
import { limitRenaming, renameRefused, tooFast } from '@/lib/rate-limits';
import type { Viewer } from './accounts';
import { nameRefusal } from './names';
import { renameSchema } from './schemas';

export const RENAMING_UNAVAILABLE = 'Your name cannot be changed right now. Please try again in a minute.';

export type RenameResult =
  | { ok: true; name: string; changed: boolean }
  | { ok: false; status: 400 | 403 | 429 | 503; errors: Record<string, string>; retryAfterSeconds?: number };

/**
 * A reader's new display name. Comments carry their author's name by reference, so every comment
 * shows the new one; but pages of comments are kept whole by their thread's version (the page
 * cache, on every instance), so each thread the reader wrote in moves on in the same transaction.
 * The log keeps the old name, so what was written under it can still be traced to the account. A
 * banned reader keeps the name they were banned under, as they keep their comments' words. The
 * same name again changes nothing and counts against no limit.
 */
export async function renameReader(input: unknown, viewer: Viewer): Promise<RenameResult> {
  const parsed = renameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { name } = parsed.data;
  if (name === viewer.name) return { ok: true, name, changed: false };
  return unlessDatabaseDown(async (): Promise<RenameResult> => {
    // Asked before the limit is counted, so a banned reader retrying hears why, not "too fast"; and
    // again in the transaction, for a ban that lands meanwhile.
    const ban = await getActiveBan(viewer.id);
    if (ban) return { ok: false, status: 403, errors: { request: banMessage(ban) } };
    const refused = await nameRefusal(name, viewer.id);
    if (refused) return { ok: false, status: 400, errors: { name: refused } };
    const limited = await limitRenaming(viewer.id);
    if (!limited.ok) return tooFast(limited);
    let bannedMeanwhile: ActiveBan | null;
    try {
      bannedMeanwhile = await getDb().$transaction(async (tx: DbTransaction): Promise<ActiveBan | null> => {
        // In turn with the account's new comments and a ban on it: a ban is seen here or comes
        // after the new name, and a first comment on another post is among the threads read below
        // or is written under the new name, so no kept page goes on showing the old one.
        await serializeOn(tx, accountsTurn(viewer.id));
        const ban = await getActiveBan(viewer.id, new Date(), tx);
        if (ban) return ban;
        const before = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } });
        await tx.user.update({ where: { id: viewer.id }, data: { name }, select: { id: true } });
        await tx.auditEntry.create({
          data: auditEntryData({
            actorId: viewer.id,
            action: 'rename',
            targetType: 'user',
            targetId: viewer.id,
            before: before.name,
            after: name,
          }),
        });
        const threads = await tx.comment.findMany({
          where: { authorId: viewer.id },
          distinct: ['postId'],
          select: { postId: true },
        });
        // In the order every writer takes the threads' rows (sorted as strings, here, not by the
        // database's collation, which may differ), so two writers never deadlock.
        for (const postId of threads.map((thread) => thread.postId).sort())
          await bumpThread(postId, { published: 0, topLevel: 0 }, tx);
        return null;
      });
    } catch (error) {
      await renameRefused(viewer.id).catch(() => {}); // nothing was saved; the counters may be down too
      throw error;
    }
    if (bannedMeanwhile) {
      await renameRefused(viewer.id).catch(() => {});
      return { ok: false, status: 403, errors: { request: banMessage(bannedMeanwhile) } };
    }
    return { ok: true, name, changed: true };
  }, RENAMING_UNAVAILABLE);
}
