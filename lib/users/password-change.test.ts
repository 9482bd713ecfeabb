// A reader's new password, on each provider: what it asks, what it changes, whom it signs out, and
// that a wrong current password counts as a wrong sign-in.
import { describe, expect, it } from 'vitest';
import { getDb } from '@/lib/db';
import { TEST_PROVIDERS, useTestDatabase } from '@/lib/db/test-suite';
import { insertReader } from '@/lib/comments/test-builders';
import { limitSigningIn } from '@/lib/rate-limits';
import { registerUser, verifyCredentials, type Viewer } from './accounts';
import { changePassword, passwordChangedMessage, passwordChangedNotice } from './password-change';
import { sessionViewer, startSession } from './sessions';

let accounts = 0;
async function reader(password = 'the old password'): Promise<Viewer> {
  accounts += 1;
  const registered = await registerUser({
    email: `changer-${accounts}@example.com`,
    name: `Changer ${accounts}`,
    password,
  });
  if (!registered.ok) throw new Error('could not register');
  return registered.user;
}

for (const { provider, enabled } of TEST_PROVIDERS) {
  describe.skipIf(!enabled)(`changing a password on ${provider}`, () => {
    useTestDatabase(provider, {
      env: {
        RATE_LIMITS: 'signin-email=3/900,signin-address=100/900',
        AUTH_SECRET: 'a-test-secret-for-rate-limit-keys',
        PASSWORD_HASH_COST: '4',
      },
    });

    it('takes the new password and ends every sign-in of the account, counting the other browsers still signed in', async () => {
      const ada = await reader();
      const here = await startSession(ada.id);
      const laptop = await startSession(ada.id);
      const phone = await startSession(ada.id);
      // Signed in 31 days ago: that sign-in had already ended, and is not counted as one signed out now.
      const expired = await startSession(ada.id, new Date(Date.now() - 31 * 86_400_000));
      const someoneElse = await reader();
      const theirs = await startSession(someoneElse.id);

      expect(
        await changePassword({ current: 'the old password', password: 'a new password' }, ada, here, '192.0.2.1'),
      ).toEqual({
        ok: true,
        otherSignInsEnded: 2,
      });
      expect(await verifyCredentials(ada.email, 'a new password')).toMatchObject({ id: ada.id });
      expect(await verifyCredentials(ada.email, 'the old password')).toBeNull();
      // This browser's sign-in too: a copy of its cookie opens nothing now (the door signs it in anew).
      expect(await sessionViewer({ userId: ada.id, sessionId: here })).toBeNull();
      expect(await getDb().session.count({ where: { id: { in: [here, laptop, phone, expired] } } })).toBe(0);
      expect(await sessionViewer({ userId: ada.id, sessionId: laptop })).toBeNull();
      expect(await sessionViewer({ userId: ada.id, sessionId: phone })).toBeNull();
      expect(await sessionViewer({ userId: someoneElse.id, sessionId: theirs })).toMatchObject({ id: someoneElse.id });
    });

    it('says what a change did only to the reader it was made for', () => {
      const notice = passwordChangedNotice('reader-a', 2);
      expect(passwordChangedMessage('reader-a', notice)).toBe(
        'Password changed. 2 other browsers signed in to your account were signed out.',
      );
      expect(passwordChangedMessage('reader-a', passwordChangedNotice('reader-a', 0))).toBe('Password changed.');
      for (const forged of [passwordChangedNotice('reader-b', 2), notice.replace(/^2/, '3'), '2', `${notice}.x`, '']) {
        expect(passwordChangedMessage('reader-a', forged), forged).toBeNull();
      }
    });

    it('refuses a wrong current password beside its field, changing nothing and signing no one out', async () => {
      const bob = await reader();
      const here = await startSession(bob.id);
      const elsewhere = await startSession(bob.id);
      expect(
        await changePassword({ current: 'not it at all', password: 'a new password' }, bob, here, '192.0.2.2'),
      ).toEqual({
        ok: false,
        status: 400,
        errors: { current: 'That is not your current password.' },
      });
      expect(await verifyCredentials(bob.email, 'the old password')).toMatchObject({ id: bob.id });
      expect(await sessionViewer({ userId: bob.id, sessionId: elsewhere })).toMatchObject({ id: bob.id });
    });

    it('names each field that is missing or wrong, by the same rules as registering', async () => {
      const cy = await reader();
      const here = await startSession(cy.id);
      expect(await changePassword({ current: '', password: 'short' }, cy, here, null)).toEqual({
        ok: false,
        status: 400,
        errors: { current: 'Enter your current password.', password: 'Password must be at least 8 characters.' },
      });
      expect(
        await changePassword({ current: 'the old password', password: 'é'.repeat(37) }, cy, here, null),
      ).toMatchObject({
        ok: false,
        errors: { password: expect.stringMatching(/^Password must be at most 72 characters/) },
      });
      expect(await changePassword({ current: 'the old password' }, cy, here, null)).toMatchObject({
        errors: { password: 'Enter a password.' },
      });
      expect(await verifyCredentials(cy.email, 'the old password')).toMatchObject({ id: cy.id });
    });

    it('counts wrong current passwords as wrong sign-ins to the account, and a right one gives its count back', async () => {
      const dee = await reader();
      const here = await startSession(dee.id);
      // The right password, over and over, uses up none of the account's tries.
      for (let i = 0; i < 4; i++) {
        const password = `new password ${i}`;
        const current = i === 0 ? 'the old password' : `new password ${i - 1}`;
        expect(await changePassword({ current, password }, dee, here, null)).toMatchObject({ ok: true });
      }
      for (let i = 0; i < 3; i++) {
        expect(
          await changePassword({ current: `guess ${i}`, password: 'a new password' }, dee, here, null),
        ).toMatchObject({
          errors: { current: 'That is not your current password.' },
        });
      }
      const locked = await changePassword({ current: 'new password 3', password: 'a new password' }, dee, here, null);
      expect(locked).toMatchObject({
        ok: false,
        status: 429,
        errors: {
          request: expect.stringMatching(/^There were too many sign-in attempts for this account\. Please wait/),
        },
      });
      // The sign-in page counts the same tries: the form is no way round its limit on guesses.
      expect(await limitSigningIn(null, dee.email)).toMatchObject({ ok: false, limit: 'signin-email' });
      expect(await verifyCredentials(dee.email, 'new password 3')).toMatchObject({ id: dee.id });
    });

    it('tells an account that signs in through another site that it has no password here', async () => {
      const eve = await insertReader('Eve');
      const here = await startSession(eve.id);
      expect(await changePassword({ current: 'anything', password: 'a new password' }, eve, here, null)).toEqual({
        ok: false,
        status: 403,
        errors: { request: 'Your account signs in through another site, so it has no password here to change.' },
      });
      expect(
        (await getDb().user.findUniqueOrThrow({ where: { id: eve.id }, select: { passwordHash: true } })).passwordHash,
      ).toBeNull();
    });
  });
}
