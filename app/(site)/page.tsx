import { ListingPage } from '@/components/listing-page';
import { listPublishedPosts } from '@/lib/content/posts';

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
