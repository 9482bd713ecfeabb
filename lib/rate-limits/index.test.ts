// Rate limits: the rules and messages, and the shared counters on each store they can live in.
import { createHash } from 'node:crypto';
import process from 'node:process';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeCounters, countHit } from '@/lib/db/counters';
import { getDb } from '@/lib/db';
import type { DatabaseProvider } from '@/lib/db/migrate';
import { useTestDatabase } from '@/lib/db/test-suite';
import {
  addressSubject,
  counterKey,
  defaultLimits,
  editRefused,
  limitCommenting,
  limitEditing,
  limitRegistering,
  limitSigningIn,
  parseLimits,
  rateLimitMessage,
  signInSucceeded,
  takeRateLimit,
  waitText,
} from './index';

const NOW = new Date('2026-06-15T12:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

describe('addressSubject', () => {
  it('counts an IPv6 reader by the /64 it can send from, and an IPv4 address however it is written', () => {
    expect(addressSubject('2001:db8:abcd:12::1')).toBe('2001:db8:abcd:12::/64');
    expect(addressSubject('2001:0DB8:abcd:0012:ffff:1:2:3')).toBe('2001:db8:abcd:12::/64');
    expect(addressSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressSubject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressSubject('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(addressSubject('203.0.113.9')).toBe('203.0.113.9');
  });
});

describe('counterKey', () => {
  it('keeps no plain hash of an address or email, which a list of candidates would undo', () => {
    const plain = (subject: string) => createHash('sha256').update(subject).digest('base64url').slice(0, 22);
    expect(counterKey('comment-address', '203.0.113.9')).not.toContain(plain('203.0.113.9'));
    expect(counterKey('signin-email', 'ada@example.com')).not.toContain(plain('ada@example.com'));
    expect(counterKey('signin-email', 'Ada@Example.com')).toBe(counterKey('signin-email', 'ada@example.com'));
  });
});

describe('parseLimits', () => {
  it('keeps the defaults when RATE_LIMITS is unset or empty', () => {
    expect(parseLimits(undefined)).toEqual(defaultLimits);
    expect(parseLimits('  ')).toEqual(defaultLimits);
  });

  it('changes only the limits it names', () => {
    expect(parseLimits('comment-account=10/60, register-address=50/3600')).toEqual({
      ...defaultLimits,
      'comment-account': { max: 10, windowSeconds: 60 },
      'register-address': { max: 50, windowSeconds: 3600 },
    });
  });

  it('turns every limit off with "off"', () => {
    expect(parseLimits('off')).toBeNull();
  });

  it('names the entry it cannot read and says what is expected', () => {
    expect(() => parseLimits('comment-acount=10/60')).toThrow(/"comment-acount=10\/60" is not <name>=<max>\/<seconds>.*comment-account/);
    expect(() => parseLimits('comment-account=10')).toThrow(/"comment-account=10"/);
    expect(() => parseLimits('comment-account=10/0')).toThrow(/"comment-account=10\/0"/);
  });
});

describe('messages', () => {
  it('says how long to wait as a person would', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(40)).toBe('40 seconds');
    expect(waitText(89)).toBe('89 seconds');
    expect(waitText(90)).toBe('2 minutes');
    expect(waitText(12 * 60)).toBe('12 minutes');
    expect(waitText(3600)).toBe('1 hour');
    expect(waitText(3 * 3600)).toBe('3 hours');
  });

  it('says what happened and when to try again', () => {
    expect(rateLimitMessage({ limit: 'comment-account', retryAfterSeconds: 40 })).toBe(
      'You are commenting faster than this blog allows. Please wait 40 seconds and try again.',
    );
    expect(rateLimitMessage({ limit: 'signin-email', retryAfterSeconds: 600 })).toBe(
      'There were too many sign-in attempts for this account. Please wait 10 minutes and try again.',
    );
  });
});

const stores: { name: string; provider: DatabaseProvider; redis: boolean; enabled: boolean }[] = [
  { name: 'SQLite', provider: 'sqlite', redis: false, enabled: true },
  { name: 'PostgreSQL', provider: 'postgresql', redis: false, enabled: Boolean(process.env.TEST_POSTGRES_URL) },
  // Redis runs beside the test databases (REDIS_URL, e.g. redis://127.0.0.1:6379/15).
  { name: 'Redis', provider: 'sqlite', redis: true, enabled: Boolean(process.env.TEST_REDIS_URL) },
];

for (const store of stores) {
  describe.skipIf(!store.enabled)(`counters and limits in ${store.name}`, () => {
    useTestDatabase(store.provider, {
      env: {
        RATE_LIMITS: 'comment-account=3/60,comment-address=5/60',
        ...(store.redis ? { REDIS_URL: process.env.TEST_REDIS_URL ?? '' } : {}),
      },
    });
    // Keys of their own per run, so a Redis shared with other runs starts each test from zero.
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

    afterAll(async () => {
      await closeCounters();
    });

    it('counts every hit in a window, then starts again when it ends', async () => {
      // Redis keeps its own clock, so only the database store can be moved in time here.
      const key = `test:${run}:window`;
      expect((await countHit(key, 60_000, NOW)).count).toBe(1);
      expect((await countHit(key, 60_000, later(1))).count).toBe(2);
      const third = await countHit(key, 60_000, later(2));
      expect(third.count).toBe(3);
      if (!store.redis) {
        expect(third.resetAt).toEqual(later(60));
        const fresh = await countHit(key, 60_000, later(61));
        expect(fresh).toEqual({ count: 1, resetAt: later(121) });
      } else {
        expect(third.resetAt.getTime() - Date.now()).toBeGreaterThan(50_000);
      }
    });

    it('counts concurrent hits exactly: none lost, none doubled', async () => {
      const key = `test:${run}:burst`;
      const counts = await Promise.all(Array.from({ length: 40 }, () => countHit(key, 60_000, NOW)));
      expect(counts.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    });

    // Redis keeps its own clock (and rolls a window over in one atomic script), so only the
    // database store can be moved in time here.
    if (!store.redis)
      it('counts every hit of a burst that arrives as the window ends: the new window holds them all', async () => {
        const key = `test:${run}:rollover`;
        await countHit(key, 60_000, NOW);
        const burst = await Promise.all(Array.from({ length: 20 }, () => countHit(key, 60_000, later(61))));
        expect(burst.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect((await countHit(key, 60_000, later(62))).count).toBe(21);
      });

    it('refuses the hit past the limit with the seconds left in the window, per account', async () => {
      const now = new Date();
      for (let i = 0; i < 3; i += 1) expect(await limitCommenting(`account-${run}`, null)).toEqual({ ok: true });
      const refused = await takeRateLimit([{ limit: 'comment-account', subject: `account-${run}` }], now);
      expect(refused).toMatchObject({ ok: false, limit: 'comment-account' });
      if (!refused.ok) {
        expect(refused.retryAfterSeconds).toBeGreaterThan(50);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
      }
      // Another account is not affected.
      expect(await limitCommenting(`other-${run}`, null)).toEqual({ ok: true });
    });

    it('counts an IPv6 network as one address, so rotating through its /64 buys nothing', async () => {
      vi.stubEnv('RATE_LIMITS', 'register-address=2/60');
      try {
        const group = (parseInt(run.slice(-4), 36) % 65_000).toString(16);
        const network = `2001:db8:${group}:7`;
        expect((await limitRegistering(`${network}::1`)).ok).toBe(true);
        expect((await limitRegistering(`${network}:0:0:0:2`)).ok).toBe(true);
        expect(await limitRegistering(`${network}:ffff::3`)).toMatchObject({ ok: false, limit: 'register-address' });
        expect((await limitRegistering(`2001:db8:${group}:8::1`)).ok).toBe(true);
      } finally {
        vi.stubEnv('RATE_LIMITS', 'comment-account=3/60,comment-address=5/60');
      }
    });

    it('counts an address across accounts, so new accounts do not buy more comments', async () => {
      const address = `203.0.113.${Math.floor(Math.random() * 250)}-${run}`;
      for (let i = 0; i < 5; i += 1) expect((await limitCommenting(`a${i}-${run}`, address)).ok).toBe(true);
      expect(await limitCommenting(`a9-${run}`, address)).toMatchObject({ ok: false, limit: 'comment-address' });
    });

    it('gives back the account’s count when the address’s limit refuses: the network’s limit does not use up the account’s', async () => {
      const busy = `203.0.113.${Math.floor(Math.random() * 250)}-busy-${run}`;
      for (let i = 0; i < 5; i += 1) expect((await limitCommenting(`n${i}-${run}`, busy)).ok).toBe(true);
      for (let i = 0; i < 3; i += 1) {
        expect(await limitCommenting(`reader-${run}`, busy)).toMatchObject({ ok: false, limit: 'comment-address' });
      }
      // From another network the reader still has every one of their three comments.
      for (let i = 0; i < 3; i += 1) expect((await limitCommenting(`reader-${run}`, `elsewhere-${run}`)).ok).toBe(true);
      expect(await limitCommenting(`reader-${run}`, `elsewhere-${run}`)).toMatchObject({ ok: false, limit: 'comment-account' });
    });

    it('gives back an edit the blog refused', async () => {
      vi.stubEnv('RATE_LIMITS', 'edit-account=2/60');
      try {
        const author = `editor-${run}`;
        expect((await limitEditing(author)).ok).toBe(true);
        await editRefused(author);
        expect((await limitEditing(author)).ok).toBe(true);
        expect((await limitEditing(author)).ok).toBe(true);
        expect(await limitEditing(author)).toMatchObject({ ok: false, limit: 'edit-account' });
      } finally {
        vi.stubEnv('RATE_LIMITS', 'comment-account=3/60,comment-address=5/60');
      }
    });

    it('limits sign-in per email whatever its case, and skips subjects it does not have', async () => {
      vi.stubEnv('RATE_LIMITS', 'signin-email=2/60');
      try {
        const email = `Someone-${run}@Example.com`;
        expect((await limitSigningIn(null, email)).ok).toBe(true);
        expect((await limitSigningIn(null, email.toLowerCase())).ok).toBe(true);
        expect(await limitSigningIn(null, email.toUpperCase())).toMatchObject({ ok: false, limit: 'signin-email' });
        expect(await limitSigningIn(null, undefined)).toEqual({ ok: true });
      } finally {
        vi.stubEnv('RATE_LIMITS', 'comment-account=3/60,comment-address=5/60');
      }
    });

    it('counts only failed sign-ins per email, so an owner signing in again and again is never locked out', async () => {
      vi.stubEnv('RATE_LIMITS', 'signin-email=2/60');
      try {
        const email = `Owner-${run}@example.com`;
        for (let i = 0; i < 5; i += 1) {
          expect((await limitSigningIn(null, email)).ok, `sign-in ${i}`).toBe(true);
          await signInSucceeded(email.toLowerCase());
        }
        // Two wrong passwords use up the tries; the third attempt is refused, whatever its password.
        expect((await limitSigningIn(null, email)).ok).toBe(true);
        expect((await limitSigningIn(null, email)).ok).toBe(true);
        expect(await limitSigningIn(null, email)).toMatchObject({ ok: false, limit: 'signin-email' });
      } finally {
        vi.stubEnv('RATE_LIMITS', 'comment-account=3/60,comment-address=5/60');
      }
    });

    it('limits sign-in per address across emails, so guessing many accounts from one place stops', async () => {
      vi.stubEnv('RATE_LIMITS', 'signin-address=3/60');
      try {
        const address = `198.51.100.${Math.floor(Math.random() * 250)}-${run}`;
        for (let i = 0; i < 3; i += 1) expect((await limitSigningIn(address, `guess-${i}-${run}@example.com`)).ok).toBe(true);
        const refused = await limitSigningIn(address, `guess-9-${run}@example.com`);
        expect(refused).toMatchObject({ ok: false, limit: 'signin-address' });
        if (!refused.ok) expect(refused.retryAfterSeconds).toBeGreaterThan(0);
        expect((await limitSigningIn(`elsewhere-${run}`, `guess-9-${run}@example.com`)).ok).toBe(true);
      } finally {
        vi.stubEnv('RATE_LIMITS', 'comment-account=3/60,comment-address=5/60');
      }
    });

    it('stores no address or email, only hashes', async () => {
      await limitSigningIn('198.51.100.7', `private-${run}@example.com`);
      const keys = store.redis ? await redisKeys(process.env.TEST_REDIS_URL ?? '') : await databaseKeys();
      expect(keys.length, 'the sign-in was counted somewhere').toBeGreaterThan(0);
      expect(keys.join(' ')).not.toContain('198.51.100.7');
      expect(keys.join(' ')).not.toContain(`private-${run}`);
    });
  });
}

async function databaseKeys(): Promise<string[]> {
  return (await getDb().rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
}

/** Every key in the test's Redis database, read with SCAN as anyone with access to it could. */
async function redisKeys(url: string): Promise<string[]> {
  const redis = new Redis(url);
  try {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  } finally {
    redis.disconnect();
  }
}

describe('when the counters are unreachable', () => {
  afterAll(async () => {
    await closeCounters();
    vi.unstubAllEnvs();
  });

  it('lets the request through rather than stopping everyone from commenting', async () => {
    // Nothing listens on port 9 (discard) on 127.0.0.1.
    vi.stubEnv('REDIS_URL', 'redis://127.0.0.1:9');
    vi.stubEnv('RATE_LIMITS', 'comment-account=1/60');
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await limitCommenting('someone', null)).toEqual({ ok: true });
    expect(await limitCommenting('someone', null)).toEqual({ ok: true });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('counters unavailable'));
    warn.mockRestore();
  });
});
