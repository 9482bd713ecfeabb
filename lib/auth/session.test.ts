import { encode, getToken } from 'next-auth/jwt';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readSessionCookie } from './session';

// The real decryption, counted: a cookie read before must not be decrypted again.
vi.mock('next-auth/jwt', async (importOriginal) => {
  const actual = await importOriginal<typeof import('next-auth/jwt')>();
  return { ...actual, getToken: vi.fn(actual.getToken) };
});
const decryptions = vi.mocked(getToken);

const secret = 'a-test-secret-that-is-long-enough-for-hkdf';

/** A session cookie as Auth.js writes it; a sign-in id (`sid`) is added for any account id given. */
async function cookieFor(name: string, claims: Record<string, unknown>, options: { secret?: string; maxAge?: number } = {}) {
  const token = await encode({
    token: typeof claims.sub === 'string' ? { sid: `sign-in-of-${claims.sub}`, ...claims } : claims,
    secret: options.secret ?? secret,
    salt: name,
    maxAge: options.maxAge,
  });
  return `${name}=${token}`;
}

/** The account the cookie names, or null. */
async function sessionUserId(...args: Parameters<typeof readSessionCookie>): Promise<string | null> {
  return (await readSessionCookie(...args))?.userId ?? null;
}

describe('readSessionCookie', () => {
  it('reads the account and the sign-in the cookie names', async () => {
    const cookie = await cookieFor('authjs.session-token', { sub: 'user-0', sid: 'sign-in-0' });
    expect(await readSessionCookie(cookie, secret)).toEqual({ userId: 'user-0', sessionId: 'sign-in-0' });
    // Kept: read again without decrypting, the same answer.
    expect(await readSessionCookie(cookie, secret)).toEqual({ userId: 'user-0', sessionId: 'sign-in-0' });
  });

  it('is null for a cookie that names no sign-in (made before sign-ins were recorded)', async () => {
    expect(await readSessionCookie(await cookieFor('authjs.session-token', { sub: 'user-10', sid: undefined }), secret)).toBeNull();
    expect(await readSessionCookie(await cookieFor('authjs.session-token', { sub: 'user-11', sid: '' }), secret)).toBeNull();
  });

  it('reads the account id from the session cookie, over HTTP and over HTTPS', async () => {
    expect(await sessionUserId(await cookieFor('authjs.session-token', { sub: 'user-1' }), secret)).toBe('user-1');
    expect(await sessionUserId(await cookieFor('__Secure-authjs.session-token', { sub: 'user-2' }), secret)).toBe('user-2');
  });

  it('finds the cookie among others', async () => {
    const cookie = `theme=dark; ${await cookieFor('authjs.session-token', { sub: 'user-3' })}; authjs.csrf-token=abc`;
    expect(await sessionUserId(cookie, secret)).toBe('user-3');
  });

  it('reads a cookie that Auth.js split into chunks', async () => {
    const [name, value] = (await cookieFor('authjs.session-token', { sub: 'user-4', name: 'x'.repeat(5000) })).split('=');
    const half = Math.ceil(value!.length / 2);
    const chunked = `${name}.0=${value!.slice(0, half)}; ${name}.1=${value!.slice(half)}`;
    expect(await sessionUserId(chunked, secret)).toBe('user-4');
  });

  it('is null without a cookie, or with one it cannot trust', async () => {
    expect(await sessionUserId(null, secret)).toBeNull();
    expect(await sessionUserId('theme=dark', secret)).toBeNull();
    expect(await sessionUserId('authjs.session-token=not-a-token', secret)).toBeNull();
    // Made with another secret: someone else's blog, or a secret that was changed.
    expect(await sessionUserId(await cookieFor('authjs.session-token', { sub: 'user-5' }, { secret: 'another-secret-entirely-0123456789' }), secret)).toBeNull();
    // An HTTPS cookie's token under the plain name: the salt differs, so it does not decrypt.
    const secureToken = (await cookieFor('__Secure-authjs.session-token', { sub: 'user-6' })).split('=')[1];
    expect(await sessionUserId(`authjs.session-token=${secureToken}`, secret)).toBeNull();
    // No account id in it.
    expect(await sessionUserId(await cookieFor('authjs.session-token', { name: 'Anna' }), secret)).toBeNull();
  });

  it('is null once the session has expired', async () => {
    const expired = await cookieFor('authjs.session-token', { sub: 'user-7' }, { maxAge: -60 });
    expect(await sessionUserId(expired, secret)).toBeNull();
  });

  describe('a cookie it has read before', () => {
    beforeEach(() => {
      decryptions.mockClear();
    });

    it('is not decrypted again', async () => {
      const cookie = await cookieFor('authjs.session-token', { sub: 'user-8' });
      expect(await sessionUserId(cookie, secret)).toBe('user-8');
      const firstRead = decryptions.mock.calls.length;
      expect(firstRead).toBeGreaterThan(0);
      expect(await sessionUserId(cookie, secret)).toBe('user-8');
      expect(await sessionUserId(cookie, secret)).toBe('user-8');
      expect(decryptions.mock.calls.length).toBe(firstRead);
    });

    it('is still refused once it expires, and under another secret', async () => {
      const now = Date.now();
      const cookie = await cookieFor('authjs.session-token', { sub: 'user-9' }, { maxAge: 60 });
      expect(await sessionUserId(cookie, secret, now)).toBe('user-9');
      expect(await sessionUserId(cookie, secret, now + 59_000)).toBe('user-9');
      expect(await sessionUserId(cookie, secret, now + 61_000)).toBeNull();
      expect(await sessionUserId(cookie, 'another-secret-entirely-0123456789')).toBeNull();
    });

    it('is forgotten after a thousand other readers, so memory stays bounded', async () => {
      const first = await cookieFor('authjs.session-token', { sub: 'reader-0' });
      await sessionUserId(first, secret);
      for (let i = 1; i <= 1_000; i++) {
        const cookie = await cookieFor('authjs.session-token', { sub: `reader-${i}` });
        expect(await sessionUserId(cookie, secret)).toBe(`reader-${i}`);
      }
      decryptions.mockClear();
      expect(await sessionUserId(first, secret)).toBe('reader-0');
      expect(decryptions).toHaveBeenCalled();
    });
  });
});
