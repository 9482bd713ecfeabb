import { notFound, permanentRedirect } from 'next/navigation';
import { findAliasTarget } from '@/lib/content/posts';

/**
 * Every reading route that does not recognise its address ends here: an old address named in some
 * post's `aliases` (a Blogger URL, say) moves permanently to the post; anything else is a 404.
 */
export async function notFoundOrAlias(segments: string[]): Promise<never> {
  const target = await findAliasTarget(`/${segments.join('/')}`);
  if (target) permanentRedirect(target);
  notFound();
}
