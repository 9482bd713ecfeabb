import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { Sidebar } from '@/components/sidebar';
import { listPublishedPosts } from '@/lib/content/posts';

/**
 * Reading pages: the main column and the Blog Archive beside it. They render per request because
 * what a reader sees depends on the clock (a post dated tomorrow appears tomorrow without a
 * rebuild); the parsed and rendered content itself is held in memory, so a request costs lookups.
 */
export default async function SiteLayout({ children }: { children: ReactNode }) {
  await connection();
  const posts = await listPublishedPosts();
  return (
    <div className="columns">
      <main id="content" className="main-column">
        {children}
      </main>
      <Sidebar posts={posts} />
    </div>
  );
}
