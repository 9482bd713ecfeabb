'use server';

import { headers } from 'next/headers';
import { AuthError } from 'next-auth';
import { goOnIfSignedIn, safeReturnPath, signIn } from '@/lib/auth';
import { fieldErrors } from '@/lib/comments/schemas';
import { clientIp } from '@/lib/http/client-ip';
import { limitSigningIn, rateLimitMessage } from '@/lib/rate-limits';
import type { AccountFormState } from '@/lib/users/form-state';
import { signInSchema } from '@/lib/users/schemas';

const SIGN_IN_UNAVAILABLE = 'Signing in is not possible right now. Please try again in a minute.';

/** Sign in with email and password, then go back where the reader came from. Works without JavaScript. */
export async function signInAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = { email: String(formData.get('email') ?? '').slice(0, 300) };
  const returnTo = safeReturnPath(formData.get('returnTo'));
  const refused = async (errors: AccountFormState['errors']): Promise<AccountFormState> => {
    await goOnIfSignedIn(returnTo);
    return { errors, values };
  };
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return refused(fieldErrors(parsed.error));
  const limited = await limitSigningIn(clientIp(await headers()), parsed.data.email);
  if (!limited.ok) return refused({ request: rateLimitMessage(limited) });
  try {
    await signIn('credentials', { email: parsed.data.email, password: parsed.data.password, redirectTo: returnTo });
  } catch (error) {
    if (error instanceof AuthError) {
      // The same words whether the email is unknown or the password wrong: no hint which emails exist.
      if (error.type === 'CredentialsSignin') return refused({ request: 'Wrong email or password.' });
      // Anything else failed on our side (the database, most likely): not the reader's mistake.
      return refused({ request: SIGN_IN_UNAVAILABLE });
    }
    throw error; // signIn's redirect on success travels as an error; let Next handle it.
  }
  return { errors: {}, values };
}
