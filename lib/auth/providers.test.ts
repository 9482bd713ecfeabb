// Which sign-in buttons the sign-in page offers: GitHub and Google only when their keys are set.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { oauthProviders } from './providers';

describe('oauthProviders', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('offers none without keys, or with half a pair', () => {
    for (const name of ['AUTH_GITHUB_ID', 'AUTH_GITHUB_SECRET', 'AUTH_GOOGLE_ID', 'AUTH_GOOGLE_SECRET']) vi.stubEnv(name, '');
    expect(oauthProviders()).toEqual([]);
    vi.stubEnv('AUTH_GITHUB_ID', 'id-only');
    vi.stubEnv('AUTH_GOOGLE_SECRET', 'secret-only');
    expect(oauthProviders()).toEqual([]);
  });

  it('offers each provider whose id and secret are both set', () => {
    for (const name of ['AUTH_GOOGLE_ID', 'AUTH_GOOGLE_SECRET']) vi.stubEnv(name, '');
    vi.stubEnv('AUTH_GITHUB_ID', 'gh-id');
    vi.stubEnv('AUTH_GITHUB_SECRET', 'gh-secret');
    expect(oauthProviders()).toEqual([{ id: 'github', name: 'GitHub' }]);
    vi.stubEnv('AUTH_GOOGLE_ID', 'g-id');
    vi.stubEnv('AUTH_GOOGLE_SECRET', 'g-secret');
    expect(oauthProviders()).toEqual([
      { id: 'github', name: 'GitHub' },
      { id: 'google', name: 'Google' },
    ]);
  });
});
