import type { Metadata } from 'next';
import { JsonLd } from '@/components/json-ld';
import { PostArticle } from '@/components/post-article';
import { getPostByPath, type Post } from '@/lib/content/posts';
import { getSite, type Site } from '@/lib/content/site';
import { absoluteUrl } from '@/lib/content/urls';
import { notFoundOrAlias } from '../../../not-found-or-alias';

type Params = Promise<{ year: string; month: string; slug: string }>;

async function findPost(params: Params): Promise<Post | undefined> {
  const { year, month, slug } = await params;
  return getPostByPath(`/${year}/${month}/${slug}`);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const post = await findPost(params);
  if (!post) return {};
  return {
    title: post.title,
    description: post.description,
    authors: [{ name: post.author }],
    keywords: post.labels,
    alternates: { canonical: post.path },
    openGraph: {
      type: 'article',
      title: post.title,
      description: post.description,
      url: post.path,
      publishedTime: post.date.toISOString(),
      authors: [post.author],
      tags: post.labels,
    },
    twitter: { card: 'summary', title: post.title, description: post.description },
  };
}

function blogPosting(post: Post, site: Site) {
  const url = absoluteUrl(site.baseUrl, post.path);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: post.title,
    description: post.description,
    datePublished: post.date.toISOString(),
    author: { '@type': 'Person', name: post.author },
    publisher: { '@type': 'Organization', name: site.title },
    keywords: post.labels.join(', '),
    inLanguage: site.language,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
  };
}

export default async function PostPage({ params }: { params: Params }) {
  const post = await findPost(params);
  if (!post) {
    const { year, month, slug } = await params;
    return notFoundOrAlias([year, month, slug]);
  }
  const site = getSite();
  return (
    <>
      <PostArticle post={post} timeZone={site.timeZone} />
      <JsonLd data={blogPosting(post, site)} />
    </>
  );
}
