import { isDatabaseDown } from '@/lib/db/health';

export const COMMENTS_UNAVAILABLE =
  'Comments are temporarily unavailable, so your comment was not saved. Please try again in a little while.';

/** What the moderation console and its API say while the database is down. */
export const MODERATION_UNAVAILABLE =
  'The database is not answering right now. Nothing was changed; please try again in a minute.';

/** What a comment door answers while the database is down: 503, and a message for the reader. */
export interface CommentsUnavailable {
  ok: false;
  status: 503;
  errors: { request: string };
}

export function isUnavailable(value: unknown): value is CommentsUnavailable {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    value.status === 503 &&
    'ok' in value &&
    value.ok === false
  );
}

/**
 * Runs a comment read or write; if it fails because the database is down, answers "temporarily
 * unavailable" (`message`) instead of throwing, so the form can keep what was typed and the API can
 * say 503. Any other failure (a redirect too) is thrown as before.
 */
export async function unlessDatabaseDown<T>(
  work: () => Promise<T>,
  message: string = COMMENTS_UNAVAILABLE,
): Promise<T | CommentsUnavailable> {
  try {
    return await work();
  } catch (error) {
    if (!(await isDatabaseDown(error))) throw error;
    console.error(
      'the database is unavailable:',
      error instanceof Error ? error.message.trim().split('\n').at(-1) : error,
    );
    return { ok: false, status: 503, errors: { request: message } };
  }
}
