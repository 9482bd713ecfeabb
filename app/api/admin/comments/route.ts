// GET /api/admin/comments?status=pending|published|spam|deleted&cursor= — one tab of the moderation queue.
import { z } from 'zod';
import { COMMENT_STATUSES } from '@/lib/comments/rules';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError } from '@/lib/http/json';
import { listModerationQueue } from '@/lib/moderation/queue';
import { commentIdSchema, fieldErrors } from '@/lib/comments/schemas';

const querySchema = z.strictObject({
  status: z.enum(COMMENT_STATUSES, { error: `status must be one of ${COMMENT_STATUSES.join(', ')}.` }).default('pending'),
  cursor: commentIdSchema.optional(),
});

export const GET = adminRoute(async (_admin, request) => {
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return jsonError(400, fieldErrors(query.error));
  return Response.json(await listModerationQueue(query.data), { headers: { 'Cache-Control': 'no-store' } });
});
