// GET /api/admin/settings — the comment rules; PUT — change some of them (logged in the audit log).
import { fieldErrors } from '@/lib/comments/schemas';
import { getCommentSettings } from '@/lib/comments/settings';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError, readJsonBody } from '@/lib/http/json';
import { saveCommentSettings, settingsUpdateSchema } from '@/lib/moderation/settings';

export const GET = adminRoute(async () =>
  Response.json(await getCommentSettings(), { headers: { 'Cache-Control': 'no-store' } }),
);

export const PUT = adminRoute(async (admin, request) => {
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const parsed = settingsUpdateSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, fieldErrors(parsed.error));
  return Response.json(await saveCommentSettings(parsed.data, admin));
});
