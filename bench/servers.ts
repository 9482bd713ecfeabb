// The servers under test: Quire (`node scripts/start.mjs`, from a snapshot of the project) and nginx
// serving the same HTML from disk. Each runs in its own process group and is killed with it.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyPreserving, hardLinkTree, say, sleep } from './util';

/** Top-level entries never copied into a snapshot: history, installs, builds, local data, outputs. */
const NOT_COPIED = new Set([
  '.git',
  '.ci',
  'node_modules',
  '.next',
  'data',
  'bench',
  'test-results',
  'playwright-report',
  'blob-report',
  'coverage',
  'out',
  'tsconfig.tsbuildinfo',
]);

/**
 * A copy of the project's working tree as it is now (modification times kept), with node_modules
 * as hard links. Servers run from it, so edits made in the project while the benchmark runs, or a
 * rebuild there, cannot change what is measured, and a build the snapshot needs never touches the
 * project's own `.next`. `withBuild` copies the project's `.next` too: `scripts/start.mjs` then
 * reuses it when it is current for these sources, and builds in the snapshot otherwise.
 */
export function makeSnapshot(project: string, dest: string, options: { withBuild: boolean }): void {
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(project)) {
    if (NOT_COPIED.has(name) || name.startsWith('.env')) continue;
    copyPreserving(path.join(project, name), path.join(dest, name));
  }
  if (options.withBuild && existsSync(path.join(project, '.next')))
    copyPreserving(path.join(project, '.next'), path.join(dest, '.next'));
  hardLinkTree(path.join(project, 'node_modules'), path.join(dest, 'node_modules'));
}

export interface RunningServer {
  name: string;
  url: string;
  port: number;
  logFile: string;
  stop(): Promise<void>;
}

/** Kills a detached child's whole process group: SIGTERM, then SIGKILL for whatever is left. */
async function killGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is gone
    }
  };
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    signalGroup('SIGTERM');
    await Promise.race([exited, sleep(graceMs)]);
  }
  signalGroup('SIGKILL');
}

const running = new Set<() => Promise<void>>();

/** Stops everything this harness started (also on Ctrl-C). */
export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((stop) => stop().catch(() => {})));
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** The harness's environment without the blog's own settings, plus `settings`. */
export function serverEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const key of ['DATABASE_URL', 'CONTENT_DIR', 'AUTH_URL', 'AUTH_SECRET', 'SITE_URL', 'PORT', 'HOST', 'NODE_ENV', 'RATE_LIMITS', 'REDIS_URL', 'TRUST_PROXY', 'FORM_MIN_SECONDS'])
    delete env[key];
  return { ...env, ...settings };
}

/**
 * `node scripts/start.mjs` in `app` on 127.0.0.1:`port`; resolves once `GET /` answers (a first
 * start may build first: that is waited for, up to `readyTimeoutMs`).
 */
export async function startQuire(options: {
  name: string;
  app: string;
  port: number;
  env: Record<string, string>;
  logDir: string;
  readyTimeoutMs: number;
}): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const logFile = path.join(options.logDir, `server-${options.name}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: options.app,
    env: serverEnv({ PORT: String(options.port), HOST: '127.0.0.1', SITE_URL: url, ...options.env }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let building = false;
  const watch = (chunk: Buffer) => {
    log.write(chunk);
    if (!building && /no current build|next build/i.test(chunk.toString())) {
      building = true;
      say(`${options.name}: the snapshot has no current build; building it (minutes on 2 cores), log ${logFile}`);
    }
  };
  child.stdout?.on('data', watch);
  child.stderr?.on('data', watch);
  const stop = async () => {
    running.delete(stop);
    await killGroup(child);
    log.end();
  };
  running.add(stop);

  // Any HTTP answer from the cheap health route means the server is up (a page could take long cold).
  const deadline = Date.now() + options.readyTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(
        `${options.name}: scripts/start.mjs exited (${child.exitCode ?? child.signalCode}) before serving:\n${tail(logFile)}`,
      );
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      return { name: options.name, url, port: options.port, logFile, stop };
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`${options.name}: not serving after ${options.readyTimeoutMs / 1000} s:\n${tail(logFile)}`);
}

/** nginx serving `html` as the only page, one worker, access log off; `daemon off` in its own group. */
export async function startNginx(options: {
  nginx: string;
  dir: string;
  port: number;
  html: Buffer;
}): Promise<RunningServer> {
  const www = path.join(options.dir, 'www');
  const temp = path.join(options.dir, 'temp');
  mkdirSync(www, { recursive: true });
  mkdirSync(temp, { recursive: true });
  writeFileSync(path.join(www, 'index.html'), options.html);
  // Workers may run as another user (nobody): every folder on the way must let them in.
  for (const dir of [options.dir, www]) chmodSync(dir, 0o755);
  chmodSync(path.join(www, 'index.html'), 0o644);
  const conf = path.join(options.dir, 'nginx.conf');
  const errorLog = path.join(options.dir, 'error.log');
  writeFileSync(
    conf,
    `daemon off;
worker_processes 1;
pid ${path.join(options.dir, 'nginx.pid')};
error_log ${errorLog} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${temp}/body;
  proxy_temp_path ${temp}/proxy;
  fastcgi_temp_path ${temp}/fastcgi;
  uwsgi_temp_path ${temp}/uwsgi;
  scgi_temp_path ${temp}/scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${options.port};
    root ${www};
    location / {
      default_type text/html;
      try_files /index.html =404;
    }
  }
}
`,
  );
  const child = spawn(options.nginx, ['-p', options.dir, '-c', conf, '-e', errorLog], {
    detached: true,
    stdio: 'ignore',
  });
  const stop = async () => {
    running.delete(stop);
    await killGroup(child, 3000);
  };
  running.add(stop);
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; i < 50; i++) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/`);
      await response.arrayBuffer();
      if (response.ok) return { name: 'nginx', url, port: options.port, logFile: errorLog, stop };
    } catch {
      // not yet
    }
    await sleep(100);
  }
  await stop();
  throw new Error(`nginx did not start:\n${tail(errorLog)}`);
}
