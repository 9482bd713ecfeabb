import path from 'node:path';

/** Where the blog owner's files live: CONTENT_DIR, or `content/` beside the app. */
export function contentDir(): string {
  // Read at run time, not bundled: the owner may point CONTENT_DIR anywhere.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}
