import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { NotAllowedError, readerCameFrom, requireAdmin, type Viewer } from '@/lib/auth';
import { MODERATION_UNAVAILABLE } from '@/lib/comments/unavailable';
import { isDatabaseDown, isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import type { AdminFormState } from './form-state';

/**
 * The admin reading an admin page. A signed-out visitor is sent to sign in and brought back; a
 * signed-in reader gets the ordinary 404, so the console does not even admit it exists. While the
 * database is out of reach nobody can be told apart, and every console page needs it: the visitor
 * goes to a page saying so, with a way back here (an error here would be a blank server error).
 * Each page calls this itself: a layout is not re-run on every navigation, so it cannot guard.
 */
export async function adminForPage(returnTo: string): Promise<Viewer> {
  try {
    return await requireAdmin();
  } catch (error) {
    if (await isDatabaseDown(error)) redirect(consoleUnavailableHref(returnTo));
    if (!(error instanceof NotAllowedError)) throw error;
    if (error.status === 401) redirect(`/signin?returnTo=${encodeURIComponent(returnTo)}`);
    notFound();
  }
}

/** The page saying the console cannot be shown while the database is down, and where "Try again" goes. */
export function consoleUnavailableHref(returnTo: string): string {
  return `/admin/unavailable?returnTo=${encodeURIComponent(returnTo)}`;
}

/**
 * The admin behind a server action, or the refusal to show. Actions are public endpoints (anyone
 * can post to them), so every one checks again instead of trusting the page that rendered its form.
 */
export async function adminForAction(): Promise<{ ok: true; admin: Viewer } | { ok: false; status: 401 | 403; message: string }> {
  try {
    return { ok: true, admin: await requireAdmin() };
  } catch (error) {
    if (!(error instanceof NotAllowedError)) throw error;
    if (error.status === 401) await signInAgainWithoutScript();
    return { ok: false, status: error.status, message: error.message };
  }
}

/**
 * An admin signed out meanwhile (in another tab) who sends a console form without JavaScript goes
 * to sign in, and back to the page they were on. Answered in place, the page would be drawn again
 * for someone signed out and redirect there itself, with a 307 that makes the browser send the
 * form on to the sign-in page, which answers "Server Action unavailable". From the action, Next
 * redirects with a 303: the browser asks for the sign-in page. With JavaScript (Next's own
 * `next-action` header) the form says what happened instead, keeping what was typed.
 */
async function signInAgainWithoutScript(): Promise<void> {
  if ((await headers()).has('next-action')) return;
  redirect(`/signin?returnTo=${encodeURIComponent((await readerCameFrom()) ?? '/admin')}`);
}

/**
 * An admin form's work. While the database is out of reach the form says so and hands back what
 * was typed (`values`), instead of an error page that loses it.
 */
export async function adminFormWork(values: Record<string, string>, work: () => Promise<AdminFormState>): Promise<AdminFormState> {
  const result = await unlessDatabaseDown(work, MODERATION_UNAVAILABLE);
  return isUnavailable(result) ? { status: 'error', message: result.errors.request, errors: result.errors, values } : result;
}
