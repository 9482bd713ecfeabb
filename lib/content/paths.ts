import path from 'node:path';

/** Where the blog owner's files live: CONTENT_DIR, or `content/` beside the app. */
export function contentDir(): string {
  // Read at run time, not bundled: the owner may point CONTENT_DIR anywhere.
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.CONTENT_DIR ?? 'content');
}

/**
 * A content file as messages name it: relative to the app when it lies inside it (`content/…`),
 * else as the owner wrote CONTENT_DIR, absolute, not as a climb of `../..` out of the app.
 */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
