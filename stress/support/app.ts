// One Quire server for a stress test: `node scripts/start.mjs` in a process group of its own,
// logging to a file, with a way to kill -9 the process that actually serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { test } from '@playwright/test';

const root = path.resolve(import.meta.dirname, '..', '..');
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Progress for whoever watches `npm run test:stress`: these tests take minutes. */
export function say(message: string): void {
  console.log(`  stress: ${message}`);
}

export interface App {
  url: string;
  logFile: string;
  /** The pid of scripts/server.mjs, the process serving HTTP (start.mjs is its parent). */
  serverPid(): number;
  /** SIGKILL to the serving process only, as a crash or the OOM killer would; resolves once nothing of it is left. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid!;
  for (const [signal, waitMs] of [
    ['SIGTERM', 5_000],
    ['SIGKILL', 2_000],
  ] as const) {
    if (!groupAlive(pid)) return;
    try {
      process.kill(-pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
  }
}

/** True when nothing accepts connections on the port any more. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
}

export const PER_ADDRESS_LIFTED = 'comment-address=1000000/60,register-address=1000000/60,signin-address=1000000/60';

export async function startApp(options: {
  name: string;
  port: number;
  databaseUrl: string;
  logDir: string;
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}): Promise<App> {
  const url = `http://127.0.0.1:${options.port}`;
  if (!(await portIsFree(options.port)))
    throw new Error(`${options.name}: port ${options.port} is taken; set STRESS_PORT`);
  const logFile = path.join(options.logDir, `${options.name}.log`);
  const log = createWriteStream(logFile, { flags: 'a' });
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ['CONTENT_DIR', 'AUTH_URL', 'NODE_ENV', 'E2E_BASE_URL']) delete env[key];
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      SITE_URL: url,
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: 'stress-only-secret-not-for-real-blogs',
      // 200 readers sign up before a load run: bcrypt at its lowest cost, not ~0.2 s each.
      PASSWORD_HASH_COST: '4',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      // Every stress request comes from one address, faster than a person types: lift the
      // per-address limits and the minimum form time, keep the per-account limits.
      RATE_LIMITS: PER_ADDRESS_LIFTED,
      FORM_MIN_SECONDS: '0',
      ...options.env,
    },
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    await killGroup(child);
    await Promise.race([exited, sleep(2_000)]);
  };
  const serverPid = () => {
    const children = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean);
    if (children.length !== 1)
      throw new Error(`${options.name}: expected start.mjs to have one child, found ${children.length}`);
    return Number(children[0]);
  };
  const app: App = {
    url,
    logFile,
    serverPid,
    stop,
    async kill9() {
      process.kill(serverPid(), 'SIGKILL');
      // start.mjs exits when its server dies; whatever remains of the group after that is a leak.
      await Promise.race([exited, sleep(10_000)]);
      if (groupAlive(child.pid!)) throw new Error(`${options.name}: processes left after kill -9 of the server`);
      if (!(await portIsFree(options.port)))
        throw new Error(`${options.name}: port ${options.port} still answers after kill -9`);
    },
  };
  // Any answer from the health route means the server is up (503 is an answer: the database may be down on purpose).
  const deadline = Date.now() + (options.readyTimeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      await (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
      return app;
    } catch {
      await sleep(300);
    }
  }
  await stop();
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`${options.name}: not serving (see ${logFile}):\n${tail}`);
}

/** The servers' logs go to the test's output folder (test-results/), to read after a failure; the temporary folder is removed. */
export async function keepLogs(dir: string): Promise<void> {
  const info = test.info();
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.log')))
    await info.attach(name, { path: path.join(dir, name) });
}
