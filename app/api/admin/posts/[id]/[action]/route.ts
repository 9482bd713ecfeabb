// POST /api/admin/posts/{id}/close|reopen — stop or resume new comments on a post.
import { getPostById } from '@/lib/content/posts';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError } from '@/lib/http/json';
import { setPostClosed } from '@/lib/moderation/moderate';

export const POST = adminRoute(async (admin, _request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  const { id, action } = await params;
  if (action !== 'close' && action !== 'reopen') return jsonError(404, { action: 'The action must be close or reopen.' });
  const post = await getPostById(id);
  if (!post) return jsonError(404, { id: 'There is no post with that id.' });
  await setPostClosed({ postId: post.id, closed: action === 'close', actor: admin });
  return Response.json({ postId: post.id, closed: action === 'close' });
});
