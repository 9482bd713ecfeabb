import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The key that signs session cookies. AUTH_SECRET wins; without it (a fresh clone on one machine)
 * a random key is made once and kept in data/auth-secret so sessions survive restarts. Several
 * instances behind a load balancer must share one AUTH_SECRET.
 */
export function resolveAuthSecret(): string {
  const fromEnv = process.env.AUTH_SECRET?.trim();
  if (fromEnv) return fromEnv;
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'data', 'auth-secret');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (existing) return existing;
  } catch {
    // Not made yet.
  }
  const secret = randomBytes(32).toString('base64url');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'w' });
  return secret;
}

let blogKey: string | undefined;

/**
 * `text` signed with the blog's key (HMAC-SHA256): what no one without the key can make or undo,
 * and the same on every instance that shares AUTH_SECRET. Form stamps, held notices, rate-limit
 * subjects and guests' addresses are kept or sent this way.
 */
export function signWithBlogKey(text: string): Buffer {
  blogKey ??= resolveAuthSecret();
  return createHmac('sha256', blogKey).update(text).digest();
}
