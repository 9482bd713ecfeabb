// Names a reader may not take, when registering or renaming, on each provider.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultCommentSettings, setCommentSettings } from '@/lib/comments/settings';
import { insertReader } from '@/lib/comments/test-builders';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { nameForNewAccount, nameRefusal } from './names';
import { registerReader } from './registration';
import { renameReader } from './rename';

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`names readers may not take, on ${provider}`, () => {
    useTestDatabase(provider, { env: { RATE_LIMITS: 'off', AUTH_SECRET: 'a-test-secret-for-rate-limit-keys' } });
    afterEach(() => setCommentSettings(defaultCommentSettings));

    it('refuses a word the blog blocks in comments, as a whole word in any case, naming it', async () => {
      await setCommentSettings({ blockWords: ['viagra'] });
      const kate = await insertReader('Kate');
      expect(await renameReader({ name: 'Cheap VIAGRA here' }, kate)).toEqual({
        ok: false,
        status: 400,
        errors: { name: 'Names may not contain “viagra” on this blog. Choose another.' },
      });
      expect((await getDb().user.findUniqueOrThrow({ where: { id: kate.id } })).name).toBe('Kate');
      expect(await nameRefusal('Viagravated Reader', kate.id)).toBeNull(); // not the word
      const registered = await registerReader(
        { email: 'spam@example.com', name: 'viagra', password: 'correct horse' },
        '203.0.113.5',
      );
      expect(registered).toMatchObject({
        ok: false,
        status: 400,
        errors: { name: 'Names may not contain “viagra” on this blog. Choose another.' },
      });
      expect(await getDb().user.count({ where: { email: 'spam@example.com' } })).toBe(0);
    });

    it('keeps an admin’s name for that admin, whatever its case: not for a reader, registering or renaming', async () => {
      const admin = await insertReader('Editor');
      await getDb().user.update({ where: { id: admin.id }, data: { role: 'admin' } });
      const lee = await insertReader('Lee');
      const refusal = 'That is the name of one of this blog’s admins. Choose another.';
      expect(await renameReader({ name: 'editor' }, lee)).toMatchObject({ ok: false, errors: { name: refusal } });
      expect(
        await registerReader({ email: 'fake@example.com', name: ' EDITOR ', password: 'correct horse' }, '203.0.113.6'),
      ).toMatchObject({
        ok: false,
        errors: { name: refusal },
      });
      // Another name with the same letters but other accents is another name.
      expect(await nameRefusal('Éditor', lee.id)).toBeNull();
      // The admin may rename themself, to the same name in other letters too.
      expect(await renameReader({ name: 'EDITOR' }, { ...admin, role: 'admin' })).toMatchObject({
        ok: true,
        changed: true,
      });
    });

    it('starts an account a provider made with the provider’s name only when a reader could take it', async () => {
      await setCommentSettings({ blockWords: ['casino'] });
      const admin = await insertReader('Chief Editor');
      await getDb().user.update({ where: { id: admin.id }, data: { role: 'admin' } });
      expect(await nameForNewAccount('  Grace Hopper ', 'grace@navy.example')).toBe('Grace Hopper');
      expect(await nameForNewAccount(`${'😀'.repeat(79)}xyz`, 'long@example.com')).toBe(`${'😀'.repeat(79)}x`);
      for (const offered of ['chief editor', 'Casino King', 'Line\nbreak', '\u202eevE', '   '])
        expect(await nameForNewAccount(offered, 'someone@example.com')).toBe('someone');
      expect(await nameForNewAccount('', 'casino@example.com')).toBe('Reader');
    });
  });
}
