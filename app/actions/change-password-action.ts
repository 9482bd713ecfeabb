'use server';

import { headers } from 'next/headers';
import { getViewerSignIn } from '@/lib/auth';
import { isUnavailable, unlessDatabaseDown } from '@/lib/db/health';
import { clientIp } from '@/lib/http/client-ip';
import type { AccountFormState } from '@/lib/users/form-state';
import { changePassword, PASSWORD_CHANGE_UNAVAILABLE } from '@/lib/users/password-change';

const SIGNED_OUT_OF_ACCOUNT = 'You were signed out. Sign in again to change your password.';

/**
 * A new password from the reader's account page. Works without JavaScript. Passwords are never
 * sent back into the page, refused or not: the browser's password manager keeps them, not the HTML.
 */
export async function changePasswordAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const signIn = await unlessDatabaseDown(() => getViewerSignIn(), PASSWORD_CHANGE_UNAVAILABLE);
  if (isUnavailable(signIn)) return { errors: signIn.errors, values: {} };
  if (!signIn) return { errors: { request: SIGNED_OUT_OF_ACCOUNT }, values: {}, signedOut: true };
  const result = await changePassword(
    { current: formData.get('current') ?? '', password: formData.get('password') ?? '' },
    signIn.viewer,
    signIn.sessionId,
    clientIp(await headers()),
  );
  if (!result.ok) return { errors: result.errors, values: {} };
  const others = result.otherSignInsEnded;
  return {
    errors: {},
    values: {},
    message: `Password changed.${others > 0 ? ` ${others === 1 ? 'One other browser' : `${others} other browsers`} signed in to your account ${others === 1 ? 'was' : 'were'} signed out.` : ''}`,
  };
}
