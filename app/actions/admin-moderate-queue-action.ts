'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { AdminFormState } from '@/app/(admin)/_lib/form-state';
import { adminForAction, adminFormWork } from '@/app/(admin)/_lib/guard';
import { moderationDoneMessage } from '@/app/(admin)/_lib/wording';
import { commentIdSchema } from '@/lib/comments/schemas';
import { moderateComments } from '@/lib/moderation/moderate';
import { bulkModerationSchema, moderationActionSchema, queuePlaceSchema } from '@/lib/moderation/schemas';

/**
 * The pressed button: `approve` acts on the ticked rows, `approve:12` on row 12 alone. One form
 * holds every row so the queue works as a plain HTML form, and a button can only send its own value.
 */
const buttonSchema = z.object({ verb: moderationActionSchema, id: commentIdSchema.optional() });

/**
 * Approve, spam, delete or restore from the moderation queue. Without JavaScript the browser is
 * sent back to the same page of the same tab with the result in the address; with it (`js=1`) the
 * rows refresh in place.
 */
export async function adminModerateQueueAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return adminFormWork({}, async (): Promise<AdminFormState> => {
    const access = await adminForAction();
    if (!access.ok) return { status: 'error', message: access.message, errors: { request: access.message }, values: {} };
    const place = queuePlaceSchema.parse({ status: formData.get('status'), cursor: formData.get('cursor') ?? undefined });
    const pressed = formData.get('action');
    const [verb, id] = typeof pressed === 'string' ? pressed.split(':') : [];
    const button = buttonSchema.safeParse({ verb, id });
    if (!button.success) {
      const message = button.error.issues[0]?.message ?? 'Choose what to do with the comments.';
      return { status: 'error', message, errors: { action: message }, values: {} };
    }
    const action = button.data.verb;
    const one = button.data.id;
    const ids = bulkModerationSchema.shape.ids.safeParse(one === undefined ? formData.getAll('ids') : [one]);
    if (!ids.success) {
      const message = ids.error.issues[0]?.message ?? 'Choose at least one comment.';
      return { status: 'error', message, errors: { ids: message }, values: {} };
    }
    const { changed, missing, deletedByAuthor } = await moderateComments({ ids: ids.data, action, actor: access.admin });
    if (formData.get('js') !== '1') {
      const back = new URLSearchParams({ status: place.status, done: action, count: String(changed.length) });
      if (place.cursor !== undefined) back.set('cursor', String(place.cursor));
      if (missing.length > 0) back.set('missing', String(missing.length));
      if (deletedByAuthor.length > 0) back.set('byAuthor', String(deletedByAuthor.length));
      redirect(`/admin?${back}`);
    }
    refresh();
    const message = moderationDoneMessage(action, { changed: changed.length, missing: missing.length, deletedByAuthor: deletedByAuthor.length });
    return { status: 'ok', message, errors: {}, values: {}, submittedAt: Date.now() };
  });
}
