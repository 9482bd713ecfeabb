// SIGTERM, as a service manager or a rolling deploy sends it: the server stops taking connections
// at once and exits as soon as nothing is in flight; a request that never finishes (a client that
// announced a body it does not send) holds it for the grace period of scripts/server.mjs, no longer.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { keepLogs, portIsFree, say, sleep, startApp, type App } from './support/app';
import { tempDir } from './support/databases';

const PORT = Number(process.env.STRESS_PORT ?? 3300) + 4;
/** SHUTDOWN_GRACE_MS in scripts/server.mjs. */
const GRACE_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends SIGTERM to the serving process; resolves with how long it took to be gone. */
async function terminate(app: App, withinMs: number): Promise<number> {
  const pid = app.serverPid();
  const sent = Date.now();
  process.kill(pid, 'SIGTERM');
  // It stops taking new connections at once, whatever is still in flight.
  await expect.poll(() => portIsFree(PORT), { timeout: 3_000, intervals: [100] }).toBe(true);
  while (alive(pid) && Date.now() - sent < withinMs) await sleep(100);
  expect(alive(pid), `the server is still running ${withinMs} ms after SIGTERM`).toBe(false);
  return Date.now() - sent;
}

/** A keep-alive connection that made one request and then sits idle. */
async function idleConnection(): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port: PORT });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n');
    });
    socket.once('data', () => resolve());
  });
  return socket;
}

/** A POST that announces a 1,000-byte body and sends a few bytes of it: in flight until it is cut. */
async function hungRequest(): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port: PORT });
  socket.on('error', () => {}); // cut by the server at the end; that is the point
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  socket.write(
    'POST /api/posts/from-russia-with-love/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      'Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"body": "never fin',
  );
  await sleep(500); // the server has read the head and waits for the rest
  return socket;
}

test('SIGTERM: idle connections do not delay the exit; a request that never finishes holds it only for the grace period', async () => {
  const dir = tempDir('shutdown');
  const databaseUrl = `file:${path.join(dir, 'quire.db')}`;
  const sockets: net.Socket[] = [];
  let app: App | undefined;
  try {
    app = await startApp({ name: 'shutdown-idle', port: PORT, databaseUrl, logDir: dir });
    sockets.push(await idleConnection(), await idleConnection());
    const idleTook = await terminate(app, 5_000);
    say(`with two idle keep-alive connections the server was gone ${idleTook} ms after SIGTERM`);
    await app.stop();

    app = await startApp({ name: 'shutdown-hung', port: PORT, databaseUrl, logDir: dir });
    sockets.push(await idleConnection(), await hungRequest());
    const hungTook = await terminate(app, GRACE_MS + 5_000);
    say(`with a request that never finishes the server was gone ${hungTook} ms after SIGTERM`);
    // It waited for the request, then gave up on it and said so.
    expect(hungTook).toBeGreaterThanOrEqual(GRACE_MS - 500);
    expect(readFileSync(app.logFile, 'utf8')).toContain(`requests still open after ${GRACE_MS / 1000} s`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await app?.stop();
    await keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second server on a port already taken says so and exits 1, so a service manager sees it never came up', async () => {
  const dir = tempDir('port-taken');
  const databaseUrl = `file:${path.join(dir, 'quire.db')}`;
  let app: App | undefined;
  try {
    app = await startApp({ name: 'port-owner', port: PORT, databaseUrl, logDir: dir });
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_URL: databaseUrl };
    env.AUTH_SECRET = 'stress-only-secret-not-for-real-blogs';
    const second = spawnSync(process.execPath, ['scripts/start.mjs'], { env, encoding: 'utf8', timeout: 120_000 });
    expect(second.status).toBe(1);
    expect(`${second.stdout}${second.stderr}`).toContain(
      `quire: cannot listen: port ${PORT} on 127.0.0.1 is already in use (another server, or a blog still running): stop it or set PORT`,
    );
    expect(`${second.stdout}${second.stderr}`).not.toContain('ready on');
    // The first is untouched.
    expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  } finally {
    await app?.stop();
    await keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a setting that stops the start is told before any "ready", which comes only once the start-up checks are done', async () => {
  const dir = tempDir('bad-setting');
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: `file:${path.join(dir, 'quire.db')}`,
      AUTH_SECRET: 'stress-only-secret-not-for-real-blogs',
    };
    const refused = spawnSync(process.execPath, ['scripts/start.mjs'], {
      env: { ...env, RATE_LIMITS: 'comment-account=10' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(refused.status).toBe(1);
    expect(`${refused.stdout}${refused.stderr}`).toContain('RATE_LIMITS: "comment-account=10" is not');
    expect(`${refused.stdout}${refused.stderr}`).not.toContain('ready on');

    const app = await startApp({ name: 'good-setting', port: PORT, databaseUrl: env.DATABASE_URL!, logDir: dir });
    try {
      await expect.poll(() => readFileSync(app.logFile, 'utf8'), { timeout: 30_000 }).toContain('quire: ready on');
      const log = readFileSync(app.logFile, 'utf8');
      expect(log.indexOf('database ready:'), 'the migrations are told before "ready"').toBeGreaterThan(-1);
      expect(log.indexOf('database ready:')).toBeLessThan(log.indexOf('quire: ready on'));
      // SITE_URL is 127.0.0.1 here, which readers elsewhere cannot open: said once, not by each step of the start.
      expect(log.split('which only this machine can open').length - 1).toBe(1);
    } finally {
      await app.stop();
    }
  } finally {
    await keepLogs(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});
