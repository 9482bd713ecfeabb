// Who is an admin: ADMIN_EMAIL on start, and `npm run admin promote|demote`, on each provider.
import { describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/passwords';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { setCommentSettings } from '@/lib/comments/settings';
import { ensureAdminFromEnv, setRoleByEmail } from './admins';

/** Creating and migrating a database can be slow on a busy machine or a cold PostgreSQL. */
const HOOK_TIMEOUT = 60_000;

function roleOf(email: string) {
  return getDb()
    .user.findUnique({ where: { email }, select: { role: true } })
    .then((user) => user?.role);
}

/** The log's role changes about one account, oldest first. */
function roleEntries(email: string) {
  return getDb()
    .user.findUniqueOrThrow({ where: { email }, select: { id: true } })
    .then(({ id }) =>
      getDb().auditEntry.findMany({
        where: { targetType: 'user', targetId: id },
        orderBy: { id: 'asc' },
        select: { actorId: true, action: true, before: true, after: true, reason: true },
      }),
    );
}

/** A reader who signs in with `provider` (no password): Google proves the address, GitHub does not. */
function insertReader(email: string, name = 'Reader', provider = 'google') {
  return getDb().user.create({ data: { email, name, accounts: { create: { provider, providerAccountId: `${provider}-${email}` } } } });
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`admins on ${provider}`, () => {
    useTestDatabase(provider);

    describe('ensureAdminFromEnv', () => {
      it('does nothing without ADMIN_EMAIL', async () => {
        const users = await getDb().user.count();
        expect(await ensureAdminFromEnv({})).toBeNull();
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: '  ', ADMIN_PASSWORD: 'long enough password' })).toBeNull();
        expect(await getDb().user.count()).toBe(users);
      });

      it('names the admin ADMIN_NAME on creation, leaves the name the admin chose since alone, and refuses a name the blog would not take', async () => {
        expect(
          await ensureAdminFromEnv({ ADMIN_EMAIL: 'named@example.com', ADMIN_PASSWORD: 'correct horse battery', ADMIN_NAME: ' Ada Owner ' }),
        ).toBe('admin: created named@example.com');
        const nameOf = async () => (await getDb().user.findUniqueOrThrow({ where: { email: 'named@example.com' }, select: { name: true } })).name;
        expect(await nameOf()).toBe('Ada Owner');
        // Renamed at /account since: the next start keeps that name.
        await getDb().user.update({ where: { email: 'named@example.com' }, data: { name: 'Ada' } });
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'named@example.com', ADMIN_NAME: ' Ada Owner ' })).toBe('admin: named@example.com');
        expect(await nameOf()).toBe('Ada');
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'named@example.com', ADMIN_NAME: 'x'.repeat(81) })).toBe(
          `admin: ADMIN_NAME "${'x'.repeat(81)}" is not usable: Name must be at most 80 characters. Nothing was changed.`,
        );
        expect(await nameOf()).toBe('Ada');
        // A name no reader could take: another admin's, or one with a word the blog blocks.
        expect(
          await ensureAdminFromEnv({ ADMIN_EMAIL: 'second@example.com', ADMIN_PASSWORD: 'correct horse battery', ADMIN_NAME: 'ada' }),
        ).toBe(
          'admin: second@example.com has no account yet, and ADMIN_NAME "ada" cannot name it: That is the name of one of this blog’s admins. Choose another. Set another, or leave ADMIN_NAME unset. Nothing was changed.',
        );
        await setCommentSettings({ blockWords: ['scoundrel'] });
        expect(
          await ensureAdminFromEnv({ ADMIN_EMAIL: 'second@example.com', ADMIN_PASSWORD: 'correct horse battery', ADMIN_NAME: 'Scoundrel Sam' }),
        ).toMatch(/^admin: second@example\.com has no account yet, and ADMIN_NAME "Scoundrel Sam" cannot name it: Names may not contain “scoundrel”/);
        // Unnamed, the address's part before the @ answers to the same rules.
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'scoundrel@example.com', ADMIN_PASSWORD: 'correct horse battery' })).toMatch(
          /^admin: scoundrel@example\.com has no account yet, and "scoundrel" \(its part before the @\) cannot name it: Names may not contain “scoundrel”.* Set ADMIN_NAME/,
        );
        await setCommentSettings({ blockWords: [] });
        expect(await getDb().user.count({ where: { email: { in: ['second@example.com', 'scoundrel@example.com'] } } })).toBe(0);
        // Without it, the part of the address before the @.
        await ensureAdminFromEnv({ ADMIN_EMAIL: 'plain.owner@example.com', ADMIN_PASSWORD: 'correct horse battery' });
        expect((await getDb().user.findUniqueOrThrow({ where: { email: 'plain.owner@example.com' }, select: { name: true } })).name).toBe(
          'plain.owner',
        );
      });

      it('does not promote an account made by a sign-in that did not prove the address (GitHub)', async () => {
        await insertReader('claimed@example.com', 'Claimed', 'github');
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'claimed@example.com' })).toBe(
          "admin: not promoting claimed@example.com: it signs in with a provider that does not prove the address is its holder's; if it is yours, run npm run admin -- promote claimed@example.com",
        );
        expect(await roleOf('claimed@example.com')).toBe('reader');
      });

      it('promotes an existing account without a password (a Google sign-in), whatever the email’s case and spaces', async () => {
        const user = await insertReader('owner@example.com', 'Owner');
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: '  Owner@Example.COM ' })).toBe('admin: owner@example.com');
        expect(await roleOf('owner@example.com')).toBe('admin');
        // Again on the next start: still an admin, nothing else changes.
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'owner@example.com', ADMIN_PASSWORD: 'ignored password' })).toBe(
          'admin: owner@example.com',
        );
        const after = await getDb().user.findUniqueOrThrow({
          where: { id: user.id },
          select: { role: true, passwordHash: true },
        });
        expect(after).toEqual({ role: 'admin', passwordHash: null });
        // Logged once, as the system's doing: the second start changed nothing.
        expect(await roleEntries('owner@example.com')).toEqual([
          { actorId: null, action: 'promote', before: 'reader', after: 'admin', reason: 'ADMIN_EMAIL on start' },
        ]);
      });

      it(
        'creates a missing account as an admin with a bcrypt hash of ADMIN_PASSWORD',
        async () => {
          expect(
            await ensureAdminFromEnv({ ADMIN_EMAIL: 'New.Admin@Example.com', ADMIN_PASSWORD: 'correct horse battery' }),
          ).toBe('admin: created new.admin@example.com');
          const created = await getDb().user.findUniqueOrThrow({
            where: { email: 'new.admin@example.com' },
            select: { role: true, name: true, passwordHash: true },
          });
          expect(created).toMatchObject({ role: 'admin', name: 'new.admin' });
          expect(created.passwordHash).toMatch(/^\$2[aby]\$10\$.{53}$/);
          expect(created.passwordHash).not.toContain('correct horse');
          expect(await verifyPassword('correct horse battery', created.passwordHash ?? '')).toBe(true);
          expect(await verifyPassword('wrong password', created.passwordHash ?? '')).toBe(false);
          expect(await roleEntries('new.admin@example.com')).toEqual([
            { actorId: null, action: 'promote', before: null, after: 'admin', reason: 'ADMIN_EMAIL on start' },
          ]);
        },
        HOOK_TIMEOUT,
      ); // bcrypt is deliberately slow, more so on a busy machine

      it(
        'does not promote a registered password account whose password is not ADMIN_PASSWORD',
        async () => {
          const passwordHash = await hashPassword('someone else typed this');
          await getDb().user.create({ data: { email: 'taken@example.com', name: 'Squatter', passwordHash } });
          expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'taken@example.com', ADMIN_PASSWORD: 'the owner’s password' })).toBe(
            'admin: not promoting taken@example.com: its password is not ADMIN_PASSWORD, so it may not be yours; if it is, run npm run admin -- promote taken@example.com',
          );
          expect(await roleOf('taken@example.com')).toBe('reader');
          // Nor without ADMIN_PASSWORD: whoever registered the address first would become the admin.
          expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'taken@example.com' })).toBe(
            'admin: not promoting taken@example.com: it has a password and ADMIN_PASSWORD is not set, so nothing shows it is yours; set ADMIN_PASSWORD to its password, or run npm run admin -- promote taken@example.com',
          );
          expect(await roleOf('taken@example.com')).toBe('reader');
          expect(await roleEntries('taken@example.com'), 'nothing logged for a promotion refused').toEqual([]);
          expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'taken@example.com', ADMIN_PASSWORD: 'someone else typed this' })).toBe(
            'admin: taken@example.com',
          );
          expect(await roleOf('taken@example.com')).toBe('admin');
        },
        HOOK_TIMEOUT,
      );

      it('says what to do and creates nothing when the account is missing and there is no usable password', async () => {
        const users = await getDb().user.count();
        const message =
          'admin: missing@example.com has no account yet; set ADMIN_PASSWORD (8+ characters) to create it, or register it and run npm run admin -- promote missing@example.com';
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'missing@example.com' })).toBe(message);
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'missing@example.com', ADMIN_PASSWORD: '' })).toBe(message);
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'missing@example.com', ADMIN_PASSWORD: 'short12' })).toBe(
          'admin: missing@example.com has no account yet, and ADMIN_PASSWORD cannot make it: Password must be at least 8 characters. Set another, or register it and run npm run admin -- promote missing@example.com',
        );
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'missing@example.com', ADMIN_PASSWORD: 'p'.repeat(73) })).toMatch(
          /ADMIN_PASSWORD cannot make it: Password must be at most 72 characters/,
        );
        // A typo in the address would make an admin nobody can sign in as.
        expect(await ensureAdminFromEnv({ ADMIN_EMAIL: 'notanemail', ADMIN_PASSWORD: 'correct-horse' })).toBe(
          'admin: ADMIN_EMAIL "notanemail" is not usable: Enter a valid email address, like name@example.com. Nobody was made an admin.',
        );
        expect(await getDb().user.count()).toBe(users);
        expect(await roleOf('missing@example.com')).toBeUndefined();
      });

      it('reads process.env by default', async () => {
        await insertReader('from-env@example.com');
        vi.stubEnv('ADMIN_EMAIL', 'from-env@example.com');
        vi.stubEnv('ADMIN_PASSWORD', '');
        try {
          expect(await ensureAdminFromEnv()).toBe('admin: from-env@example.com');
        } finally {
          vi.stubEnv('ADMIN_EMAIL', undefined);
          vi.stubEnv('ADMIN_PASSWORD', undefined);
        }
        expect(await roleOf('from-env@example.com')).toBe('admin');
      });
    });

    describe('setRoleByEmail', () => {
      it('promotes and demotes, saying what happened', async () => {
        await insertReader('pat@example.com', 'Pat');
        expect(await setRoleByEmail(' PAT@example.com ', 'admin')).toBe('pat@example.com is now an admin');
        expect(await roleOf('pat@example.com')).toBe('admin');
        expect(await setRoleByEmail('pat@example.com', 'admin')).toBe('pat@example.com is already an admin');
        expect(await roleOf('pat@example.com')).toBe('admin');
        expect(await setRoleByEmail('pat@example.com', 'reader')).toBe('pat@example.com is now a reader');
        expect(await roleOf('pat@example.com')).toBe('reader');
        expect(await setRoleByEmail('pat@example.com', 'reader')).toBe('pat@example.com is already a reader');
        // One entry per change, by the system (the command line); the no-op calls log nothing.
        expect(await roleEntries('pat@example.com')).toEqual([
          { actorId: null, action: 'promote', before: 'reader', after: 'admin', reason: 'npm run admin' },
          { actorId: null, action: 'demote', before: 'admin', after: 'reader', reason: 'npm run admin' },
        ]);
      });

      it('refuses an unknown email and creates nothing', async () => {
        const users = await getDb().user.count();
        await expect(setRoleByEmail('Nobody@Example.com', 'admin')).rejects.toThrow(
          'no account with email nobody@example.com; the person must register first',
        );
        expect(await getDb().user.count()).toBe(users);
        expect(
          await getDb().auditEntry.count({
            where: { action: { in: ['promote', 'demote'] }, targetId: 'nobody@example.com' },
          }),
        ).toBe(0);
      });
    });
  });
}
