'use server';

import { headers } from 'next/headers';
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { AuthError } from 'next-auth';
import { getViewerSignIn, signIn } from '@/lib/auth';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import { clientIp } from '@/lib/http/client-ip';
import type { AccountFormState } from '@/lib/users/form-state';
import { changePassword, PASSWORD_CHANGE_UNAVAILABLE, passwordChangedNotice } from '@/lib/users/password-change';

const SIGNED_OUT_OF_ACCOUNT = 'You were signed out. Sign in again to change your password.';
const SIGNED_OUT_AFTER_CHANGE =
  'Your password was changed, but you could not be signed in again just now. Sign in with your new password.';

/**
 * A new password from the reader's account page. Works without JavaScript. Passwords are never
 * sent back into the page, refused or not: the browser's password manager keeps them, not the HTML.
 */
export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const current = await unlessDatabaseDown(() => getViewerSignIn(), PASSWORD_CHANGE_UNAVAILABLE);
  if (isUnavailable(current)) return { errors: current.errors, values: {} };
  if (!current) {
    // The page is drawn again as they now are (the masthead offers Sign in); the form says why.
    refresh();
    return { errors: { request: SIGNED_OUT_OF_ACCOUNT }, values: {}, signedOut: true };
  }
  const password = formData.get('password') ?? '';
  const result = await changePassword(
    { current: formData.get('current') ?? '', password },
    current.viewer,
    current.sessionId,
    clientIp(await headers()),
  );
  if (!result.ok) return { errors: result.errors, values: {} };
  // Every sign-in ended with the old password, this browser's too: it goes on under a new one, so a
  // copy of its old cookie (one reason to change a password) opens nothing now.
  try {
    await signIn('credentials', { email: current.viewer.email, password, redirect: false });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    refresh();
    return { errors: { request: SIGNED_OUT_AFTER_CHANGE }, values: {}, signedOut: true };
  }
  // This request still carries the old cookie, and a page drawn for it would be signed out: the
  // account page is asked for again, with the new one, saying what was done.
  redirect(`/account?changed=${passwordChangedNotice(current.viewer.id, result.otherSignInsEnded)}`);
}
