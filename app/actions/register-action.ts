'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
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
  try {
    await signIn('credentials', {
      email: result.registration.email,
      password: result.registration.password,
      redirectTo: returnTo,
    });
  } catch (error) {
    // The account is made; only signing it in failed (the database, most likely). Sending the form
    // again would be told the email is taken: the reader is told to sign in instead.
    if (error instanceof AuthError) {
      return {
        errors: {
          request:
            'Your account was created, but you could not be signed in just now. Please sign in with your email and password.',
        },
        values,
      };
    }
    throw error; // signIn's redirect on success travels as an error; let Next handle it.
  }
  return { errors: {}, values };
}
