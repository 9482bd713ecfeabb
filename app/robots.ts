import type { MetadataRoute } from 'next';

// Built per request like the pages: it follows the clock (scheduled posts) and SITE_URL.
export const dynamic = 'force-dynamic';
import { getSite } from '@/lib/content/site';
import { absoluteUrl } from '@/lib/content/urls';

export default function robots(): MetadataRoute.Robots {
  const site = getSite();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/admin'] },
    sitemap: absoluteUrl(site.baseUrl, '/sitemap.xml'),
  };
}
