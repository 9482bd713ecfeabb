import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { findOrCreateOAuthUser, mayUseOAuth, registerUser, verifyCredentials } from './accounts';
import { sessionViewer, startSession } from './sessions';
import { registerSchema } from './schemas';

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`accounts on ${provider}`, () => {
    useTestDatabase(provider);

    /** The viewer a new sign-in of account `userId` reads as. */
    const signedInAs = async (userId: string) => sessionViewer({ userId, sessionId: await startSession(userId) });

    /** What the register form and API hand to registerUser: the parsed, normalized input. */
    const registration = (overrides: Record<string, string> = {}) =>
      registerSchema.parse({ email: 'ada@example.com', name: 'Ada Lovelace', password: 'correct horse', ...overrides });

    it('registers a reader and returns them without the hash', async () => {
      const result = await registerUser(registration({ email: ' Ada@Example.com ' }));
      expect(result).toEqual({
        ok: true,
        user: { id: expect.any(String), email: 'ada@example.com', name: 'Ada Lovelace', role: 'reader' },
      });
      expect(JSON.stringify(result)).not.toMatch(/\$2[aby]\$/);
    });

    it('refuses a second account with the same email, however it is written', async () => {
      await expect(registerUser(registration({ email: 'ADA@example.COM', name: 'Impostor' }))).resolves.toEqual({
        ok: false,
        reason: 'email-taken',
      });
      expect(await getDb().user.count({ where: { email: 'ada@example.com' } })).toBe(1);
    });

    it('rethrows database errors other than a duplicate email', async () => {
      // Bypasses the schema on purpose: Prisma refuses a missing email, which is not "email taken".
      const broken = { ...registration({ email: 'broken@example.com' }), email: undefined as unknown as string };
      await expect(registerUser(broken)).rejects.toThrow();
      expect(await getDb().user.count()).toBe(1);
    });

    it('stores a bcrypt hash, never the password, and never selects it by default', async () => {
      const user = await getDb().user.findFirstOrThrow({ where: { email: 'ada@example.com' } });
      expect(user).not.toHaveProperty('passwordHash');
      expect(await getDb().user.findFirst()).not.toHaveProperty('passwordHash');
      const { passwordHash } = await getDb().user.findUniqueOrThrow({
        where: { id: user.id },
        select: { passwordHash: true },
      });
      expect(passwordHash).toMatch(/^\$2[aby]\$10\$[./A-Za-z0-9]{53}$/);
      expect(passwordHash).not.toContain('correct horse');
    });

    it('opens the account with the right password', async () => {
      const viewer = await verifyCredentials('ada@example.com', 'correct horse');
      expect(viewer).toEqual({
        id: expect.any(String),
        email: 'ada@example.com',
        name: 'Ada Lovelace',
        role: 'reader',
      });
      expect(viewer).not.toHaveProperty('passwordHash');
      expect(await signedInAs(viewer!.id)).toEqual(viewer);
    });

    it('answers null for a wrong password and for an unknown email alike', async () => {
      expect(await verifyCredentials('ada@example.com', 'wrong horse')).toBeNull();
      expect(await verifyCredentials('ada@example.com', 'correct horse ')).toBeNull();
      expect(await verifyCredentials('nobody@example.com', 'correct horse')).toBeNull();
      // The dummy hash compared for unknown emails must not open anything either.
      expect(await verifyCredentials('nobody@example.com', 'not-a-real-password')).toBeNull();
    });

    it('reports admins as admins and anything else as a reader', async () => {
      const admin = await registerUser(registration({ email: 'root@example.com', name: 'Root' }));
      const stranger = await registerUser(registration({ email: 'odd@example.com', name: 'Odd' }));
      if (!admin.ok || !stranger.ok) return expect.unreachable('registration failed');
      await getDb().user.update({ where: { id: admin.user.id }, data: { role: 'admin' } });
      await getDb().user.update({ where: { id: stranger.user.id }, data: { role: 'superuser' } });
      expect((await verifyCredentials('root@example.com', 'correct horse'))?.role).toBe('admin');
      expect((await signedInAs(stranger.user.id))?.role).toBe('reader');
    });

    describe('OAuth sign-in', () => {
      const profile = {
        provider: 'github',
        providerAccountId: 'gh-1',
        email: ' Grace@Example.com ',
        name: 'Grace Hopper',
      };

      it('creates a user without a password and links the account', async () => {
        const viewer = await findOrCreateOAuthUser(profile);
        expect(viewer).toMatchObject({ email: 'grace@example.com', name: 'Grace Hopper', role: 'reader' });
        expect(await getDb().account.count({ where: { userId: viewer!.id } })).toBe(1);
        const { passwordHash } = await getDb().user.findUniqueOrThrow({
          where: { id: viewer!.id },
          select: { passwordHash: true },
        });
        expect(passwordHash).toBeNull();
      });

      it('returns the linked user next time, even if the provider’s email changed', async () => {
        const first = await getDb().user.findUniqueOrThrow({ where: { email: 'grace@example.com' } });
        expect((await findOrCreateOAuthUser({ ...profile, email: 'new@example.com' }))?.id).toBe(first.id);
        expect(await getDb().user.count({ where: { email: 'new@example.com' } })).toBe(0);
      });

      it('does not join a provider to a password account by email alone; its owner signs in with the password', async () => {
        const google = { provider: 'google', providerAccountId: 'g-1', email: 'ADA@example.com', name: 'Ada' };
        expect(await mayUseOAuth(google)).toBe(false);
        // Not even with an email the provider verified: registration here never proved it.
        expect(await mayUseOAuth({ ...google, emailVerified: true })).toBe(false);
        expect(await findOrCreateOAuthUser({ ...google, emailVerified: true })).toBeNull();
        expect(await getDb().account.count({ where: { providerAccountId: 'g-1' } })).toBe(0);
        expect((await verifyCredentials('ada@example.com', 'correct horse'))?.email).toBe('ada@example.com');
      });

      it('lets a linked account, a new email, or a second identity that verified the email of an account a verifying provider made through', async () => {
        expect(await mayUseOAuth(profile)).toBe(true); // linked above
        expect(await mayUseOAuth({ provider: 'github', providerAccountId: 'gh-2', email: 'someone-new@example.com' })).toBe(true);
        const first = { provider: 'google', providerAccountId: 'g-20', email: 'lin@example.com', name: 'Lin', emailVerified: true };
        const lin = await findOrCreateOAuthUser(first);
        const second = { ...first, providerAccountId: 'g-21' };
        expect(await mayUseOAuth(second)).toBe(true);
        expect((await findOrCreateOAuthUser(second))?.id).toBe(lin?.id);
        // Linked now, it signs in as Lin whatever the provider says of the email next time.
        expect(await mayUseOAuth({ ...second, emailVerified: undefined })).toBe(true);
        expect((await findOrCreateOAuthUser({ ...second, emailVerified: undefined }))?.id).toBe(lin?.id);
      });

      it('does not join even a verified sign-in to an account a GitHub sign-in made, whose holder may not own the address', async () => {
        // Grace's account came from GitHub above: whoever made it may have claimed her address.
        const real = { provider: 'google', providerAccountId: 'g-2', email: 'grace@example.com', name: 'Grace', emailVerified: true };
        expect(await mayUseOAuth(real)).toBe(false);
        expect(await findOrCreateOAuthUser(real)).toBeNull();
        expect(await getDb().account.count({ where: { providerAccountId: 'g-2' } })).toBe(0);
      });

      it('does not join a password-less account for a provider that does not say the email is verified', async () => {
        // A GitHub account can carry an address its holder never proved: it must not open Grace's account.
        const stranger = { provider: 'github', providerAccountId: 'gh-attacker', email: 'Grace@example.com', name: 'Not Grace' };
        expect(await mayUseOAuth(stranger)).toBe(false);
        expect(await findOrCreateOAuthUser(stranger)).toBeNull();
        expect(await getDb().account.count({ where: { providerAccountId: 'gh-attacker' } })).toBe(0);
        expect(await getDb().user.count({ where: { email: 'grace@example.com' } })).toBe(1);
        // An email no account has yet gets an account of its own.
        const fresh = { ...stranger, providerAccountId: 'gh-fresh', email: 'fresh@example.com' };
        expect(await mayUseOAuth(fresh)).toBe(true);
        const created = await findOrCreateOAuthUser(fresh);
        expect(created).toMatchObject({ email: 'fresh@example.com', name: 'Not Grace', role: 'reader' });
        expect(created?.id).not.toBe((await getDb().user.findUniqueOrThrow({ where: { email: 'grace@example.com' } })).id);
      });

      it('refuses an email the provider says is not verified', async () => {
        expect(await mayUseOAuth({ provider: 'google', providerAccountId: 'g-3', email: 'x@example.com', emailVerified: false })).toBe(false);
      });

      it('never opens a password-less account with a password', async () => {
        expect(await verifyCredentials('grace@example.com', '')).toBeNull();
        expect(await verifyCredentials('grace@example.com', 'not-a-real-password')).toBeNull();
      });

      it('keeps names within 80 characters and falls back to the email’s name', async () => {
        const long = await findOrCreateOAuthUser({
          provider: 'github',
          providerAccountId: 'gh-2',
          email: 'long@ex.com',
          name: 'L'.repeat(100),
        });
        expect(long?.name).toHaveLength(80);
        const nameless = await findOrCreateOAuthUser({
          provider: 'github',
          providerAccountId: 'gh-3',
          email: 'kay@example.com',
          name: '',
        });
        expect(nameless?.name).toBe('kay');
      });
    });
  });
}
