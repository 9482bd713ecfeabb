'use server';

import { headers } from 'next/headers';
import { safeReturnPath, signIn } from '@/lib/auth';
import { fieldErrors } from '@/lib/comments/schemas';
import { clientIp } from '@/lib/http/client-ip';
import { limitRegistering, rateLimitMessage } from '@/lib/rate-limits';
import { registerUser } from '@/lib/users/accounts';
import type { AccountFormState } from '@/lib/users/form-state';
import { registerSchema } from '@/lib/users/schemas';

/** Create an account, sign it in, and return to the post. Works without JavaScript. */
export async function registerAction(_previous: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const values = {
    email: String(formData.get('email') ?? '').slice(0, 300),
    name: String(formData.get('name') ?? '').slice(0, 300),
  };
  const parsed = registerSchema.safeParse({
    email: formData.get('email') ?? '',
    name: formData.get('name') ?? '',
    password: formData.get('password') ?? '',
  });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const limited = await limitRegistering(clientIp(await headers()));
  if (!limited.ok) return { errors: { request: rateLimitMessage(limited) }, values };
  const result = await registerUser(parsed.data);
  if (!result.ok) return { errors: { email: 'An account with this email already exists. Sign in instead.' }, values };
  await signIn('credentials', {
    email: parsed.data.email,
    password: parsed.data.password,
    redirectTo: safeReturnPath(formData.get('returnTo')),
  });
  return { errors: {}, values };
}
