import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentWarnings, getAllPosts } from '@/lib/content/posts';
import { checkDatabase } from '@/lib/db/health';
import { applyMigrations, DatabaseSetupError } from '@/lib/db/migrate';
import { ensureAdminFromEnv } from '@/lib/moderation/admins';
import { startQuire } from './startup';

// The start's own steps stand in for the content, the database and the admin account.
vi.mock('@/lib/content/posts', () => ({ getAllPosts: vi.fn(async () => []), contentWarnings: vi.fn(() => []) }));
vi.mock('@/lib/db/migrate', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/migrate')>()),
  applyMigrations: vi.fn(),
}));
vi.mock('@/lib/db/health', () => ({ checkDatabase: vi.fn() }));
vi.mock('@/lib/content/site', () => ({ siteWarnings: vi.fn(() => []) }));
vi.mock('@/lib/moderation/admins', () => ({ ensureAdminFromEnv: vi.fn(async () => null) }));
vi.mock('@/lib/comments/queries', () => ({ getCommentEpoch: vi.fn(), getThreadVersions: vi.fn() }));

/** What the start printed as errors, one string. */
let printed: () => string;

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getAllPosts).mockResolvedValue([]);
  vi.mocked(contentWarnings).mockReturnValue([]);
  vi.mocked(applyMigrations).mockResolvedValue({
    provider: 'sqlite',
    label: 'sqlite data/quire.db',
    applied: [],
    total: 1,
  });
  vi.mocked(ensureAdminFromEnv).mockResolvedValue(null);
  vi.mocked(checkDatabase).mockResolvedValue({ ok: true, provider: 'sqlite' });
  vi.stubEnv('DATABASE_URL', 'file:./data/quire.db');
  vi.stubEnv('RATE_LIMITS', '');
  // An exit ends the start where it happens, as it ends the server.
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Error(`exit ${code}`);
  });
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  printed = () => errors.mock.calls.map((call) => call.join(' ')).join('\n');
  vi.spyOn(console, 'log').mockImplementation(() => {});
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const UNREACHABLE = new DatabaseSetupError(
  'cannot reach PostgreSQL at db:5432 (from DATABASE_URL): connect ECONNREFUSED',
);

describe('startQuire', () => {
  it('applies the migrations when the settings are right', async () => {
    vi.stubEnv('RATE_LIMITS', 'comment-account=10/60,signin-email=5/900');
    await startQuire();
    expect(applyMigrations).toHaveBeenCalledOnce();
    expect(printed()).toBe('');
  });

  it('says what is odd about the content without stopping the start', async () => {
    vi.mocked(contentWarnings).mockReturnValue(['there is no folder /srv/blog/posts, so the blog has no posts']);
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await startQuire();
    expect(warned).toHaveBeenCalledWith('content: there is no folder /srv/blog/posts, so the blog has no posts');
    expect(applyMigrations).toHaveBeenCalledOnce();
  });

  it('stops on a mistyped RATE_LIMITS, saying what is wrong, before anything is served', async () => {
    vi.stubEnv('RATE_LIMITS', 'comment-account=10/1m');
    await expect(startQuire()).rejects.toThrow('exit 1');
    expect(printed()).toContain('RATE_LIMITS: "comment-account=10/1m" is not <name>=<max>/<seconds>');
    expect(applyMigrations).not.toHaveBeenCalled();
  });

  it.each(['20', '3', 'ten'])('stops on PASSWORD_HASH_COST=%s, saying what it must be, before anything is served', async (value) => {
    vi.stubEnv('PASSWORD_HASH_COST', value);
    await expect(startQuire()).rejects.toThrow('exit 1');
    expect(printed()).toContain(`PASSWORD_HASH_COST must be a whole number from 4 to 15 (10 when unset), not "${value}".`);
    expect(applyMigrations).not.toHaveBeenCalled();
  });

  it.each(['mysql://quire@db/quire', './data/quire.db'])(
    'stops on a DATABASE_URL of %j, saying what it must be, before anything is served',
    async (url) => {
      vi.stubEnv('DATABASE_URL', url);
      await expect(startQuire()).rejects.toThrow('exit 1');
      expect(printed()).toContain(
        'DATABASE_URL must start with file: (SQLite, e.g. file:./data/quire.db) or postgresql://',
      );
      expect(applyMigrations).not.toHaveBeenCalled();
    },
  );

  it('tries a database that does not answer again every 5 s, saying so once, until it is ready', async () => {
    vi.useFakeTimers();
    vi.mocked(checkDatabase).mockResolvedValue({ ok: false, provider: 'postgresql', error: 'database unavailable' });
    vi.mocked(applyMigrations).mockRejectedValue(UNREACHABLE);
    vi.mocked(ensureAdminFromEnv).mockResolvedValue('admin: owner@example.com is an admin');
    await startQuire();
    expect(printed()).toContain(
      'the database does not answer — comments will be unavailable until it does; trying again every 5 s.',
    );
    expect(printed()).toContain(UNREACHABLE.message);

    await vi.advanceTimersByTimeAsync(60_000);
    expect(applyMigrations).toHaveBeenCalledTimes(13);
    expect(ensureAdminFromEnv).not.toHaveBeenCalled();
    expect(console.error).toHaveBeenCalledOnce();

    vi.mocked(applyMigrations).mockResolvedValue({
      provider: 'postgresql',
      label: 'postgresql db:5432/quire',
      applied: [],
      total: 1,
    });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ensureAdminFromEnv).toHaveBeenCalledOnce();
    expect(console.log).toHaveBeenCalledWith('admin: owner@example.com is an admin');
    expect(console.log).toHaveBeenCalledWith('quire: the database answers; comments are available.');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(applyMigrations).toHaveBeenCalledTimes(14);
  });

  it('does not retry a database that answers but cannot be brought up to date', async () => {
    vi.useFakeTimers();
    vi.mocked(applyMigrations).mockRejectedValue(
      new DatabaseSetupError('sqlite data/quire.db: migration 1_init failed and was rolled back'),
    );
    await startQuire();
    expect(printed()).toContain(
      'until this is fixed and the blog started again.\nsqlite data/quire.db: migration 1_init failed',
    );
    await vi.advanceTimersByTimeAsync(60_000);
    expect(applyMigrations).toHaveBeenCalledOnce();
  });
});
