// Serves the blog's Atom feed at the address feed readers guess first.
import { atomFeedResponse } from '@/lib/content/feed-response';

export const GET = atomFeedResponse;
