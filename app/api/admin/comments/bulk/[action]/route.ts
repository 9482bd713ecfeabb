// POST /api/admin/comments/bulk/approve|spam|delete|restore {ids: [], from?} — moderate many comments at once.
import { fieldErrors } from '@/lib/comments/schemas';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError, readJsonBody } from '@/lib/http/json';
import { moderateComments } from '@/lib/moderation/moderate';
import { bulkModerationSchema, moderationActionSchema } from '@/lib/moderation/schemas';

export const POST = adminRoute(async (admin, request, { params }: { params: Promise<{ action: string }> }) => {
  const action = moderationActionSchema.safeParse((await params).action);
  if (!action.success) return jsonError(404, { action: action.error.issues[0]?.message ?? 'Unknown action.' });
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const parsed = bulkModerationSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, fieldErrors(parsed.error));
  return Response.json(await moderateComments({ ...parsed.data, action: action.data, actor: admin }));
});
