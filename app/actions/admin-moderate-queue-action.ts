'use server';

import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import type { AdminFormState } from '@/app/(admin)/_lib/form-state';
import { adminForAction, adminFormWork } from '@/app/(admin)/_lib/guard';
import { queueHref } from '@/app/(admin)/_lib/queue-href';
import { goOnThroughTab, moderationDoneMessage } from '@/app/(admin)/_lib/wording';
import { moderateComments, type ModerationAction } from '@/lib/moderation/moderate';
import { countTabUpTo, listTabStep, TAB_ACTIONS, WHOLE_TAB_STEP } from '@/lib/moderation/queue';
import { bulkModerationSchema, cutOffText, queueButtonSchema, queuePlaceSchema, tabCutOffSchema } from '@/lib/moderation/schemas';

/**
 * Approve, spam, delete or restore from the moderation queue. Without JavaScript the browser is
 * sent back to the same page of the same tab with the result in the address; with it (`js=1`) the
 * rows refresh in place.
 */
export async function adminModerateQueueAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return adminFormWork({}, async (): Promise<AdminFormState> => {
    const access = await adminForAction();
    if (!access.ok) return { status: 'error', message: access.message, errors: { request: access.message }, values: {} };
    const place = queuePlaceSchema.parse({ status: formData.get('status'), cursor: formData.get('cursor') ?? undefined, upTo: formData.get('upTo') ?? undefined });
    const button = queueButtonSchema.safeParse(formData.get('action'));
    if (!button.success) {
      const message = button.error.issues[0]?.message ?? 'Choose what to do with the comments.';
      return { status: 'error', message, errors: { action: message }, values: {} };
    }
    const action = button.data.action;
    // A going-on button drawn for another tab, or an action this tab does not offer, moves nothing.
    if ((button.data.tab !== undefined && button.data.tab !== place.status) || !(TAB_ACTIONS[place.status] as readonly ModerationAction[]).includes(action)) {
      const message = 'That button was for another tab of the queue, so nothing was changed. Choose again here.';
      return { status: 'error', message, errors: { action: message }, values: {} };
    }
    const one = button.data.id;
    // "Every comment in this tab" (a bulk button only): a step through the tab as the page knew it;
    // or the button that goes on after a step that left some, with that step's cut-off.
    const wholeTab =
      button.data.upTo !== undefined
        ? { success: true as const, data: button.data.upTo }
        : one === undefined && formData.get('scope') === 'tab'
          ? tabCutOffSchema.safeParse(formData.get('upTo'))
          : null;
    if (wholeTab && !wholeTab.success) {
      const message = 'The queue changed since this page was drawn: reload it and try again.';
      return { status: 'error', message, errors: { scope: message }, values: {} };
    }
    const ids = wholeTab
      ? { success: true as const, data: await listTabStep(place.status, wholeTab.data, action) }
      : bulkModerationSchema.shape.ids.safeParse(one === undefined ? formData.getAll('ids') : [one]);
    if (!ids.success) {
      const message = ids.error.issues[0]?.message ?? 'Choose at least one comment.';
      return { status: 'error', message, errors: { ids: message }, values: {} };
    }
    // Only what is still in the tab the admin saw moves: another moderator's decision meanwhile stands.
    const { changed, missing, deletedByAuthor, changedMeanwhile, backInQueue } = await moderateComments({ ids: ids.data, action, actor: access.admin, from: place.status });
    const stillInTab = wholeTab ? await countTabUpTo(place.status, wholeTab.data, action) : 0;
    if (formData.get('js') !== '1') {
      const some = (count: number) => (count > 0 ? count : undefined);
      redirect(
        queueHref({
          status: place.status,
          cursor: place.cursor,
          // A later page keeps the first page's cut-off; the first page draws its own again.
          upTo: place.cursor === undefined || place.upTo === undefined ? undefined : cutOffText(place.upTo),
          done: action,
          count: changed.length,
          queued: some(backInQueue.length),
          missing: some(missing.length),
          byAuthor: some(deletedByAuthor.length),
          meanwhile: some(changedMeanwhile.length),
          left: some(stillInTab),
          leftUpTo: stillInTab > 0 && wholeTab ? cutOffText(wholeTab.data) : undefined,
        }),
      );
    }
    refresh();
    const message = moderationDoneMessage(action, {
      changed: changed.length,
      missing: missing.length,
      deletedByAuthor: deletedByAuthor.length,
      changedMeanwhile: changedMeanwhile.length,
      stillInTab,
      backInQueue: backInQueue.length,
    });
    const next = stillInTab > 0 && wholeTab ? goOnThroughTab(action, cutOffText(wholeTab.data), stillInTab, WHOLE_TAB_STEP, place.status) : undefined;
    return { status: 'ok', message, errors: {}, values: {}, submittedAt: Date.now(), next };
  });
}
