import type { Metadata } from 'next';
import { permanentRedirect } from 'next/navigation';
import { ListingPage } from '@/components/listing-page';
import { listingAlternates } from '@/lib/content/alternates';
import { formatMonth } from '@/lib/content/dates';
import { findLabel, postsInMonth, postsWithLabel } from '@/lib/content/listing';
import { listPublishedPosts, type Post } from '@/lib/content/posts';
import { getSite } from '@/lib/content/site';
import { labelParamSchema, monthParamSchema, pageParamSchema, yearParamSchema } from '@/lib/content/route-params';
import { labelPath, listingRedirect, monthPath, yearPath } from '@/lib/content/urls';
import { notFoundOrAlias } from './not-found-or-alias';

/**
 * The label and date archives share one shape: parse the address, pick the posts, show a page of
 * them under a "Showing posts…" heading. Each route file only says which archive it is.
 */
type Segments = { year?: string; month?: string; label?: string; page?: string };

interface Archive {
  title: string;
  basePath: string;
  page: number;
  select: (posts: Post[]) => Post[];
}

function parseArchive(segments: Segments, posts: Post[]): Archive | undefined {
  const page = segments.page === undefined ? { success: true as const, data: 1 } : pageParamSchema.safeParse(segments.page);
  if (!page.success) return undefined;
  if (segments.label !== undefined) {
    const asked = labelParamSchema.safeParse(segments.label);
    if (!asked.success) return undefined;
    // "china" and "CHINA" are the blog's "China": one heading and one address, which other spellings move to.
    const label = findLabel(posts, asked.data) ?? asked.data;
    return {
      title: `Showing posts with label ${label}`,
      basePath: labelPath(label),
      page: page.data,
      select: (posts) => postsWithLabel(posts, label),
    };
  }
  const year = yearParamSchema.safeParse(segments.year);
  if (!year.success) return undefined;
  if (segments.month === undefined) {
    return {
      title: `Showing posts from ${year.data}`,
      basePath: yearPath(year.data),
      page: page.data,
      select: (posts) => postsInMonth(posts, year.data),
    };
  }
  const month = monthParamSchema.safeParse(segments.month);
  if (!month.success) return undefined;
  return {
    title: `Showing posts from ${formatMonth(year.data, month.data)} ${year.data}`,
    basePath: monthPath(year.data, month.data),
    page: page.data,
    select: (posts) => postsInMonth(posts, year.data, month.data),
  };
}

export async function archiveMetadata({ params }: { params: Promise<Segments> }): Promise<Metadata> {
  const archive = parseArchive(await params, await listPublishedPosts());
  return archive ? { title: archive.title, alternates: listingAlternates(getSite(), archive.basePath, archive.page) } : {};
}

/** The address asked for, segment by segment. */
function requestedSegments(segments: Segments): string[] {
  return [segments.label && 'label', segments.label, segments.year, segments.month, segments.page && 'page', segments.page].filter(
    (s): s is string => Boolean(s),
  );
}

export async function ArchivePage({ params }: { params: Promise<Segments> }) {
  const segments = await params;
  const posts = await listPublishedPosts();
  const archive = parseArchive(segments, posts);
  if (!archive) return notFoundOrAlias(requestedSegments(segments));
  const moved = listingRedirect(`/${requestedSegments(segments).join('/')}`, archive.basePath, archive.page);
  if (moved) permanentRedirect(moved);
  return (
    <ListingPage
      posts={archive.select(posts)}
      basePath={archive.basePath}
      page={archive.page}
      heading={<h1 className="status-message">{archive.title}</h1>}
    />
  );
}
