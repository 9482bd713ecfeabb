import type { MetadataRoute } from 'next';

// Built per request like the pages: it follows the clock (scheduled posts) and SITE_URL.
export const dynamic = 'force-dynamic';
import { buildArchive, countLabels } from '@/lib/content/listing';
import { listPublishedPosts } from '@/lib/content/posts';
import { getSite } from '@/lib/content/site';
import { absoluteUrl, labelPath, monthPath, yearPath } from '@/lib/content/urls';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = getSite();
  const posts = await listPublishedPosts();
  const url = (pathname: string) => absoluteUrl(site.baseUrl, pathname);
  return [
    { url: url('/'), lastModified: posts[0]?.date, changeFrequency: 'daily', priority: 1 },
    ...posts.map((post) => ({ url: url(post.path), lastModified: post.date, changeFrequency: 'weekly' as const, priority: 0.8 })),
    ...buildArchive(posts).flatMap((year) => [
      { url: url(yearPath(year.year)) },
      ...year.months.map((m) => ({ url: url(monthPath(m.year, m.month)) })),
    ]),
    ...countLabels(posts).map(({ label }) => ({ url: url(labelPath(label)) })),
  ];
}
