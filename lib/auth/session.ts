import { getToken } from 'next-auth/jwt';
import type { SessionClaim } from '@/lib/users/sessions';

/**
 * The session cookie Auth.js writes: `__Secure-` prefixed when the blog is served over HTTPS. Its
 * name is also the salt of the token's encryption key, so each name is tried with its own.
 */
const SESSION_COOKIE = 'authjs.session-token';

/**
 * Cookies already decrypted, with the sign-in they name and when they expire. The same cookie
 * comes back with every request of a signed-in reader, and decrypting it (a key derivation and an
 * AES decryption) was a tenth of the CPU a comment POST costs. Only cookies that decrypted are
 * kept, keyed by the whole header and the secret, and a kept one is refused once it expires; the
 * sign-in and its account are still looked up on every request (`sessionViewer`), so signing out,
 * bans and removed accounts apply at once.
 */
const decrypted = new Map<string, SessionClaim & { expiresAt: number }>();
const DECRYPTED_KEPT = 1_000;

/**
 * The account and sign-in a request's session cookie names, or null (no cookie, a forged or
 * expired one, one made with another secret, or one from before sign-ins were recorded).
 *
 * This decrypts the cookie only. Auth.js's `auth()` runs its whole session endpoint for that
 * (builds its configuration, makes a request, encrypts a renewed cookie that a page or route
 * handler then throws away): several milliseconds of CPU on every signed-in request, as much as the
 * rest of posting a comment. Only the cookie header is read, so no other way to carry a token
 * (an `Authorization` header) is accepted.
 */
export async function readSessionCookie(
  cookieHeader: string | null | undefined,
  secret: string,
  now: number = Date.now(),
): Promise<SessionClaim | null> {
  if (!cookieHeader?.includes(SESSION_COOKIE)) return null;
  const key = `${secret}\n${cookieHeader}`;
  const kept = decrypted.get(key);
  if (kept) {
    decrypted.delete(key);
    if (kept.expiresAt <= now) return null;
    decrypted.set(key, kept);
    return { userId: kept.userId, sessionId: kept.sessionId };
  }
  const req = { headers: { cookie: cookieHeader } };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (typeof token?.sub !== 'string' || !token.sub || typeof token.sid !== 'string' || !token.sid) continue;
    const claim = { userId: token.sub, sessionId: token.sid };
    if (typeof token.exp === 'number') keep(key, { ...claim, expiresAt: token.exp * 1000 });
    return claim;
  }
  return null;
}

function keep(key: string, session: SessionClaim & { expiresAt: number }): void {
  decrypted.set(key, session);
  // Map keeps insertion order, and a hit moves its entry to the end: the first is the least used.
  if (decrypted.size > DECRYPTED_KEPT) decrypted.delete(decrypted.keys().next().value!);
}
