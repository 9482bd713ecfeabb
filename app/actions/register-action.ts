'use server';

import { headers } from 'next/headers';
import { goOnIfSignedIn, safeReturnPath, signIn } from '@/lib/auth';
import { clientIp } from '@/lib/http/client-ip';
import type { AccountFormState } from '@/lib/users/form-state';
import { registerReader } from '@/lib/users/registration';

/** Create an account, sign it in, and return to the post. Works without JavaScript. */
export async function registerAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = {
    email: String(formData.get('email') ?? '').slice(0, 300),
    name: String(formData.get('name') ?? '').slice(0, 300),
  };
  const result = await registerReader(
    { email: formData.get('email') ?? '', name: formData.get('name') ?? '', password: formData.get('password') ?? '' },
    clientIp(await headers()),
  );
  const returnTo = safeReturnPath(formData.get('returnTo'));
  if (!result.ok) {
    await goOnIfSignedIn(returnTo);
    return { errors: result.errors, values };
  }
  await signIn('credentials', {
    email: result.registration.email,
    password: result.registration.password,
    redirectTo: returnTo,
  });
  return { errors: {}, values };
}
