import { getToken } from 'next-auth/jwt';

/**
 * The session cookie Auth.js writes: `__Secure-` prefixed when the blog is served over HTTPS. Its
 * name is also the salt of the token's encryption key, so each name is tried with its own.
 */
const SESSION_COOKIE = 'authjs.session-token';

/**
 * The id of the account a request's session cookie names, or null (no cookie, a forged or expired
 * one, or one made with another secret).
 *
 * This decrypts the cookie only. Auth.js's `auth()` runs its whole session endpoint for that
 * (builds its configuration, makes a request, encrypts a renewed cookie that a page or route
 * handler then throws away): several milliseconds of CPU on every signed-in request, as much as the
 * rest of posting a comment. Only the cookie header is read, so no other way to carry a token
 * (an `Authorization` header) is accepted.
 */
export async function sessionUserId(cookieHeader: string | null | undefined, secret: string): Promise<string | null> {
  if (!cookieHeader?.includes(SESSION_COOKIE)) return null;
  const req = { headers: { cookie: cookieHeader } };
  for (const secureCookie of [true, false]) {
    const token = await getToken({ req, secret, secureCookie });
    if (typeof token?.sub === 'string' && token.sub) return token.sub;
  }
  return null;
}
