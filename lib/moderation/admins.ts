import { getDb } from '@/lib/db';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { emailProvenBy } from '@/lib/users/accounts';
import { nameRefusal } from '@/lib/users/names';
import { displayNameSchema, emailSchema, passwordSchema } from '@/lib/users/schemas';
import { auditEntry, auditEntryData } from './audit';

/**
 * The log line for a role change. Nobody signed in makes these (the environment on start, or the
 * command line), so the actor is null, which the log shows as "system".
 */
function roleChange(userId: string, before: string | null, after: 'admin' | 'reader', reason: string) {
  return auditEntry({ actorId: null, action: after === 'admin' ? 'promote' : 'demote', targetType: 'user', targetId: userId, before, after, reason });
}

const FROM_ENV = 'ADMIN_EMAIL on start';
const FROM_COMMAND_LINE = 'npm run admin';

/**
 * The first admin comes from the environment: ADMIN_EMAIL is made an admin on start, and with
 * ADMIN_PASSWORD the account is created when it does not exist yet (or, when it exists with a
 * password, promoted only if that password is ADMIN_PASSWORD; never without ADMIN_PASSWORD). ADMIN_NAME, if set, is the
 * name the account shows, given when it is created (later the admin changes it at /account). `env` is a plain record so
 * both process.env and `{ ADMIN_EMAIL: … }` fit (a type with only optional keys refuses process.env).
 */
export async function ensureAdminFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): Promise<string | null> {
  if (!env.ADMIN_EMAIL?.trim()) return null;
  // A typo here would make an admin nobody can sign in as (sign-in asks for an email address).
  const parsed = emailSchema.safeParse(env.ADMIN_EMAIL);
  if (!parsed.success) {
    return `admin: ADMIN_EMAIL "${env.ADMIN_EMAIL.trim()}" is not usable: ${parsed.error.issues[0]?.message ?? 'not an email address.'} Nobody was made an admin.`;
  }
  const email = parsed.data;
  // The name the admin's comments show; without it, the address's part before the @.
  const named = env.ADMIN_NAME?.trim() ? displayNameSchema.safeParse(env.ADMIN_NAME) : null;
  if (named && !named.success) {
    return `admin: ADMIN_NAME "${env.ADMIN_NAME?.trim()}" is not usable: ${named.error.issues[0]?.message ?? 'not a name.'} Nothing was changed.`;
  }
  const name = named?.data;
  const db = getDb();
  const existing = await db.user.findUnique({
    where: { email },
    select: { id: true, role: true, name: true, passwordHash: true, accounts: { select: { provider: true } } },
  });
  if (existing) {
    // Anyone can register any address here (nothing proves it is theirs), so an existing password
    // account is promoted only when ADMIN_PASSWORD is its password. An account without one is
    // promoted only if the providers it signs in with proved the address (Google does; a GitHub
    // account can carry an address its holder never proved).
    const password = env.ADMIN_PASSWORD;
    if (existing.role !== 'admin' && !existing.passwordHash && !emailProvenBy(existing.accounts.map((account) => account.provider))) {
      return `admin: not promoting ${email}: it signs in with a provider that does not prove the address is its holder's; if it is yours, run npm run admin -- promote ${email}`;
    }
    if (existing.role !== 'admin' && existing.passwordHash) {
      if (!password) {
        return `admin: not promoting ${email}: it has a password and ADMIN_PASSWORD is not set, so nothing shows it is yours; set ADMIN_PASSWORD to its password, or run npm run admin -- promote ${email}`;
      }
      if (!(await verifyPassword(password, existing.passwordHash))) {
        return `admin: not promoting ${email}: its password is not ADMIN_PASSWORD, so it may not be yours; if it is, run npm run admin -- promote ${email}`;
      }
    }
    if (existing.role !== 'admin') {
      await db.$transaction([db.user.update({ where: { id: existing.id }, data: { role: 'admin' } }), roleChange(existing.id, existing.role, 'admin', FROM_ENV)]);
    }
    // ADMIN_NAME named the account when it was made; since then the admin names themself at
    // /account, and a start putting the old name back would undo that.
    return `admin: ${email}`;
  }
  const password = env.ADMIN_PASSWORD;
  if (!password) {
    return `admin: ${email} has no account yet; set ADMIN_PASSWORD (8+ characters) to create it, or register it and run npm run admin -- promote ${email}`;
  }
  // The rules a reader's password follows at registration, so that the admin can sign in with all of it.
  const usable = passwordSchema.safeParse(password);
  if (!usable.success) {
    return `admin: ${email} has no account yet, and ADMIN_PASSWORD cannot make it: ${usable.error.issues[0]?.message ?? 'not a usable password.'} Set another, or register it and run npm run admin -- promote ${email}`;
  }
  // The rules any reader's name answers to: the words the blog blocks, and no other admin's name
  // (two admins of one name and readers cannot tell who answered them). The address's part before
  // the @ too, when it stands in for ADMIN_NAME.
  const shown = name ?? email.split('@')[0] ?? 'Admin';
  const refused = await nameRefusal(shown, null);
  if (refused) {
    return name
      ? `admin: ${email} has no account yet, and ADMIN_NAME "${name}" cannot name it: ${refused} Set another, or leave ADMIN_NAME unset. Nothing was changed.`
      : `admin: ${email} has no account yet, and "${shown}" (its part before the @) cannot name it: ${refused} Set ADMIN_NAME to the name it should show. Nothing was changed.`;
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name: shown, role: 'admin', passwordHash }, select: { id: true } });
    // A new account made an admin: no role before.
    await tx.auditEntry.create({
      data: auditEntryData({ actorId: null, action: 'promote', targetType: 'user', targetId: user.id, before: null, after: 'admin', reason: FROM_ENV }),
    });
  });
  return `admin: created ${email}`;
}

/** Promote or demote an existing account; the answer says what happened or why not. */
export async function setRoleByEmail(email: string, role: 'admin' | 'reader'): Promise<string> {
  const db = getDb();
  const normalized = email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true, role: true } });
  if (!user) throw new Error(`no account with email ${normalized}; the person must register first`);
  if (user.role === role) return `${normalized} is already ${role === 'admin' ? 'an admin' : 'a reader'}`;
  await db.$transaction([db.user.update({ where: { id: user.id }, data: { role } }), roleChange(user.id, user.role, role, FROM_COMMAND_LINE)]);
  return `${normalized} is now ${role === 'admin' ? 'an admin' : 'a reader'}`;
}
