import { databaseProvider, getDb } from './index';

/** One trivial query, answered within two seconds or reported down. */
export async function checkDatabase(): Promise<{ ok: boolean; provider: string; error?: string }> {
  const provider = databaseProvider();
  try {
    await Promise.race([
      getDb().$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2_000)),
    ]);
    return { ok: true, provider };
  } catch (error) {
    return { ok: false, provider, error: `database unavailable: ${error instanceof Error ? error.message.split('\n')[0] : 'unknown error'}` };
  }
}
