import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { ListingPage } from '@/components/listing-page';
import { listingAlternates } from '@/lib/content/alternates';
import { listPublishedPosts } from '@/lib/content/posts';
import { pageParamSchema } from '@/lib/content/route-params';
import { getSite } from '@/lib/content/site';
import { listingRedirect } from '@/lib/content/urls';

export async function generateMetadata({ params }: { params: Promise<{ page: string }> }): Promise<Metadata> {
  const page = pageParamSchema.safeParse((await params).page);
  return { robots: { index: false }, ...(page.success ? { alternates: listingAlternates(getSite(), '/', page.data) } : {}) };
}

export default async function OlderPostsPage({ params }: { params: Promise<{ page: string }> }) {
  const asked = (await params).page;
  const page = pageParamSchema.safeParse(asked);
  if (!page.success) notFound();
  const moved = listingRedirect(`/page/${asked}`, '/', page.data);
  if (moved) permanentRedirect(moved);
  return (
    <ListingPage
      posts={await listPublishedPosts()}
      basePath="/"
      page={page.data}
      heading={<h1 className="visually-hidden">Older posts, page {page.data}</h1>}
    />
  );
}
