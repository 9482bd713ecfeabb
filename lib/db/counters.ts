// Counters that expire: one fixed window per key, shared by every app instance. They live in the
// database's RateLimit table, or in Redis when REDIS_URL is set (cheaper for a busy blog on
// several instances). Only rate limits use them; see lib/rate-limits.
import { Redis } from 'ioredis';
import { getDb } from './index';

export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** When the current window ends and the count starts again from zero. */
  resetAt: Date;
}

/** Adds one hit to `key`'s window of `windowMs` (a new window starts when the last one has ended). */
export async function countHit(key: string, windowMs: number, now = new Date()): Promise<WindowCount> {
  const redis = redisClient();
  return redis ? countHitInRedis(redis, key, windowMs) : countHitInDatabase(key, windowMs, now);
}

async function countHitInDatabase(key: string, windowMs: number, now: Date): Promise<WindowCount> {
  const db = getDb();
  const resetAt = new Date(now.getTime() + windowMs);
  // One statement either way (INSERT … ON CONFLICT DO UPDATE on both databases), so concurrent
  // hits on one key all count.
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, resetAt },
    update: { count: { increment: 1 } },
  });
  if (row.resetAt > now) return { count: row.count, resetAt: row.resetAt };
  // The stored window has ended: start a new one. Only the hit that sees the old window still
  // there resets it (to 1, itself); one that loses that race counts itself in the new window.
  const { count } = await db.rateLimit.updateMany({
    where: { key, resetAt: row.resetAt },
    data: { count: 1, resetAt },
  });
  if (count === 0) {
    const current = await db.rateLimit.upsert({
      where: { key },
      create: { key, count: 1, resetAt },
      update: { count: { increment: 1 } },
    });
    return { count: current.count, resetAt: current.resetAt };
  }
  // Now and then, sweep windows that ended long ago so the table stays small.
  if (Math.random() < 0.01) {
    await db.rateLimit.deleteMany({ where: { resetAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  }
  return { count: 1, resetAt };
}

/**
 * Takes one hit back from `key`'s current window (never below zero; nothing once the window has
 * ended), for an attempt that turned out not to be one the limit is about.
 */
export async function refundHit(key: string, now = new Date()): Promise<void> {
  const redis = redisClient();
  if (redis) {
    await redis.eval(DECREMENT_ABOVE_ZERO, 1, `quire:${key}`);
    return;
  }
  await getDb().rateLimit.updateMany({ where: { key, resetAt: { gt: now }, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

// A key that has expired is gone, so there is nothing to take back from an ended window.
const DECREMENT_ABOVE_ZERO = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

// INCR and the expiry in one round trip; the expiry is set only by the hit that opens the window.
const INCREMENT_WITH_EXPIRY = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

async function countHitInRedis(redis: Redis, key: string, windowMs: number): Promise<WindowCount> {
  const [count, ttl] = (await redis.eval(INCREMENT_WITH_EXPIRY, 1, `quire:${key}`, String(windowMs))) as [number, number];
  return { count, resetAt: new Date(Date.now() + ttl) };
}

const redisClients = ((globalThis as typeof globalThis & { __quireRedis?: Map<string, Redis> }).__quireRedis ??=
  new Map<string, Redis>());

function redisClient(): Redis | null {
  const url = process.env.REDIS_URL?.trim();
  if (!url) return null;
  let client = redisClients.get(url);
  if (!client) {
    // Fail within a second while Redis is away (the caller decides what that means) instead of
    // waiting for it.
    client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2_000, commandTimeout: 1_000 });
    client.on('error', () => {}); // reported through the failed command instead
    redisClients.set(url, client);
  }
  return client;
}

/** Closes the Redis connection (tests, shutdown). */
export async function closeCounters(): Promise<void> {
  await Promise.all([...redisClients.values()].map((client) => client.quit().catch(() => undefined)));
  redisClients.clear();
}
