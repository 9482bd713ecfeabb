// 200 signed-in readers writing 5,000 comments at once through the API. Every request must be
// answered 201/202, or 429 (a rate limit is by design); a 5xx or a request left unanswered for
// REQUEST_TIMEOUT_MS fails. Afterwards the database, the API's pages and total, and the post
// page's heading must agree exactly: nothing lost, nothing doubled.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { keepLogs, PER_ADDRESS_LIFTED, say, startApp, type App } from './support/app';
import { createPostgresDatabase, publishWithoutHolding, tempDir } from './support/databases';
import { commentBurst, signUpReaders } from './support/readers';
import { expectAllAgree, percentile, tally } from './support/verify';

const PORT = Number(process.env.STRESS_PORT ?? 3300);
const PROVIDERS = (process.env.STRESS_DATABASES ?? 'sqlite,postgresql').split(',') as ('sqlite' | 'postgresql')[];
/** Concurrent writers, each a reader with an account and a session of its own. */
export const WRITERS = 200;
/** Comments written in the burst (shared out among the writers). */
export const COMMENTS = 5_000;
/** Readers signing up at once before the burst: each sign-up costs the server two bcrypt hashes. */
const SIGN_UP_CONCURRENCY = 8;

for (const provider of PROVIDERS) {
  test(`${COMMENTS} comments from ${WRITERS} concurrent writers (${provider})`, async () => {
    const dir = tempDir(`load-${provider}`);
    const postgres = provider === 'postgresql' ? await createPostgresDatabase('load') : undefined;
    const databaseUrl = postgres?.url ?? `file:${path.join(dir, 'quire.db')}`;
    let app: App | undefined;
    try {
      // 25 comments per writer against a limit of 20 a minute: most are written, and the limit
      // answers the rest with 429 under full load.
      app = await startApp({
        name: `load-${provider}`,
        port: PORT,
        databaseUrl,
        logDir: dir,
        env: { RATE_LIMITS: `${PER_ADDRESS_LIFTED},comment-account=20/60` },
      });
      await publishWithoutHolding(databaseUrl);
      let started = performance.now();
      const readers = await signUpReaders(app.url, WRITERS, SIGN_UP_CONCURRENCY);
      say(`${provider}: ${WRITERS} readers signed up in ${((performance.now() - started) / 1000).toFixed(1)} s`);

      say(`${provider}: ${WRITERS} writers posting ${COMMENTS} comments`);
      started = performance.now();
      const attempts = await commentBurst(app.url, readers, COMMENTS, { tag: `load-${provider}` });
      const seconds = (performance.now() - started) / 1000;
      const ms = attempts.map((attempt) => attempt.ms);
      say(
        `${provider}: ${tally(attempts)} in ${seconds.toFixed(1)} s (${(attempts.length / seconds).toFixed(0)}/s; ` +
          `latency p50 ${percentile(ms, 50)} ms, p95 ${percentile(ms, 95)} ms, max ${percentile(ms, 100)} ms)`,
      );
      expect(attempts).toHaveLength(COMMENTS);
      const refused = attempts.filter((attempt) => ![201, 202, 429].includes(attempt.status));
      expect(
        refused.slice(0, 10).map((a) => `${a.status || 'no answer'}: ${a.error}`),
        `${refused.length} requests failed`,
      ).toEqual([]);

      const published = await expectAllAgree(app.url, databaseUrl, attempts);
      expect(published, 'published comments are exactly the 201s').toBe(
        attempts.filter((attempt) => attempt.status === 201).length,
      );
      say(`${provider}: database, API and page agree on ${published} published comments`);
    } finally {
      await app?.stop();
      await postgres?.drop();
      await keepLogs(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
