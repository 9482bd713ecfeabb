'use server';

import { redirect } from 'next/navigation';
import type { AdminFormState } from '@/app/(admin)/_lib/form-state';
import { adminForAction, adminFormWork } from '@/app/(admin)/_lib/guard';
import { fieldErrors } from '@/lib/comments/schemas';
import { getSite } from '@/lib/content/site';
import { banUser, ModerationRefused } from '@/lib/moderation/moderate';
import { banSchema } from '@/lib/moderation/schemas';
import { userExists } from '@/lib/users/accounts';

/** Ban a commenter from their page in the console: a reason, an optional end date, and maybe hide what they wrote. */
export async function adminBanUserAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === 'string' ? value.slice(0, 2_000) : '';
  };
  const values = { reason: text('reason'), endsAt: text('endsAt'), hideComments: text('hideComments') };
  return adminFormWork(values, async (): Promise<AdminFormState> => {
    const access = await adminForAction();
    if (!access.ok) return { status: 'error', message: access.message, errors: { request: access.message }, values };
    const userId = text('userId');
    if (!(await userExists(userId))) return { status: 'error', message: 'There is no such user.', errors: { request: 'There is no such user.' }, values };
    const parsed = banSchema(getSite().timeZone).safeParse({
      reason: values.reason,
      ...(values.endsAt.trim() ? { endsAt: values.endsAt.trim() } : {}),
      hideComments: values.hideComments === 'on',
    });
    if (!parsed.success) return { status: 'error', message: 'The ban was not saved.', errors: fieldErrors(parsed.error), values };
    let result;
    try {
      result = await banUser({
        userId,
        reason: parsed.data.reason,
        endsAt: parsed.data.endsAt ?? null,
        hideComments: parsed.data.hideComments,
        actor: access.admin,
      });
    } catch (error) {
      if (error instanceof ModerationRefused) return { status: 'error', message: error.message, errors: { request: error.message }, values };
      throw error;
    }
    // With JavaScript too: the page drawn after a ban has no ban form, so a message inside the form
    // would vanish with it, and the focus with its button. The page says it instead, as for Unban.
    redirect(`/admin/users/${encodeURIComponent(userId)}?done=ban&count=${result.hidden}`);
  });
}
