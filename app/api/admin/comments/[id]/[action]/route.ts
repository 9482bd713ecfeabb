// POST /api/admin/comments/{id}/approve|spam|delete|restore — moderate one comment.
import { commentIdSchema } from '@/lib/comments/schemas';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError } from '@/lib/http/json';
import { DELETED_BY_AUTHOR, moderateComments } from '@/lib/moderation/moderate';
import { moderationActionSchema } from '@/lib/moderation/schemas';

export const POST = adminRoute(async (admin, _request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  const { id, action } = await params;
  const parsedAction = moderationActionSchema.safeParse(action);
  if (!parsedAction.success) return jsonError(404, { action: parsedAction.error.issues[0]?.message ?? 'Unknown action.' });
  const parsedId = commentIdSchema.safeParse(id);
  if (!parsedId.success) return jsonError(404, { id: 'There is no comment with that id.' });
  const { changed, missing, deletedByAuthor } = await moderateComments({ ids: [parsedId.data], action: parsedAction.data, actor: admin });
  if (missing.length > 0) return jsonError(404, { id: 'There is no comment with that id.' });
  if (deletedByAuthor.length > 0) return jsonError(409, { id: DELETED_BY_AUTHOR });
  return Response.json({ changed });
});
