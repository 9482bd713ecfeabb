import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAllPosts } from '@/lib/content/posts';
import { applyMigrations } from '@/lib/db/migrate';
import { ensureAdminFromEnv } from '@/lib/moderation/admins';
import { startQuire } from './startup';

// The start's own steps stand in for the content, the database and the admin account.
vi.mock('@/lib/content/posts', () => ({ getAllPosts: vi.fn(async () => []) }));
vi.mock('@/lib/db/migrate', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/db/migrate')>()),
  applyMigrations: vi.fn(),
}));
vi.mock('@/lib/moderation/admins', () => ({ ensureAdminFromEnv: vi.fn(async () => null) }));
vi.mock('@/lib/comments/queries', () => ({ getCommentEpoch: vi.fn(), getThreadVersions: vi.fn() }));

/** What the start printed as errors, one string. */
let printed: () => string;

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(getAllPosts).mockResolvedValue([]);
  vi.mocked(applyMigrations).mockResolvedValue({
    provider: 'sqlite',
    label: 'sqlite data/quire.db',
    applied: [],
    total: 1,
  });
  vi.mocked(ensureAdminFromEnv).mockResolvedValue(null);
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
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('startQuire', () => {
  it('applies the migrations when the settings are right', async () => {
    vi.stubEnv('RATE_LIMITS', 'comment-account=10/60,signin-email=5/900');
    await startQuire();
    expect(applyMigrations).toHaveBeenCalledOnce();
    expect(printed()).toBe('');
  });

  it('stops on a mistyped RATE_LIMITS, saying what is wrong, before anything is served', async () => {
    vi.stubEnv('RATE_LIMITS', 'comment-account=10/1m');
    await expect(startQuire()).rejects.toThrow('exit 1');
    expect(printed()).toContain('RATE_LIMITS: "comment-account=10/1m" is not <name>=<max>/<seconds>');
    expect(applyMigrations).not.toHaveBeenCalled();
  });
});
