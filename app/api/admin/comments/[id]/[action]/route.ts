// POST /api/admin/comments/{id}/approve|spam|delete|restore[?from=pending] — moderate one comment.
import { commentIdSchema } from '@/lib/comments/schemas';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError } from '@/lib/http/json';
import { AWAITING_MODERATION, DELETED_BY_AUTHOR, moderateComments } from '@/lib/moderation/moderate';
import { fromStatusSchema, moderationActionSchema } from '@/lib/moderation/schemas';

export const POST = adminRoute(async (admin, request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  const { id, action } = await params;
  const parsedAction = moderationActionSchema.safeParse(action);
  if (!parsedAction.success) return jsonError(404, { action: parsedAction.error.issues[0]?.message ?? 'Unknown action.' });
  const parsedId = commentIdSchema.safeParse(id);
  if (!parsedId.success) return jsonError(404, { id: 'There is no comment with that id.' });
  // Optional: a caller that says which status it saw moves the comment only if it is still in it.
  const from = fromStatusSchema.optional().safeParse(new URL(request.url).searchParams.get('from') ?? undefined);
  if (!from.success) return jsonError(400, { from: from.error.issues[0]?.message ?? 'Unknown status.' });
  const { changed, missing, deletedByAuthor, changedMeanwhile, awaitingModeration, backInQueue } = await moderateComments({
    ids: [parsedId.data],
    action: parsedAction.data,
    actor: admin,
    from: from.data,
  });
  if (missing.length > 0) return jsonError(404, { id: 'There is no comment with that id.' });
  if (deletedByAuthor.length > 0) return jsonError(409, { id: DELETED_BY_AUTHOR });
  if (changedMeanwhile.length > 0) return jsonError(409, { from: 'Someone changed that comment since you saw it, so it was left as it is.' });
  if (awaitingModeration.length > 0) return jsonError(409, { action: AWAITING_MODERATION });
  // `backInQueue`: a Restore brings one removed while it awaited moderation back to the queue, not the thread.
  return Response.json({ changed, backInQueue });
});
