// How often one account or one address may comment, register and try to sign in. Counters are
// shared by every instance (lib/db/counters: the database, or Redis with REDIS_URL), so the limits
// hold however many instances serve the blog.
import { isIPv6 } from 'node:net';
import { signWithBlogKey } from '@/lib/auth/secret';
import { countHit, refundHit } from '@/lib/db/counters';

export type LimitName =
  | 'comment-account'
  | 'comment-address'
  | 'edit-account'
  | 'preview-address'
  | 'rename-account'
  | 'register-address'
  | 'signin-address'
  | 'signin-email';

export interface Limit {
  /** How many hits a window allows. */
  max: number;
  windowSeconds: number;
}

/** Generous for people, tight for scripts: a person does not write six comments a minute. */
export const defaultLimits: Record<LimitName, Limit> = {
  'comment-account': { max: 5, windowSeconds: 60 },
  'comment-address': { max: 20, windowSeconds: 10 * 60 },
  // Each edit is rendered and judged again like a new comment; mending a typo takes a few.
  'edit-account': { max: 10, windowSeconds: 10 * 60 },
  // A preview is rendered like a comment, and asks no account: a writer previews a few times a comment.
  'preview-address': { max: 10, windowSeconds: 60 },
  // A new name is shown on every page they commented on, which is then drawn again.
  'rename-account': { max: 5, windowSeconds: 60 * 60 },
  'register-address': { max: 5, windowSeconds: 60 * 60 },
  'signin-address': { max: 20, windowSeconds: 15 * 60 },
  'signin-email': { max: 10, windowSeconds: 15 * 60 },
};

const LIMIT_NAMES = Object.keys(defaultLimits) as LimitName[];

export class RateLimitSetupError extends Error {
  override name = 'RateLimitSetupError';
}

/**
 * The limits in force: the defaults, changed by RATE_LIMITS, e.g.
 * `RATE_LIMITS="comment-account=10/60,register-address=50/3600"` (max hits / window in seconds),
 * or `RATE_LIMITS=off` for no limits at all (benchmarks that measure raw write speed).
 */
export function parseLimits(text: string | undefined): Record<LimitName, Limit> | null {
  const spec = text?.trim() ?? '';
  if (spec === 'off') return null;
  const limits = { ...defaultLimits };
  for (const entry of spec.split(',').map((part) => part.trim()).filter(Boolean)) {
    const match = /^([a-z-]+)=(\d+)\/(\d+)$/.exec(entry);
    const name = match?.[1] as LimitName | undefined;
    if (!match || !name || !LIMIT_NAMES.includes(name) || Number(match[3]) === 0) {
      throw new RateLimitSetupError(
        `RATE_LIMITS: "${entry}" is not <name>=<max>/<seconds> with a name from ${LIMIT_NAMES.join(', ')} (or RATE_LIMITS=off).`,
      );
    }
    limits[name] = { max: Number(match[2]), windowSeconds: Number(match[3]) };
  }
  return limits;
}

export type RateLimitResult = { ok: true } | { ok: false; limit: LimitName; retryAfterSeconds: number };

/**
 * Counts one attempt against each limit that has a subject (an account id, an address, an email)
 * and says whether all of them still allow it. Subjects are hashed: the table never holds an
 * address or an email. If the counters cannot be reached the attempt is allowed: an outage of the
 * counter store must not stop people from commenting.
 */
export async function takeRateLimit(
  checks: { limit: LimitName; subject: string | null | undefined }[],
  now = new Date(),
): Promise<RateLimitResult> {
  const limits = parseLimits(process.env.RATE_LIMITS);
  if (!limits) return { ok: true };
  const counted: string[] = [];
  for (const { limit, subject } of checks) {
    if (!subject) continue;
    const { max, windowSeconds } = limits[limit];
    const key = counterKey(limit, subject);
    let hit;
    try {
      hit = await countHit(key, windowSeconds * 1000, now);
    } catch (error) {
      console.warn(`rate limits: counters unavailable, allowing the request (${error instanceof Error ? error.message.split('\n')[0] : error})`);
      return { ok: true };
    }
    if (hit.count > max) {
      // The attempt stops here and nothing is done, so the limits it passed on the way give their
      // count back: a comment refused for its network's limit does not use up its account's.
      await refundAll(counted);
      const secondsLeft = Math.ceil((hit.resetAt.getTime() - now.getTime()) / 1000);
      return { ok: false, limit, retryAfterSeconds: Math.min(windowSeconds, Math.max(1, secondsLeft)) };
    }
    counted.push(key);
  }
  return { ok: true };
}

async function refundAll(keys: string[]): Promise<void> {
  try {
    for (const key of keys) await refundHit(key);
  } catch (error) {
    console.warn(`rate limits: counters unavailable, a refused attempt stays counted (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}

/**
 * Keyed with the blog's secret, as the address kept with a guest's comment is: a plain hash of an
 * IPv4 address is undone by hashing all four billion, and of an email by a list of known ones.
 */
function hashSubject(subject: string): string {
  return signWithBlogKey(subject.toLowerCase()).toString('base64url').slice(0, 22);
}

/**
 * An address as the per-address limits count it. One IPv6 household, phone or server is handed a
 * whole /64 and can send from any address in it, so the /64 is what is counted; an IPv4 address
 * written the IPv6 way counts as itself.
 */
export function addressSubject(address: string): string {
  const plain = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(plain);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(plain)) return plain;
  const [head = '', tail] = plain.split('::');
  const groups = (part: string | undefined) => (part ? part.split(':') : []);
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/** The shared counter one limit keeps for one account, address or email. */
export function counterKey(limit: LimitName, subject: string): string {
  return `${limit}:${hashSubject(limit.endsWith('-address') ? addressSubject(subject) : subject)}`;
}

/** "40 seconds", "12 minutes", "1 hour": how long to wait, as a person would say it. */
export function waitText(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

const WHAT: Record<LimitName, string> = {
  'comment-account': 'You are commenting faster than this blog allows.',
  'comment-address': 'Many comments came from your network just now.',
  'edit-account': 'You are editing comments faster than this blog allows.',
  'preview-address': 'Many previews came from your network just now.',
  'rename-account': 'You have changed your name several times just now.',
  'register-address': 'Many accounts were created from your network just now.',
  'signin-address': 'There were too many sign-in attempts from your network.',
  'signin-email': 'There were too many sign-in attempts for this account.',
};

/** The message a person reads in the form (and the API's `error`): what happened and how long to wait. */
export function rateLimitMessage(result: { limit: LimitName; retryAfterSeconds: number }): string {
  return `${WHAT[result.limit]} Please wait ${waitText(result.retryAfterSeconds)} and try again.`;
}

/** A limit's refusal as every door answers it: 429, the message on the form's top line, and when to try again. */
export function tooFast(result: { limit: LimitName; retryAfterSeconds: number }) {
  return { ok: false as const, status: 429 as const, errors: { request: rateLimitMessage(result) }, retryAfterSeconds: result.retryAfterSeconds };
}

/** Before a comment is written: per account, and per address (which is all a guest has). */
export function limitCommenting(accountId: string | null | undefined, address: string | null | undefined) {
  return takeRateLimit([
    { limit: 'comment-account', subject: accountId },
    { limit: 'comment-address', subject: address },
  ]);
}

/** Before an edit is saved: per account (only the author edits). */
export function limitEditing(accountId: string) {
  return takeRateLimit([{ limit: 'edit-account', subject: accountId }]);
}

/** Before a comment is previewed (rendered, not kept): per address, which is all a guest or a script has. */
export function limitPreviewing(address: string | null | undefined) {
  return takeRateLimit([{ limit: 'preview-address', subject: address }]);
}

/** Before a new display name is saved: per account. */
export function limitRenaming(accountId: string) {
  return takeRateLimit([{ limit: 'rename-account', subject: accountId }]);
}

/**
 * After `limitCommenting` allowed a comment the blog then refused anyway (a reply to a removed
 * comment, a double post): that was no comment, so it gives its count back, and retrying it keeps
 * hearing why instead of "too fast".
 */
export async function commentRefused(accountId: string | null | undefined, address: string | null | undefined): Promise<void> {
  if (!parseLimits(process.env.RATE_LIMITS)) return;
  await refundAll([
    ...(accountId ? [counterKey('comment-account', accountId)] : []),
    ...(address ? [counterKey('comment-address', address)] : []),
  ]);
}

/** After `limitEditing` allowed an edit the blog then refused (not theirs, past its window, banned): nothing was saved. */
export async function editRefused(accountId: string): Promise<void> {
  if (!parseLimits(process.env.RATE_LIMITS)) return;
  await refundAll([counterKey('edit-account', accountId)]);
}

/** After `limitRenaming` allowed a new name that was then not saved (the database failed): nothing changed. */
export async function renameRefused(accountId: string): Promise<void> {
  if (!parseLimits(process.env.RATE_LIMITS)) return;
  await refundAll([counterKey('rename-account', accountId)]);
}

/** Before an account is created. */
export function limitRegistering(address: string | null | undefined) {
  return takeRateLimit([{ limit: 'register-address', subject: address }]);
}

function signInEmail(email: unknown): string | null {
  return typeof email === 'string' ? email.trim() : null;
}

/**
 * Before a password is checked: per address, and per email so one account cannot be guessed at
 * from many. The email's count is taken now, so a burst of guesses cannot all slip past it, and
 * given back by `signInSucceeded` when the password was right: only failed attempts use up an
 * account's tries, and its owner signing in again and again never locks them out.
 */
export function limitSigningIn(address: string | null | undefined, email: unknown) {
  return takeRateLimit([
    { limit: 'signin-address', subject: address },
    { limit: 'signin-email', subject: signInEmail(email) },
  ]);
}

/** After a right password: the attempt `limitSigningIn` counted against the email was not a guess. */
export async function signInSucceeded(email: string): Promise<void> {
  const limits = parseLimits(process.env.RATE_LIMITS);
  const subject = signInEmail(email);
  if (!limits || !subject) return;
  try {
    await refundHit(counterKey('signin-email', subject));
  } catch (error) {
    console.warn(`rate limits: counters unavailable, a sign-in stays counted (${error instanceof Error ? error.message.split('\n')[0] : error})`);
  }
}
