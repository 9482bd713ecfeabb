import { AuthError, CredentialsSignin } from '@auth/core/errors';
import { describe, expect, it, vi } from 'vitest';
import { logAuthError } from './log';

// Auth.js's own error classes (next-auth re-exports them from @auth/core, which it depends on).
describe('logAuthError', () => {
  it('leaves a wrong email or password out of the log, the reader having been told', () => {
    const log = vi.fn();
    logAuthError(new CredentialsSignin(), log);
    expect(log).not.toHaveBeenCalled();
  });

  it('logs every other failure with its kind and the error itself', () => {
    const log = vi.fn();
    const broken = new AuthError('the adapter failed');
    logAuthError(broken, log);
    const plain = new Error('database gone');
    logAuthError(plain, log);
    expect(log.mock.calls).toEqual([
      ['[auth] AuthError:', broken],
      ['[auth] Error:', plain],
    ]);
  });
});
