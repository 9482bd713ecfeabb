// The blog's comment feed at Blogger's address: the newest published comments on every post.
import { blogCommentFeedResponse } from '@/lib/comments/feed-response';

export const GET = blogCommentFeedResponse;
