import { fieldErrors } from '@/lib/comments/schemas';
import { unlessDatabaseDown } from '@/lib/db/health';
import { limitRegistering, tooFast } from '@/lib/rate-limits';
import { registerUser, type Viewer } from './accounts';
import { nameRefusal } from './names';
import { type Registration, registerSchema } from './schemas';

const REGISTERING_UNAVAILABLE = 'Registering is not possible right now. Please try again in a minute.';

export type RegistrationResult =
  | { ok: true; user: Viewer; registration: Registration }
  | { ok: false; status: 400 | 409 | 429 | 503; errors: Record<string, string>; retryAfterSeconds?: number };

/**
 * Registering a reader, as both doors (the form's server action and `POST /api/users`) do it:
 * parse, check the rate limit, create the account. Refusals come back as field messages; with the
 * database out of reach, a 503 that says so, so the form keeps what was typed.
 */
export async function registerReader(input: unknown, address: string | null): Promise<RegistrationResult> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  return unlessDatabaseDown(async (): Promise<RegistrationResult> => {
    const refused = await nameRefusal(parsed.data.name, null);
    if (refused) return { ok: false, status: 400, errors: { name: refused } };
    const limited = await limitRegistering(address);
    if (!limited.ok) return tooFast(limited);
    const created = await registerUser(parsed.data);
    if (!created.ok)
      return {
        ok: false,
        status: 409,
        errors: { email: 'An account with this email already exists. Sign in instead.' },
      };
    return { ok: true, user: created.user, registration: parsed.data };
  }, REGISTERING_UNAVAILABLE);
}
