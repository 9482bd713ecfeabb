'use server';

import { redirect } from 'next/navigation';
import { adminForAction } from '@/app/(admin)/_lib/guard';
import { unbanUser } from '@/lib/moderation/moderate';
import { userExists } from '@/lib/users/accounts';

/** Lift a user's bans and bring back exactly the comments those bans hid; back to their page. */
export async function adminUnbanUserAction(formData: FormData): Promise<void> {
  const id = formData.get('userId');
  const page = `/admin/users/${encodeURIComponent(typeof id === 'string' ? id : '')}`;
  const access = await adminForAction();
  if (!access.ok) redirect(access.status === 401 ? `/signin?returnTo=${encodeURIComponent(page)}` : '/');
  if (typeof id !== 'string' || !(await userExists(id))) redirect('/admin');
  const { restored } = await unbanUser({ userId: id, actor: access.admin });
  redirect(`${page}?done=unban&count=${restored}`);
}
