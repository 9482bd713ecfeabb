// The comment form's stamp: when the form was rendered, signed, so the server can tell a person
// (who reads and types for a few seconds at least) from a script that posts the moment it has
// the page, without JavaScript or cookies. scripts/server.mjs stamps cached pages afresh with the
// same format and key on every response; keep the two in step.
import { timingSafeEqual } from 'node:crypto';
import { signWithBlogKey } from '@/lib/auth/secret';

/** No person writes a comment in less time than this (FORM_MIN_SECONDS changes it; test suites that type at machine speed set 0). */
export const MIN_FILL_MS = 3_000;

function minFillMs(): number {
  const seconds = process.env.FORM_MIN_SECONDS?.trim();
  return seconds && /^\d+(\.\d+)?$/.test(seconds) ? Number(seconds) * 1000 : MIN_FILL_MS;
}
/** A page left open for two days still works; older stamps ask for a resend. */
export const MAX_STAMP_AGE_MS = 2 * 24 * 60 * 60 * 1000;

const PREFIX = 'qs1';

function signature(issuedAt: string): string {
  return signWithBlogKey(`comment-form:${issuedAt}`).toString('base64url').slice(0, 27);
}

/** `qs1.<time in base 36>.<signature>` */
export function issueFormStamp(now = Date.now()): string {
  const issuedAt = now.toString(36);
  return `${PREFIX}.${issuedAt}.${signature(issuedAt)}`;
}

/**
 * The stamp a refused form gets back. A genuine stamp that merely expired shows its reader has had
 * the page for days, so its successor is dated back far enough to be sent again at once; a missing
 * or forged one starts the clock like a freshly drawn page.
 */
export function renewFormStamp(reason: 'missing' | 'forged' | 'expired', now = Date.now()): string {
  return issueFormStamp(reason === 'expired' ? now - minFillMs() : now);
}

export type StampCheck = { ok: true } | { ok: false; reason: 'missing' | 'forged' | 'too-fast' | 'expired' };

export function checkFormStamp(stamp: unknown, now = Date.now()): StampCheck {
  if (typeof stamp !== 'string' || stamp === '') return { ok: false, reason: 'missing' };
  const [prefix, issuedAt, given, ...rest] = stamp.split('.');
  if (prefix !== PREFIX || !issuedAt || !given || rest.length > 0 || !/^[0-9a-z]{1,12}$/.test(issuedAt)) {
    return { ok: false, reason: 'forged' };
  }
  const expected = Buffer.from(signature(issuedAt));
  const actual = Buffer.from(given);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return { ok: false, reason: 'forged' };
  const age = now - parseInt(issuedAt, 36);
  if (age < minFillMs()) return { ok: false, reason: 'too-fast' };
  if (age > MAX_STAMP_AGE_MS) return { ok: false, reason: 'expired' };
  return { ok: true };
}
