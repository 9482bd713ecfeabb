'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { adminForAction } from '@/app/(admin)/_lib/guard';
import { safeReturnPath } from '@/lib/auth';
import { getPostById } from '@/lib/content/posts';
import { ModerationRefused, postPageLanding, setPostClosed } from '@/lib/moderation/moderate';

const inputSchema = z.object({ postId: z.string().min(1).max(200), closed: z.enum(['1', '0']) });

/**
 * Close or reopen comments on a post from its page (logged), then show the thread again — the
 * page of it the moderator was on, or the post's first when the form names no safe place. While
 * the database is down the thread says nothing changed, instead of an error page.
 */
export async function adminSetPostClosedAction(formData: FormData): Promise<void> {
  const returnTo = safeReturnPath(formData.get('returnTo')).split('#')[0] ?? '/';
  const landing = await postPageLanding(returnTo, async () => {
    const access = await adminForAction();
    if (!access.ok) return access.status === 401 ? `/signin?returnTo=${encodeURIComponent(returnTo)}` : returnTo;
    const input = inputSchema.safeParse({ postId: formData.get('postId'), closed: formData.get('closed') });
    const post = input.success ? await getPostById(input.data.postId) : undefined;
    if (!input.success || !post) return returnTo;
    // Refused only where the page says why the post stays closed, and offers no Reopen.
    await setPostClosed({ postId: post.id, closed: input.data.closed === '1', actor: access.admin }).catch((error: unknown) => {
      if (!(error instanceof ModerationRefused)) throw error;
    });
    const back = safeReturnPath(formData.get('returnTo'), post.path).split('#')[0] ?? post.path;
    return `${back}#comments`;
  });
  // Same page, new #fragment: the client router would only scroll; refresh renders the thread again.
  refresh();
  redirect(landing);
}
