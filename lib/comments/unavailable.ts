import { type DatabaseUnavailable, unlessDatabaseDown } from '@/lib/db/health';

export const COMMENTS_UNAVAILABLE =
  'Comments are temporarily unavailable, so your comment was not saved. Please try again in a little while.';

/** What the moderation console and its API say while the database is down. */
export const MODERATION_UNAVAILABLE =
  'The database is not answering right now. Nothing was changed; please try again in a minute.';

/** A comment read or write; with the database down, "comments are temporarily unavailable" (503). */
export function unlessCommentsDown<T>(work: () => Promise<T>): Promise<T | DatabaseUnavailable> {
  return unlessDatabaseDown(work, COMMENTS_UNAVAILABLE);
}
