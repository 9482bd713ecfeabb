'use server';

import { redirect } from 'next/navigation';
import { adminForAction } from '@/app/(admin)/_lib/guard';
import { getDb } from '@/lib/db';
import { unbanUser } from '@/lib/moderation/moderate';

/** Lift a user's bans and bring back exactly the comments those bans hid; back to their page. */
export async function adminUnbanUserAction(formData: FormData): Promise<void> {
  const id = formData.get('userId');
  const page = `/admin/users/${encodeURIComponent(typeof id === 'string' ? id : '')}`;
  const access = await adminForAction();
  if (!access.ok) redirect(access.status === 401 ? `/signin?returnTo=${encodeURIComponent(page)}` : '/');
  const user = typeof id === 'string' ? await getDb().user.findUnique({ where: { id }, select: { id: true } }) : null;
  if (!user) redirect('/admin');
  const { restored } = await unbanUser({ userId: user.id, actor: access.admin });
  redirect(`${page}?done=unban&count=${restored}`);
}
