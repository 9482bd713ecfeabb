import { z } from 'zod';
import { timingSafeEqual } from 'node:crypto';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { signWithBlogKey } from '@/lib/auth/secret';
import { fieldErrors } from '@/lib/comments/schemas';
import { getDb, type DbTransaction } from '@/lib/db';
import { unlessDatabaseDown } from '@/lib/db/health';
import { limitSigningIn, signInSucceeded, tooFast } from '@/lib/rate-limits';
import type { Viewer } from './accounts';
import { passwordSchema } from './schemas';

export const PASSWORD_CHANGE_UNAVAILABLE = 'Your password cannot be changed right now. Please try again in a minute.';

/** The reader's current password, to prove it is them at the keyboard, and the one they choose. */
export const passwordChangeSchema = z.strictObject({
  current: z
    .string({ error: 'Enter your current password.' })
    .min(1, 'Enter your current password.')
    .max(200, 'That is not your current password.'),
  password: passwordSchema,
});

export type PasswordChangeResult =
  | { ok: true; otherSignInsEnded: number }
  | { ok: false; status: 400 | 403 | 429 | 503; errors: Record<string, string>; retryAfterSeconds?: number };

/**
 * A signed-in reader chooses a new password. The current one is asked first, so a browser left
 * signed in is not enough to take the account, and a wrong one counts as a wrong sign-in to the
 * account (lib/rate-limits): the form is no way round the sign-in page's limit on guesses. Every
 * sign-in of the account ends, as whoever else had the old password (or a copy of a sign-in's
 * cookie) may be using one; the door then signs the browser that asked in again, under a new
 * sign-in. `otherSignInsEnded` counts the other browsers that were still signed in (not `sessionId`,
 * the one that asked, nor sign-ins that had already expired).
 */
export async function changePassword(
  input: unknown,
  viewer: Viewer,
  sessionId: string,
  address: string | null,
): Promise<PasswordChangeResult> {
  const parsed = passwordChangeSchema.safeParse(input);
  if (!parsed.success) return { ok: false, status: 400, errors: fieldErrors(parsed.error) };
  const { current, password } = parsed.data;
  return unlessDatabaseDown(async (): Promise<PasswordChangeResult> => {
    const user = await getDb().user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
    if (!user?.passwordHash) {
      return {
        ok: false,
        status: 403,
        errors: { request: 'Your account signs in through another site, so it has no password here to change.' },
      };
    }
    const limited = await limitSigningIn(address, viewer.email);
    if (!limited.ok) return tooFast(limited);
    if (!(await verifyPassword(current, user.passwordHash))) {
      return { ok: false, status: 400, errors: { current: 'That is not your current password.' } };
    }
    await signInSucceeded(viewer.email);
    const passwordHash = await hashPassword(password);
    const now = new Date();
    const ended = await getDb().$transaction(async (tx: DbTransaction) => {
      await tx.user.update({ where: { id: viewer.id }, data: { passwordHash }, select: { id: true } });
      const others = await tx.session.deleteMany({
        where: { userId: viewer.id, id: { not: sessionId }, expiresAt: { gt: now } },
      });
      await tx.session.deleteMany({ where: { userId: viewer.id } });
      return others.count;
    });
    return { ok: true, otherSignInsEnded: ended };
  }, PASSWORD_CHANGE_UNAVAILABLE);
}

/**
 * What the account page says after a change (`?changed=`): how many other browsers were signed
 * out, signed for that account, so a link made for someone else tells them nothing false.
 */
export function passwordChangedNotice(userId: string, otherSignInsEnded: number): string {
  return `${otherSignInsEnded}.${noticeSignature(userId, otherSignInsEnded)}`;
}

/** The account page's words for `?changed=`, or null for a value not made for this reader. */
export function passwordChangedMessage(userId: string, value: string | undefined): string | null {
  const [count, given, ...rest] = (value ?? '').split('.');
  if (!count || !given || rest.length > 0 || !/^(0|[1-9]\d{0,5})$/.test(count)) return null;
  const expected = Buffer.from(noticeSignature(userId, Number(count)));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  const others = Number(count);
  if (others === 0) return 'Password changed.';
  return `Password changed. ${others === 1 ? 'One other browser' : `${others} other browsers`} signed in to your account ${others === 1 ? 'was' : 'were'} signed out.`;
}

function noticeSignature(userId: string, others: number): string {
  return signWithBlogKey(`password-changed:${userId}:${others}`).toString('base64url').slice(0, 16);
}
