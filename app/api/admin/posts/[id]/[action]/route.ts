// POST /api/admin/posts/{id}/close|reopen — stop or resume new comments on a post.
import { getPostById } from '@/lib/content/posts';
import { adminRoute } from '@/lib/http/admin-guard';
import { jsonError } from '@/lib/http/json';
import { ModerationRefused, setPostClosed } from '@/lib/moderation/moderate';

export const POST = adminRoute(async (admin, _request, { params }: { params: Promise<{ id: string; action: string }> }) => {
  const { id, action } = await params;
  if (action !== 'close' && action !== 'reopen') return jsonError(404, { action: 'The action must be close or reopen.' });
  const post = await getPostById(id);
  if (!post) return jsonError(404, { id: 'There is no post with that id.' });
  try {
    await setPostClosed({ postId: post.id, closed: action === 'close', actor: admin });
  } catch (error) {
    // Its front matter or its age keeps the post closed: answered as such, not as reopened.
    if (error instanceof ModerationRefused) return jsonError(409, { request: error.message });
    throw error;
  }
  return Response.json({ postId: post.id, closed: action === 'close' });
});
