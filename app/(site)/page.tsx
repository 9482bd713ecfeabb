import type { Metadata } from 'next';
import { ListingPage } from '@/components/listing-page';
import { listingAlternates } from '@/lib/content/alternates';
import { listPublishedPosts } from '@/lib/content/posts';
import { getSite } from '@/lib/content/site';

export function generateMetadata(): Metadata {
  return { alternates: listingAlternates(getSite(), '/', 1) };
}

export default async function HomePage() {
  return (
    <ListingPage
      posts={await listPublishedPosts()}
      basePath="/"
      page={1}
      heading={<h1 className="visually-hidden">Latest posts</h1>}
    />
  );
}
