import { notFound } from 'next/navigation';
import { ListingPage } from '@/components/listing-page';
import { listPublishedPosts } from '@/lib/content/posts';
import { pageParamSchema } from '@/lib/content/route-params';

export const metadata = { robots: { index: false } };

export default async function OlderPostsPage({ params }: { params: Promise<{ page: string }> }) {
  const page = pageParamSchema.safeParse((await params).page);
  if (!page.success) notFound();
  return (
    <ListingPage
      posts={await listPublishedPosts()}
      basePath="/"
      page={page.data}
      heading={<h1 className="visually-hidden">Older posts, page {page.data}</h1>}
    />
  );
}
