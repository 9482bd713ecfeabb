import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDatabase } from './health';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('checkDatabase', () => {
  it.each(['mysql://quire@127.0.0.1/quire', './data/quire.db'])(
    'reports a DATABASE_URL of %j as the database down, naming DATABASE_URL',
    async (url) => {
      vi.stubEnv('DATABASE_URL', url);
      const health = await checkDatabase();
      expect(health).toMatchObject({ ok: false, provider: 'unknown' });
      expect(health.error).toMatch(/^database unavailable: DATABASE_URL must start with file: /);
    },
  );
});
