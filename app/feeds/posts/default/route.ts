// Serves the blog's Atom feed at Blogger's own address, so old subscriptions keep working.
import { atomFeedResponse } from '@/lib/content/feed-response';

export const GET = atomFeedResponse;
