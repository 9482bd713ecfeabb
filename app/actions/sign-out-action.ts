'use server';

import { safeReturnPath, signOut } from '@/lib/auth';

export async function signOutAction(formData: FormData): Promise<void> {
  await signOut({ redirectTo: safeReturnPath(formData.get('returnTo')) });
}
