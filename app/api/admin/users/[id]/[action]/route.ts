// POST /api/admin/users/{id}/ban {reason, endsAt?, hideComments?} and /api/admin/users/{id}/unban.
import { fieldErrors } from '@/lib/comments/schemas';
import { getSite } from '@/lib/content/site';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError, readJsonBody } from '@/lib/http/json';
import { banUser, ModerationRefused, unbanUser } from '@/lib/moderation/moderate';
import { banSchema } from '@/lib/moderation/schemas';
import { userExists } from '@/lib/users/accounts';

export const POST = adminRoute(async (admin, request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  const { id, action } = await params;
  if (action !== 'ban' && action !== 'unban') return jsonError(404, { action: 'The action must be ban or unban.' });
  if (!(await userExists(id))) return jsonError(404, { id: 'There is no user with that id.' });
  if (action === 'unban') return Response.json(await unbanUser({ userId: id, actor: admin }));
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const parsed = banSchema(getSite().timeZone).safeParse(body.value);
  if (!parsed.success) return jsonError(400, fieldErrors(parsed.error));
  try {
    const result = await banUser({
      userId: id,
      reason: parsed.data.reason,
      endsAt: parsed.data.endsAt ?? null,
      hideComments: parsed.data.hideComments,
      actor: admin,
    });
    return Response.json(result, { status: 201 });
  } catch (error) {
    if (error instanceof ModerationRefused) return jsonError(400, { id: error.message });
    throw error;
  }
});
