// Before any stress test: one build for all of them. scripts/start.mjs builds when the build is
// missing or older than the sources; doing it here, once, keeps that minute out of every test.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { say, startApp } from './app';
import { tempDir } from './databases';

export default async function globalSetup(): Promise<void> {
  const dir = tempDir('warmup');
  say('making sure there is a current build (builds once if not; a few minutes on 2 cores)');
  try {
    const app = await startApp({
      name: 'warmup',
      port: Number(process.env.STRESS_PORT ?? 3300),
      databaseUrl: `file:${path.join(dir, 'warmup.db')}`,
      logDir: dir,
      readyTimeoutMs: 10 * 60_000,
    });
    await app.stop();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
