// GET /api/admin/settings — the comment rules; PUT — change some of them (logged in the audit log).
import { fieldErrors } from '@/lib/comments/schemas';
import { getCommentSettings } from '@/lib/comments/settings';
import { adminOrRefusal } from '@/lib/http/admin-guard';
import { jsonError, readJsonBody } from '@/lib/http/json';
import { saveCommentSettings, settingsUpdateSchema } from '@/lib/moderation/settings';

export async function GET(): Promise<Response> {
  const admin = await adminOrRefusal();
  if (admin instanceof Response) return admin;
  return Response.json(await getCommentSettings(), { headers: { 'Cache-Control': 'no-store' } });
}

export async function PUT(request: Request): Promise<Response> {
  const admin = await adminOrRefusal();
  if (admin instanceof Response) return admin;
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const parsed = settingsUpdateSchema.safeParse(body.value);
  if (!parsed.success) return jsonError(400, fieldErrors(parsed.error));
  return Response.json(await saveCommentSettings(parsed.data, admin));
}
