import { fieldErrors } from '@/lib/comments/schemas';
import { bumpThread } from '@/lib/comments/mutations';
import { getDb, type DbTransaction } from '@/lib/db';
import { unlessDatabaseDown } from '@/lib/db/health';
import { limitRenaming, rateLimitMessage } from '@/lib/rate-limits';
import type { Viewer } from './accounts';
import { renameSchema } from './schemas';

const RENAMING_UNAVAILABLE = 'Your name cannot be changed right now. Please try again in a minute.';

export type RenameResult =
  | { ok: true; name: string; changed: boolean }
  | { ok: false; status: 400 | 429 | 503; errors: Record<string, string>; retryAfterSeconds?: number };

/**
 * A reader's new display name. Comments carry their author's name by reference, so every comment
 * shows the new one at once; but pages of comments are kept whole by their thread's version (the
 * page cache, on every instance), so each thread the reader wrote in moves on in the same
 * transaction. The same name again changes nothing and counts against no limit.
 */
export async function renameReader(input: unknown, viewer: Viewer): Promise<RenameResult> {
  const parsed = renameSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { name } = parsed.data;
  if (name === viewer.name) return { ok: true, name, changed: false };
  return unlessDatabaseDown(async (): Promise<RenameResult> => {
    const limited = await limitRenaming(viewer.id);
    if (!limited.ok) {
      return {
        ok: false,
        status: 429,
        errors: { request: rateLimitMessage(limited) },
        retryAfterSeconds: limited.retryAfterSeconds,
      };
    }
    await getDb().$transaction(async (tx: DbTransaction) => {
      await tx.user.update({ where: { id: viewer.id }, data: { name }, select: { id: true } });
      const threads = await tx.comment.findMany({
        where: { authorId: viewer.id },
        distinct: ['postId'],
        select: { postId: true },
        orderBy: { postId: 'asc' }, // locks taken in one order, as every writer takes them
      });
      for (const { postId } of threads) await bumpThread(postId, { published: 0, topLevel: 0 }, tx);
    });
    return { ok: true, name, changed: true };
  }, RENAMING_UNAVAILABLE);
}
