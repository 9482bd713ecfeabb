import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.stubEnv('AUTH_SECRET', 'a-secret-for-the-address-test');
const { hashIp } = await import('./mutations');

afterAll(() => {
  vi.unstubAllEnvs();
});

describe('hashIp', () => {
  it('keeps an address only as a keyed hash: the same for the same address, not the plain hash anyone could rebuild', () => {
    const kept = hashIp('203.0.113.9');
    expect(kept).toMatch(/^[0-9a-f]{32}$/);
    expect(hashIp('203.0.113.9')).toBe(kept);
    expect(hashIp('203.0.113.10')).not.toBe(kept);
    expect(kept).not.toBe(createHash('sha256').update('203.0.113.9').digest('hex').slice(0, 32));
    expect(hashIp(null)).toBeNull();
    expect(hashIp('')).toBeNull();
  });
});
