// PATCH /api/comments/{id} — the author edits within the edit window; DELETE — the author removes it.
import { getViewer } from '@/lib/auth';
import { changeCommentText, removeComment } from '@/lib/comments/change-comment';
import { writtenForApi } from '@/lib/comments/mutations';
import { unlessCommentsDown } from '@/lib/comments/unavailable';
import { jsonError, readJsonBody, retryAfter } from '@/lib/http/json';

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const result = await unlessCommentsDown(async () => {
    const viewer = await getViewer();
    if (!viewer) return null;
    const body = await readJsonBody(request);
    return body.ok ? changeCommentText({ id: (await params).id, viewer, input: body.value }) : body;
  });
  if (result === null) return jsonError(401, { request: 'Sign in to edit your comment.' });
  if (!result.ok) return jsonError(result.status, result.errors, retryAfter('retryAfterSeconds' in result ? result.retryAfterSeconds : undefined));
  return Response.json({ comment: writtenForApi(result.value) });
}

export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const result = await unlessCommentsDown(async () => {
    const viewer = await getViewer();
    return viewer ? removeComment({ id: (await params).id, viewer }) : null;
  });
  if (result === null) return jsonError(401, { request: 'Sign in to delete your comment.' });
  if (!result.ok) return jsonError(result.status, result.errors);
  return Response.json({ deleted: result.value.id });
}
