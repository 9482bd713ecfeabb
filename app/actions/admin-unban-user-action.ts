'use server';

import { redirect } from 'next/navigation';
import type { AdminFormState } from '@/app/(admin)/_lib/form-state';
import { adminForAction, adminFormWork } from '@/app/(admin)/_lib/guard';
import { unbanUser } from '@/lib/moderation/moderate';
import { userExists } from '@/lib/users/accounts';

/**
 * Lift a user's bans and bring back exactly the comments those bans hid; back to their page. While
 * the database is down the button says so where it is, instead of an error page.
 */
export async function adminUnbanUserAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const id = formData.get('userId');
  const page = `/admin/users/${encodeURIComponent(typeof id === 'string' ? id : '')}`;
  return adminFormWork({}, async (): Promise<AdminFormState> => {
    const access = await adminForAction();
    if (!access.ok) redirect(access.status === 401 ? `/signin?returnTo=${encodeURIComponent(page)}` : '/');
    if (typeof id !== 'string' || !(await userExists(id))) redirect('/admin');
    const { restored } = await unbanUser({ userId: id, actor: access.admin });
    // A redirect with JavaScript too: the page's ban section changes shape once the ban is gone.
    redirect(`${page}?done=unban&count=${restored}`);
  });
}
