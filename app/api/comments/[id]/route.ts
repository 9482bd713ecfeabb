// PATCH /api/comments/{id} — the author edits within the edit window; DELETE — the author removes it.
import { getViewer } from '@/lib/auth';
import { changeCommentText, removeComment } from '@/lib/comments/change-comment';
import { jsonError, readJsonBody } from '@/lib/http/json';

type Context = { params: Promise<{ id: string }> };

export async function PATCH(request: Request, { params }: Context): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, { request: 'Sign in to edit your comment.' });
  const body = await readJsonBody(request);
  if (!body.ok) return jsonError(body.status, body.errors);
  const result = await changeCommentText({ id: (await params).id, viewer, input: body.value });
  if (!result.ok) return jsonError(result.status, result.errors);
  const { value: comment } = result;
  return Response.json({
    comment: {
      id: comment.id,
      postId: comment.postId,
      parentId: comment.parentId,
      status: comment.status,
      authorName: comment.authorName,
      html: comment.html,
      createdAt: comment.createdAt,
      editedAt: comment.editedAt,
    },
  });
}

export async function DELETE(_request: Request, { params }: Context): Promise<Response> {
  const viewer = await getViewer();
  if (!viewer) return jsonError(401, { request: 'Sign in to delete your comment.' });
  const result = await removeComment({ id: (await params).id, viewer });
  if (!result.ok) return jsonError(result.status, result.errors);
  return Response.json({ deleted: result.value.id });
}
