// One post's comment feed at Blogger's address (`/feeds/{postId}/comments/default`).
import { postCommentFeedResponse } from '@/lib/comments/feed-response';

export async function GET(_request: Request, { params }: { params: Promise<{ postId: string }> }): Promise<Response> {
  return postCommentFeedResponse((await params).postId);
}
