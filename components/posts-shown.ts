/**
 * Marks an element as showing these posts' comments or comment counts. The page cache of
 * scripts/server.mjs reads the mark from the HTML it keeps, and when a post's comments change it
 * drops only the pages that show that post (a page without the mark goes with any change).
 */
export function postsShown(postIds: string[]): { 'data-quire-posts': string } {
  return { 'data-quire-posts': postIds.map(encodeURIComponent).join(' ') };
}
