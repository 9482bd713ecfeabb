import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkDatabase, reportHealth } from './health';

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

describe('reportHealth', () => {
  it('answers 503 without the driver’s message, which goes to the log once per outage', async () => {
    vi.stubEnv('DATABASE_URL', 'mysql://quire:secret@db.internal/quire');
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (let poll = 0; poll < 3; poll++) {
        const report = await reportHealth();
        expect(report).toEqual({
          status: 503,
          body: { status: 'degraded', database: { ok: false, provider: 'unknown', error: 'database unavailable' } },
        });
        expect(JSON.stringify(report)).not.toMatch(/mysql|internal|secret/);
      }
      expect(log).toHaveBeenCalledTimes(1);
      expect(String(log.mock.calls[0]?.[0])).toMatch(/^quire: \/api\/health: database unavailable: DATABASE_URL must start with file: /);
    } finally {
      log.mockRestore();
    }
  });
});
