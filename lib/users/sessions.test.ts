import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { registerUser } from './accounts';
import { registerSchema } from './schemas';
import { endSession, SESSION_MAX_AGE_SECONDS, sessionViewer, startSession } from './sessions';

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`sign-ins on ${provider}`, () => {
    useTestDatabase(provider);

    async function newReader(email: string) {
      const result = await registerUser(registerSchema.parse({ email, name: 'Sam Reader', password: 'correct horse' }));
      if (!result.ok) throw new Error(`could not register ${email}`);
      return result.user;
    }

    it('reads a sign-in as its account until it is ended; other sign-ins of the account go on', async () => {
      const reader = await newReader('sam@example.com');
      const laptop = await startSession(reader.id);
      const phone = await startSession(reader.id);
      expect(laptop).not.toBe(phone);
      expect(await sessionViewer({ userId: reader.id, sessionId: laptop })).toEqual(reader);

      await endSession(laptop);
      expect(
        await sessionViewer({ userId: reader.id, sessionId: laptop }),
        'a copy of the signed-out cookie',
      ).toBeNull();
      expect(await sessionViewer({ userId: reader.id, sessionId: phone }), 'the other browser').toEqual(reader);
      await endSession(laptop); // signing out twice is harmless
    });

    it('does not read one account’s sign-in as another account', async () => {
      const owner = await newReader('owner@example.com');
      const other = await newReader('other@example.com');
      const sessionId = await startSession(owner.id);
      expect(await sessionViewer({ userId: other.id, sessionId })).toBeNull();
      expect(await sessionViewer({ userId: owner.id, sessionId: 'made-up' })).toBeNull();
    });

    it('ends a sign-in when its thirty days are over, and clears expired ones at the next sign-in', async () => {
      const reader = await newReader('old@example.com');
      const longAgo = new Date(Date.now() - (SESSION_MAX_AGE_SECONDS + 60) * 1000);
      const expired = await startSession(reader.id, longAgo);
      expect(await sessionViewer({ userId: reader.id, sessionId: expired }, longAgo)).toEqual(reader);
      expect(await sessionViewer({ userId: reader.id, sessionId: expired })).toBeNull();

      const current = await startSession(reader.id);
      const rows = await getDb().session.findMany({ where: { userId: reader.id }, select: { id: true } });
      expect(rows.map((row) => row.id)).toEqual([current]);
    });

    it('goes with its account', async () => {
      const reader = await newReader('gone@example.com');
      const sessionId = await startSession(reader.id);
      await getDb().user.delete({ where: { id: reader.id } });
      expect(await getDb().session.count({ where: { id: sessionId } })).toBe(0);
      expect(await sessionViewer({ userId: reader.id, sessionId })).toBeNull();
    });
  });
}
