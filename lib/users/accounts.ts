import { getDb, isUniqueViolation } from '@/lib/db';
import { hashForUnknownUser, hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { nameForNewAccount } from './names';
import type { Registration } from './schemas';

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: 'reader' | 'admin';
}

export function toViewer(user: { id: string; name: string; email: string; role: string }): Viewer {
  return { id: user.id, name: user.name, email: user.email, role: user.role === 'admin' ? 'admin' : 'reader' };
}

export type RegisterResult = { ok: true; user: Viewer } | { ok: false; reason: 'email-taken' };

/** A new reader account. The email is unique; a second registration with it is refused, not merged. */
export async function registerUser(input: Registration): Promise<RegisterResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await getDb().user.create({
      data: { email: input.email, name: input.name, passwordHash },
      select: { id: true, name: true, email: true, role: true },
    });
    return { ok: true, user: toViewer(user) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'email-taken' };
    throw error;
  }
}

/**
 * The account these credentials open, or null. Unknown emails still pay for a hash comparison, so
 * timing does not tell a guesser which emails have accounts.
 */
export async function verifyCredentials(email: string, password: string): Promise<Viewer | null> {
  const user = await getDb().user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true },
  });
  const matches = await verifyPassword(password, user?.passwordHash ?? hashForUnknownUser());
  return user?.passwordHash && matches ? toViewer(user) : null;
}

/** Whether the account signs in with a password here (not only through GitHub or Google). */
export async function hasPassword(userId: string): Promise<boolean> {
  const user = await getDb().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  return Boolean(user?.passwordHash);
}

/**
 * Whether an OAuth sign-in may join the account that already has its email. Registration here
 * never proves an email, so a provider's account is not joined to a password account by email
 * alone: whoever registered that address first (perhaps not its owner) would share the account.
 * The password account's owner signs in with the password instead. Nor is it joined to a
 * password-less account unless the provider says it verified the address (GitHub does not say):
 * anyone can put someone else's address on a provider account, and that account would open theirs.
 */
function mayJoinByEmail(existing: { passwordHash: string | null; accounts: { provider: string }[] }, emailVerified: boolean | undefined): boolean {
  // Nor to one a provider made without proving the address: its holder may not own the email.
  return emailVerified === true && !existing.passwordHash && emailProvenBy(existing.accounts.map((account) => account.provider));
}

/** Providers that sign in only with an address they verified (a Google sign-in that says otherwise is refused); GitHub does not say. */
const PROVIDERS_THAT_VERIFY = new Set(['google']);

/**
 * Whether an account's sign-in identities show its email is its holder's: there is at least one,
 * and every one is from a provider that verified the address. A password proves nothing here.
 */
export function emailProvenBy(providers: string[]): boolean {
  return providers.length > 0 && providers.every((provider) => PROVIDERS_THAT_VERIFY.has(provider));
}

/**
 * Whether an OAuth sign-in may go on: an identity already linked, a new email (its account is made
 * for it), or an existing account the sign-in may join (mayJoinByEmail). A provider that says the
 * email is unverified is refused.
 */
export async function mayUseOAuth(profile: { provider: string; providerAccountId: string; email: string; emailVerified?: boolean }): Promise<boolean> {
  if (profile.emailVerified === false) return false;
  const db = getDb();
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
    select: { userId: true },
  });
  if (linked) return true;
  const existing = await db.user.findUnique({
    where: { email: profile.email.trim().toLowerCase() },
    select: { passwordHash: true, accounts: { select: { provider: true } } },
  });
  return !existing || mayJoinByEmail(existing, profile.emailVerified);
}

/**
 * An OAuth sign-in (allowed by mayUseOAuth): the linked account's user, else the user with that
 * email when the sign-in may join it, else a new user. Null when the email's account may not be
 * joined: it can have appeared since mayUseOAuth looked.
 */
export async function findOrCreateOAuthUser(profile: {
  provider: string;
  providerAccountId: string;
  email: string;
  name: string;
  emailVerified?: boolean;
}): Promise<Viewer | null> {
  const db = getDb();
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: profile.provider, providerAccountId: profile.providerAccountId } },
    select: { user: { select: { id: true, name: true, email: true, role: true } } },
  });
  if (linked) return toViewer(linked.user);
  const email = profile.email.trim().toLowerCase();
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, passwordHash: true, accounts: { select: { provider: true } } },
  });
  if (existing && !mayJoinByEmail(existing, profile.emailVerified)) return null;
  let user = existing;
  if (!user) {
    try {
      user = await db.user.create({
        data: { email, name: await nameForNewAccount(profile.name, email) },
        select: { id: true, name: true, email: true, role: true, passwordHash: true, accounts: { select: { provider: true } } },
      });
    } catch (error) {
      // The email got an account meanwhile: refused rather than joined unchecked; signing in again decides afresh.
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }
  await db.account.create({
    data: { userId: user.id, provider: profile.provider, providerAccountId: profile.providerAccountId },
  });
  return toViewer(user);
}

/** Whether an account with this id exists (admin doors check before acting on it). */
export async function userExists(id: unknown): Promise<boolean> {
  if (typeof id !== 'string' || id === '') return false;
  return (await getDb().user.findUnique({ where: { id }, select: { id: true } })) !== null;
}
