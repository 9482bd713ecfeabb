import { buildAtomFeed } from './feed';
import { listPublishedPosts } from './posts';
import { getSite } from './site';

export async function atomFeedResponse(): Promise<Response> {
  const xml = buildAtomFeed(getSite(), await listPublishedPosts());
  return new Response(xml, {
    headers: {
      'Content-Type': 'application/atom+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=0, s-maxage=300, stale-while-revalidate=3600',
    },
  });
}
