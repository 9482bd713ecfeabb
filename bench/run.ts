// `npm run bench` — Quire's performance benchmark. `npm run bench -- --quick` is the short version CI
// can run. See BENCHMARKS.md for the scenarios and how to read the table.
//
// Options: --quick            a few seconds per scenario, no build scenario
//          --only=get,post,js,build   run some scenario groups only
//          --seconds=N --rounds=N     measuring time per run and side-by-side rounds (GETs and POSTs)
//          --keep             keep the temporary folder (snapshot, databases, generated blogs, nginx)
//          --app=DIR          serve from DIR (e.g. a snapshot kept with --keep) instead of a new snapshot
//
// All load goes to 127.0.0.1, runs for a fixed time and stops by itself. Timings never fail the
// process: it exits 0 unless the harness itself could not measure something (a row says "error").
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { chromiumPath } from '../e2e/support/chromium';
import { generateContent } from './content';
import { createPostgresDatabase, insertUser, migrate, postgresServerUrl, seedThread, setCommentSettings } from './db';
import {
  currentVersion,
  expectPage,
  getPage,
  newReader,
  postComment,
  register,
  signIn,
  uncachedRenderMs,
  type Reader,
} from './http';
import { measureJs, type JsResult } from './js';
import { autocannonLoad, getLoad, type LoadResult } from './load';
import { fmtMs, fmtRatio, fmtRps, renderNotes, renderTable, type Row } from './report';
import { makeSnapshot, serverEnv, startNginx, startQuire, stopAll, type RunningServer } from './servers';
import { errorText, findProgram, freePort, mean, median, run, say } from './util';

const SEED_POST = { id: 'from-russia-with-love', path: '/2016/09/from-russia-with-love' };
const SEEDED_COMMENTS = 10_000;
const BLOG_POSTS = 1_000;
const BUILD_SIZES = [100, 1_000];
const INSTALL_HINT = 'apt-get install wrk nginx';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
const quick = flag('quick');
const groups = new Set((value('only') ?? 'get,post,js,build').split(',').map((g) => g.trim()));
if (quick && !value('only')) groups.delete('build');
const seconds = Number(value('seconds') ?? (quick ? 3 : 10));
const rounds = Number(value('rounds') ?? (quick ? 1 : 3));
const warmSeconds = quick ? 1 : 3;
const postRounds = quick ? 1 : 2;
const postReaders = quick ? 4 : 10;
const keep = flag('keep');
for (const group of groups) {
  if (!['get', 'post', 'js', 'build'].includes(group))
    throw new Error(`--only: unknown group "${group}" (get, post, js, build)`);
}
if (!(seconds > 0) || !(rounds > 0)) throw new Error('--seconds and --rounds must be positive numbers');

const project = path.resolve(import.meta.dirname, '..');
const resultsDir = path.join(project, 'bench', 'results');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-'));
const givenApp = value('app');
const app = givenApp ? path.resolve(givenApp) : path.join(tmp, 'app');

const startedAt = new Date();
// One folder of server and build logs per run, so runs side by side do not mix their logs.
const logDir = path.join(resultsDir, 'logs', startedAt.toISOString().replace(/[:.]/g, '-'));
mkdirSync(logDir, { recursive: true });
const before = machine();
const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  await stopAll();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((e) => say(`clean-up: ${errorText(e)}`));
  if (keep) say(`kept ${tmp}`);
  else rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    say(`${signal}: stopping servers and cleaning up, then reporting what was measured`);
    void cleanUp()
      .then(() => report(startedAt, before, signal))
      .finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------
// Tools

function machine() {
  let debian = 'unknown';
  try {
    debian = readFileSync('/etc/debian_version', 'utf8').trim();
  } catch {
    // not Debian
  }
  return {
    cores: os.cpus().length,
    debian,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
}

async function postgresReachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return errorText(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const tools = {
  wrk: findProgram('wrk', ['/usr/bin/wrk']),
  nginx: findProgram('nginx', ['/usr/sbin/nginx']),
  chromium: chromiumPath() ?? findProgram('chromium'),
};

// ---------------------------------------------------------------------------------------------
// Results

const rows: Row[] = [];
const results: Record<string, unknown> = {};

function errorRow(scenario: string, target: string, error: unknown): Row {
  return {
    scenario,
    rps: '—',
    p50: '—',
    p99: '—',
    errors: '—',
    ratio: '—',
    target,
    result: 'error',
    note: errorText(error).split('\n').slice(0, 6).join(' / '),
  };
}

function skippedRow(scenario: string, target: string, why: string): Row {
  return { scenario, rps: '—', p50: '—', p99: '—', errors: '—', ratio: '—', target, result: 'skipped', note: why };
}

interface Series {
  runs: LoadResult[];
}

function summary(series: Series) {
  return {
    rps: mean(series.runs.map((r) => r.rps)),
    okRps: mean(series.runs.map((r) => r.okRps)),
    p50: median(series.runs.map((r) => r.p50ms)),
    p99: median(series.runs.map((r) => r.p99ms)),
    errors: series.runs.reduce((sum, r) => sum + r.errors, 0),
    rateLimited: series.runs.reduce((sum, r) => sum + r.rateLimited, 0),
    timeouts: series.runs.reduce((sum, r) => sum + r.timeouts, 0),
    requests: series.runs.reduce((sum, r) => sum + r.requests, 0),
  };
}

/** The median over rounds of a ratio taken within each round (side by side, same machine state). */
function pairedRatio(a: Series, b: Series, pick: (r: LoadResult) => number): number {
  const ratios = a.runs.map((run, i) => pick(run) / pick(b.runs[i]!)).filter(Number.isFinite);
  return median(ratios);
}

function loadRow(
  scenario: string,
  series: Series,
  extra: Partial<Row> & Pick<Row, 'ratio' | 'target' | 'result'>,
): Row {
  const s = summary(series);
  return {
    scenario,
    rps: fmtRps(s.rps),
    p50: fmtMs(s.p50),
    p99: fmtMs(s.p99),
    errors: `${s.errors}${s.rateLimited ? ` (+${s.rateLimited} × 429)` : ''}`,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Servers

const servers: Partial<Record<'a' | 'b' | 'c' | 'p', RunningServer>> = {};
const serverProblems: Partial<Record<'a' | 'b' | 'c' | 'p', string>> = {};
const authSecret = `bench-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
const settingsForLoad = { holdFor: 'nobody', holdLinkCount: 0 };
let postgres: { url: string; drop: () => Promise<void> } | null = null;
let postgresProblem: string | null = null;

async function startServers(): Promise<void> {
  const need = {
    a: groups.has('get') || groups.has('post') || groups.has('js'),
    b: groups.has('get'),
    c: groups.has('get'),
    p: groups.has('post'),
  };
  if (!Object.values(need).some(Boolean)) return;

  if (givenApp) say(`serving from ${app} (--app), not from a new snapshot`);
  else {
    say(`snapshot of the working tree (with its .next) → ${app}`);
    makeSnapshot(project, app, { withBuild: true });
  }

  const dbDir = path.join(tmp, 'db');
  mkdirSync(dbDir, { recursive: true });
  const sqlite = (name: string) => `file:${path.join(dbDir, `${name}.db`)}`;
  // The POST scenario measures how fast comments can be written, 50 writers at once from one
  // address: the blog's rate limits would answer most of them 429, so they are off here.
  const common = { AUTH_SECRET: authSecret, RATE_LIMITS: 'off' };

  say('database a (SQLite, seed post with 0 comments): migrating');
  await migrate(app, sqlite('a'));
  await setCommentSettings(app, sqlite('a'), settingsForLoad);
  const port = { a: await freePort() };
  say('server a: node scripts/start.mjs (builds first if the snapshot has no current build)');
  try {
    servers.a = await startQuire({
      name: 'a',
      app,
      port: port.a,
      env: { ...common, DATABASE_URL: sqlite('a') },
      logDir,
      readyTimeoutMs: 30 * 60_000,
    });
    say(`server a: serving on ${servers.a.url}`);
  } catch (error) {
    serverProblems.a = errorText(error);
    say(`server a failed: ${serverProblems.a}`);
    return;
  }

  const starts: Promise<void>[] = [];
  if (need.b) {
    starts.push(
      (async () => {
        say(`database b (SQLite): migrating and seeding ${SEEDED_COMMENTS.toLocaleString('en-US')} threaded comments`);
        await migrate(app, sqlite('b'));
        const seeded = await seedThread(app, sqlite('b'), SEED_POST.id, SEEDED_COMMENTS);
        results.seededThread = seeded;
        servers.b = await startQuire({
          name: 'b',
          app,
          port: await freePort(),
          env: { ...common, DATABASE_URL: sqlite('b') },
          logDir,
          readyTimeoutMs: 20 * 60_000,
        });
        say(`server b: serving on ${servers.b.url} (${seeded.comments} comments, ${seeded.topLevel} top-level)`);
      })().catch((error) => {
        serverProblems.b = errorText(error);
      }),
    );
  }
  if (need.c) {
    starts.push(
      (async () => {
        const content = path.join(tmp, `content-${BLOG_POSTS}`);
        const { posts } = generateContent(content, path.join(app, 'content'), BLOG_POSTS);
        say(`blog c: ${posts} posts generated in ${content}`);
        await migrate(app, sqlite('c'));
        servers.c = await startQuire({
          name: 'c',
          app,
          port: await freePort(),
          env: { ...common, DATABASE_URL: sqlite('c'), CONTENT_DIR: content },
          logDir,
          readyTimeoutMs: 20 * 60_000,
        });
        say(`server c: serving on ${servers.c.url}`);
      })().catch((error) => {
        serverProblems.c = errorText(error);
      }),
    );
  }
  if (need.p) {
    starts.push(
      (async () => {
        const serverUrl = postgresServerUrl();
        const unreachable = await postgresReachable(serverUrl);
        if (unreachable) {
          postgresProblem = `PostgreSQL at ${serverUrl.replace(/\/\/[^@/]*@/, '//…@')} is not reachable (${unreachable}); set BENCH_POSTGRES_URL or start it`;
          return;
        }
        postgres = await createPostgresDatabase(serverUrl);
        const created = postgres;
        cleanups.push(() => created.drop());
        say(`database p (PostgreSQL ${new URL(created.url).pathname.slice(1)}): migrating`);
        await migrate(app, created.url);
        await setCommentSettings(app, created.url, settingsForLoad);
        servers.p = await startQuire({
          name: 'p',
          app,
          port: await freePort(),
          env: { ...common, DATABASE_URL: created.url },
          logDir,
          readyTimeoutMs: 20 * 60_000,
        });
        say(`server p: serving on ${servers.p.url}`);
      })().catch((error) => {
        serverProblems.p = errorText(error);
      }),
    );
  }
  await Promise.all(starts);
  for (const [name, problem] of Object.entries(serverProblems)) say(`server ${name} failed: ${problem}`);
}

// ---------------------------------------------------------------------------------------------
// GET scenarios, side by side

/**
 * After a load run the server may still be working through requests the tool left in flight; two
 * health checks in a row let it finish them before the next run measures anything.
 */
async function settle(anyUrl: string): Promise<void> {
  const origin = new URL(anyUrl).origin;
  for (let i = 0; i < 2; i++) {
    await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(60_000) })
      .then((response) => response.arrayBuffer())
      .catch(() => {});
  }
}

interface GetTarget {
  id: string;
  label: string;
  url: string;
  headers?: Record<string, string>;
}

/** What every browser sends; the page cache keeps a gzipped copy for it. */
const AS_BROWSERS_ASK = { 'accept-encoding': 'gzip, deflate, br' };

async function getScenarios(): Promise<void> {
  const { a, b, c } = servers;
  const targets: GetTarget[] = [];
  const problems: Record<string, string> = {};
  const checks: Record<
    string,
    {
      bytes?: number;
      status?: number;
      cache?: string | null;
      version?: number;
      uncachedMs?: number;
      uncachedCache?: string | null;
    }
  > = {};
  const missing = (name: 'a' | 'b' | 'c') => serverProblems[name] ?? `server ${name} did not start`;

  if (!tools.wrk) say(`wrk is not installed: GET loads use autocannon instead (${INSTALL_HINT})`);
  const getOptions = { seconds, connections: 32, threads: 2, wrk: tools.wrk };

  // What each target must answer is checked once before any load: a fast error page measures nothing.
  let nginx: RunningServer | null = null;
  if (a) {
    try {
      const page = await expectPage(`${a.url}${SEED_POST.path}`, 200, 'No comments');
      checks.post0 = { bytes: page.bytes };
      targets.push({ id: 'post0', label: 'post page, 0 comments', url: `${a.url}${SEED_POST.path}` });
      targets.push({ id: 'post0gz', label: 'post page, 0 comments, gzip', url: `${a.url}${SEED_POST.path}`, headers: AS_BROWSERS_ASK });
      if (!tools.nginx) problems.nginx = `nginx is not installed (${INSTALL_HINT})`;
      else {
        try {
          const dir = mkdtempSync(path.join(os.tmpdir(), 'quire-bench-nginx-'));
          cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
          nginx = await startNginx({ nginx: tools.nginx, dir, port: await freePort(), html: page.body });
          say(`nginx: serving the post page's ${page.bytes.toLocaleString('en-US')} bytes from disk on ${nginx.url}`);
          targets.unshift({ id: 'nginx', label: 'nginx, same HTML from disk', url: `${nginx.url}/` });
        } catch (error) {
          problems.nginx = errorText(error);
        }
      }
    } catch (error) {
      problems.post0 = errorText(error);
    }
  } else {
    problems.post0 = missing('a');
  }
  if (b) {
    try {
      const page = await expectPage(
        `${b.url}${SEED_POST.path}`,
        200,
        `${SEEDED_COMMENTS.toLocaleString('en-US')} comments`,
      );
      checks.post10k = { bytes: page.bytes };
      targets.push({ id: 'post10k', label: 'post page, 10,000 comments', url: `${b.url}${SEED_POST.path}` });
      targets.push({
        id: 'post10kgz',
        label: 'post page, 10,000 comments, gzip',
        url: `${b.url}${SEED_POST.path}`,
        headers: AS_BROWSERS_ASK,
      });
    } catch (error) {
      problems.post10k = errorText(error);
    }
    try {
      const version = await currentVersion(b.url, SEED_POST.id);
      const url = `${b.url}/api/posts/${SEED_POST.id}/comments/version?since=${version}`;
      await expectPage(url, 204);
      checks.live = { version };
      targets.push({ id: 'live', label: 'live check, nothing new', url });
    } catch (error) {
      problems.live = errorText(error);
    }
  } else {
    problems.post10k = problems.live = missing('b');
  }
  if (c) {
    try {
      const home = await expectPage(`${c.url}/`, 200, 'Benchmark post 0001');
      const post = await expectPage(`${c.url}${SEED_POST.path}`, 200);
      checks.home1000 = { bytes: home.bytes };
      checks.post1000 = { bytes: post.bytes };
      targets.push({ id: 'home1000', label: 'home page, 1,000 posts', url: `${c.url}/` });
      targets.push({ id: 'post1000', label: 'post page, 1,000-post blog', url: `${c.url}${SEED_POST.path}` });
    } catch (error) {
      problems.home1000 = problems.post1000 = errorText(error);
    }
  } else {
    problems.home1000 = problems.post1000 = missing('c');
  }

  const series: Record<string, Series> = {};
  const quire = (target: GetTarget) => target.id !== 'nginx';
  try {
    for (const target of targets) {
      series[target.id] = { runs: [] };
      say(`warm-up ${warmSeconds}s: ${target.label}`);
      await getPage(target.url); // one request first: a cold page can take longer than the warm-up
      await getLoad(target.url, { ...getOptions, seconds: warmSeconds, headers: target.headers });
      if (quire(target)) await settle(target.url);
      if (quire(target) && target.id !== 'live' && !target.headers) {
        const uncached = await uncachedRenderMs(target.url);
        checks[target.id] = { ...checks[target.id], uncachedMs: uncached.ms, uncachedCache: uncached.cache };
      }
    }
    // Rounds alternate the order, so no target always runs first (or last) in a round.
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const result = await getLoad(target.url, { ...getOptions, headers: target.headers });
        if (quire(target)) await settle(target.url);
        series[target.id]!.runs.push(result);
        say(
          `round ${round + 1}/${rounds} ${target.label}: ${fmtRps(result.rps)} req/s, p50 ${fmtMs(result.p50ms)}, p99 ${fmtMs(result.p99ms)}, errors ${result.errors}`,
        );
      }
    }
    // What anonymous readers got at the end (e.g. whether a page cache was answering).
    for (const target of targets) {
      const page = await getPage(target.url, target.headers);
      checks[target.id] = { ...checks[target.id], status: page.status, bytes: page.bytes, cache: page.cache };
    }
  } finally {
    await nginx?.stop();
  }
  results.get = { checks, series, problems, tool: tools.wrk ? 'wrk' : 'autocannon', options: getOptions };

  const has = (id: string) => (series[id]?.runs.length ?? 0) > 0;
  const kb = (id: string) => `${((checks[id]?.bytes ?? 0) / 1024).toFixed(0)} KB`;
  const notes = (id: string, ...extra: string[]) =>
    [
      ...extra,
      checks[id]?.cache ? `x-quire-cache: ${checks[id]!.cache}` : '',
      checks[id]?.uncachedMs !== undefined
        ? `one render with the page cache bypassed (a session cookie that names no one): ${fmtMs(checks[id]!.uncachedMs)}${checks[id]!.uncachedCache ? ` (x-quire-cache: ${checks[id]!.uncachedCache})` : ''}`
        : '',
      summary(series[id]!).errors > 0 ? 'some answers failed under load (see errors), so the target is not met' : '',
      summary(series[id]!).requests === 0 ? `no answer came back within a ${seconds} s run` : '',
    ]
      .filter(Boolean)
      .join('; ') || undefined;
  const verdict = (ok: boolean, id: string): Row['result'] =>
    ok && summary(series[id]!).errors === 0 ? 'pass' : 'miss';
  /** A measured row whose reference could not be measured: numbers shown, no verdict. */
  const unreferenced = (scenario: string, id: string, target: string, why: string): Row =>
    loadRow(scenario, series[id]!, { ratio: '— (no reference)', target, result: 'error', note: why });

  // 1. post page vs nginx
  const nginxLabel = 'nginx: the same post page HTML from disk';
  const postLabel = 'post page, 0 comments, anonymous';
  const postTarget = '≥ 0.25× nginx req/s';
  if (has('nginx'))
    rows.push(
      loadRow(nginxLabel, series.nginx!, {
        ratio: 'reference',
        target: '—',
        result: 'ref',
        note: notes('nginx', `${kb('post0')} page, 1 worker`),
      }),
    );
  else if (problems.nginx) rows.push(skippedRow(nginxLabel, '—', problems.nginx));
  if (!has('post0')) rows.push(errorRow(postLabel, postTarget, problems.post0 ?? 'not measured'));
  else if (!has('nginx'))
    rows.push(
      loadRow(postLabel, series.post0!, {
        ratio: '— (no nginx)',
        target: postTarget,
        result: 'skipped',
        note: problems.nginx,
      }),
    );
  else {
    const ratio = pairedRatio(series.post0!, series.nginx!, (r) => r.rps);
    rows.push(
      loadRow(postLabel, series.post0!, {
        ratio: `${fmtRatio(ratio)} nginx req/s`,
        target: postTarget,
        result: verdict(ratio >= 0.25, 'post0'),
        note: notes('post0'),
      }),
    );
  }

  // 2. 10,000 comments vs 0: as the load tools ask (uncompressed), and as browsers ask (gzip,
  // which the page cache keeps ready)
  const target10k = '≤ 1.5× p50, ≥ 0.67× req/s';
  const busyThreadRow = (label: string, id: string, reference: string, encoding: string, note: string) => {
    if (!has(id)) return errorRow(label, target10k, problems.post10k ?? 'not measured');
    if (!has(reference)) return unreferenced(label, id, target10k, `the 0-comment page was not measured: ${problems.post0}`);
    const p50 = pairedRatio(series[id]!, series[reference]!, (r) => r.p50ms);
    const rps = pairedRatio(series[id]!, series[reference]!, (r) => r.rps);
    return loadRow(label, series[id]!, {
      ratio: `p50 ${fmtRatio(p50)}, req/s ${fmtRatio(rps)} of 0 comments${encoding}`,
      target: target10k,
      result: verdict(p50 <= 1.5 && rps >= 0.67, id),
      note: notes(id, note),
    });
  };
  rows.push(busyThreadRow('post page, 10,000 comments', 'post10k', 'post0', '', `page ${kb('post10k')} vs ${kb('post0')}`));
  rows.push(
    busyThreadRow(
      'post page, 10,000 comments, gzip',
      'post10kgz',
      'post0gz',
      ' (gzip)',
      `Accept-Encoding as browsers send it; ${kb('post10kgz')} vs ${kb('post0gz')} over the wire`,
    ),
  );

  // 3. live check
  const liveLabel = 'live check, nothing new (204)';
  if (!has('live')) rows.push(errorRow(liveLabel, '≥ 5,000 req/s', problems.live ?? 'not measured'));
  else {
    const { rps } = summary(series.live!);
    rows.push(
      loadRow(liveLabel, series.live!, {
        ratio: `${fmtRatio(rps / 5000)} of 5,000/s`,
        target: '≥ 5,000 req/s',
        result: verdict(rps >= 5000, 'live'),
        note: notes('live'),
      }),
    );
  }

  // 4. home page with 1,000 posts, against the post page of the same blog
  const homeLabel = 'home page, 1,000 posts';
  const homeTarget = '≥ 0.5× post page req/s';
  if (!has('home1000')) rows.push(errorRow(homeLabel, homeTarget, problems.home1000 ?? 'not measured'));
  else if (!has('post1000'))
    rows.push(unreferenced(homeLabel, 'home1000', homeTarget, problems.post1000 ?? 'post page not measured'));
  else {
    const ratio = pairedRatio(series.home1000!, series.post1000!, (r) => r.rps);
    rows.push(
      loadRow(homeLabel, series.home1000!, {
        ratio: `${fmtRatio(ratio)} post page req/s (same blog)`,
        target: homeTarget,
        result: verdict(ratio >= 0.5, 'home1000'),
        note: notes('home1000', `page ${kb('home1000')}`),
      }),
    );
    if (has('post0')) {
      const blogRatio = pairedRatio(series.post1000!, series.post0!, (r) => r.rps);
      rows.push(
        loadRow('post page on the 1,000-post blog', series.post1000!, {
          ratio: `${fmtRatio(blogRatio)} post page on the 1-post blog`,
          target: '— (the archive sidebar’s cost)',
          result: 'info',
          note: notes('post1000', `page ${kb('post1000')} vs ${kb('post0')}`),
        }),
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Comment POSTs, signed in, 50 at once

async function signedInReaders(
  server: RunningServer,
  dbUrl: string,
  count: number,
  label: string,
): Promise<{ cookies: string[]; notes: string[] }> {
  const notes: string[] = [];
  const readers: Reader[] = Array.from({ length: count }, (_, i) => newReader(`${label}${i}`));
  for (const reader of readers) {
    const answer = await register(server.url, reader);
    if (answer.status !== 201) {
      if (!notes.length)
        notes.push(`POST /api/users answered ${answer.status}; readers were written to the database instead`);
      await insertUser(app, dbUrl, reader);
    }
  }
  const cookies = await Promise.all(readers.map((reader) => signIn(server.url, reader)));
  return { cookies, notes };
}

async function postScenarios(): Promise<void> {
  const connections = 50;
  const target = '≥ 500/s, p99 < 100 ms, 0 errors';
  const stores: { id: string; label: string; server?: RunningServer; dbUrl?: string; problem?: string }[] = [
    {
      id: 'sqlite',
      label: 'comment POST, SQLite',
      server: servers.a,
      dbUrl: servers.a ? `file:${path.join(tmp, 'db', 'a.db')}` : undefined,
      problem: serverProblems.a,
    },
    {
      id: 'postgres',
      label: 'comment POST, PostgreSQL',
      server: servers.p,
      dbUrl: postgres?.url,
      problem: postgresProblem ?? serverProblems.p,
    },
  ];
  const prepared: { id: string; label: string; server: RunningServer; cookies: string[]; notes: string[] }[] = [];
  for (const store of stores) {
    if (!store.server || !store.dbUrl) {
      rows.push(
        store.id === 'postgres' && postgresProblem
          ? skippedRow(store.label, target, postgresProblem)
          : errorRow(store.label, target, store.problem ?? 'server did not start'),
      );
      continue;
    }
    try {
      say(`${store.label}: registering and signing in ${postReaders} readers`);
      const { cookies, notes } = await signedInReaders(store.server, store.dbUrl, postReaders, store.id);
      const probe = await postComment(store.server.url, SEED_POST.id, cookies[0]!, 'A first comment before the load.');
      if (probe.status !== 201 && probe.status !== 202 && probe.status !== 429) {
        throw new Error(`a single comment POST answered ${probe.status}: ${probe.text.slice(0, 200)}`);
      }
      if (probe.status !== 201) notes.push(`a single comment POST before the load answered ${probe.status}`);
      prepared.push({ id: store.id, label: store.label, server: store.server, cookies, notes });
    } catch (error) {
      rows.push(errorRow(store.label, target, error));
    }
  }

  // The floor: the same POST with a body that is not JSON, which the route answers 400 before it
  // reads a session or touches the database. What it reaches is Next's own cost per POST here, the
  // most any comment POST through Next can reach on this machine; measured side by side.
  const floorLabel = 'POST answered at once (not JSON → 400)';
  if (servers.a) {
    prepared.push({ id: 'floor', label: floorLabel, server: servers.a, cookies: [], notes: [] });
  } else {
    rows.push(errorRow(floorLabel, '—', serverProblems.a ?? 'server did not start'));
  }

  let counter = 0;
  const body = () =>
    JSON.stringify({ body: `Benchmark comment ${++counter}: plain words, no links, nothing to hold.` });
  const series: Record<string, Series> = {};
  const load = (store: (typeof prepared)[number], secondsToRun: number) =>
    autocannonLoad({
      url: `${store.server.url}/api/posts/${SEED_POST.id}/comments`,
      method: 'POST',
      seconds: secondsToRun,
      connections,
      body: store.id === 'floor' ? () => '{"body": "not finished' : body,
      headerSets: store.cookies.map((cookie) => ({ cookie })),
    });
  for (const store of prepared) {
    series[store.id] = { runs: [] };
    say(`warm-up ${warmSeconds}s: ${store.label}`);
    await load(store, warmSeconds);
    await settle(store.server.url);
  }
  for (let round = 0; round < postRounds; round++) {
    const order = round % 2 === 0 ? prepared : [...prepared].reverse();
    for (const store of order) {
      const result = await load(store, seconds);
      await settle(store.server.url);
      series[store.id]!.runs.push(result);
      say(
        store.id === 'floor'
          ? `round ${round + 1}/${postRounds} ${store.label}: ${fmtRps(result.rps)} answers/s, status ${JSON.stringify(result.statusCodes)}`
          : `round ${round + 1}/${postRounds} ${store.label}: ${fmtRps(result.okRps)} 2xx/s, p50 ${fmtMs(result.p50ms)}, p99 ${fmtMs(result.p99ms)}, status ${JSON.stringify(result.statusCodes)}`,
      );
    }
  }
  results.post = { series, connections, readers: postReaders };
  const floor = series.floor;
  for (const store of prepared) {
    if (store.id === 'floor') {
      rows.push(floorRow(floorLabel, floor!, series.sqlite, series.postgres));
      continue;
    }
    const s = summary(series[store.id]!);
    const codes: Record<string, number> = {};
    for (const r of series[store.id]!.runs)
      for (const [code, n] of Object.entries(r.statusCodes ?? {})) codes[code] = (codes[code] ?? 0) + n;
    const held = codes['202'] ?? 0;
    const ok = s.okRps >= 500 && s.p99 < 100 && s.errors === 0;
    rows.push({
      scenario: store.label,
      rps: fmtRps(s.okRps),
      p50: fmtMs(s.p50),
      p99: fmtMs(s.p99),
      errors: `${s.errors}${s.rateLimited ? ` (+${s.rateLimited} × 429)` : ''}`,
      ratio: `${fmtRatio(s.okRps / 500)} of 500/s`,
      target,
      result: ok ? 'pass' : 'miss',
      note:
        [
          ...store.notes,
          held ? `${held} answers were 202 (held for moderation)` : '',
          s.rateLimited ? `${s.rateLimited} answers were 429 (rate limited): req/s counts 2xx only` : '',
          s.requests === 0 ? `no answer came back within a ${seconds} s run (each took longer)` : '',
          s.timeouts ? `${s.timeouts} of the errors are requests with no answer within 10 s` : '',
          floor ? `${fmtRatio(shareOfFloor(series[store.id]!, floor))} of the POSTs Next answers at once in the same round (the floor row)` : '',
          `status codes ${JSON.stringify(codes)}`,
        ]
          .filter(Boolean)
          .join('; ') || undefined,
    });
  }
}

/** Comment POSTs per second as a share of the floor's answers per second, the median over rounds. */
function shareOfFloor(store: Series, floor: Series): number {
  return median(store.runs.map((run, i) => run.okRps / (floor.runs[i]?.rps ?? Number.NaN)).filter(Number.isFinite));
}

/** The floor row: answers per second of any status, and what share of it comment POSTs reach. */
function floorRow(label: string, floor: Series, ...stores: (Series | undefined)[]): Row {
  const s = summary(floor);
  const shares = stores
    .filter((store): store is Series => store !== undefined && store.runs.length === floor.runs.length)
    .map((store) => fmtRatio(shareOfFloor(store, floor)));
  const codes: Record<string, number> = {};
  for (const r of floor.runs) for (const [code, n] of Object.entries(r.statusCodes ?? {})) codes[code] = (codes[code] ?? 0) + n;
  const unexpected = Object.entries(codes).filter(([code]) => code !== '400').reduce((sum, [, n]) => sum + n, 0);
  return {
    scenario: label,
    rps: fmtRps(s.rps),
    p50: '—',
    p99: '—',
    errors: String(unexpected + s.timeouts),
    ratio: shares.length ? `comment POSTs reach ${shares.join(' / ')} of it` : '—',
    target: '— (the most a POST through Next reaches)',
    result: 'info',
    note: `no session, no database: Next's request pipeline, the origin check and a JSON error; errors count answers other than 400; status codes ${JSON.stringify(codes)}`,
  };
}

// ---------------------------------------------------------------------------------------------
// JavaScript on the post page

async function jsScenario(): Promise<void> {
  const scenario = 'JavaScript on the post page';
  const target = '0 B needed to read/comment; ≤ 150 KB gzip';
  if (!tools.chromium) {
    rows.push(skippedRow(scenario, target, 'no Chromium (apt-get install chromium-headless-shell, or set CHROMIUM_PATH)'));
    return;
  }
  if (!servers.a) {
    rows.push(errorRow(scenario, target, serverProblems.a ?? 'server a did not start'));
    return;
  }
  try {
    const readers: [Reader, Reader] = [newReader('js'), newReader('nojs')];
    for (const reader of readers) {
      const answer = await register(servers.a.url, reader);
      if (answer.status !== 201) await insertUser(app, `file:${path.join(tmp, 'db', 'a.db')}`, reader);
    }
    say(
      `Chromium (${tools.chromium}): script resources on the post page, then reading and commenting with JavaScript off`,
    );
    const js: JsResult = await measureJs({
      chromiumPath: tools.chromium,
      base: servers.a.url,
      postPath: SEED_POST.path,
      readers,
    });
    results.js = js;
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const worst = Math.max(js.anonymous.gzipBytes, js.signedIn.gzipBytes);
    const noJsOk = js.withoutJs.reads && js.withoutJs.comments;
    rows.push({
      scenario,
      rps: '—',
      p50: '—',
      p99: '—',
      errors: noJsOk ? '0' : '1',
      ratio: `${noJsOk ? '0 B needed' : 'JS needed'}; ${kb(worst)} gzip = ${fmtRatio(worst / (150 * 1024))} of 150 KB`,
      target,
      result: noJsOk && worst <= 150 * 1024 ? 'pass' : 'miss',
      note: [
        `anonymous ${js.anonymous.files} files ${kb(js.anonymous.gzipBytes)} gzip (${kb(js.anonymous.rawBytes)} raw)`,
        `signed in ${js.signedIn.files} files ${kb(js.signedIn.gzipBytes)} gzip (${kb(js.signedIn.rawBytes)} raw)`,
        `inline scripts ${kb(js.anonymous.inlineBytes)} raw in the HTML`,
        `without JS: reads ${js.withoutJs.reads ? 'yes' : 'no'}, comment posted ${js.withoutJs.comments ? 'yes' : 'no'}${js.withoutJs.problem ? ` (${js.withoutJs.problem})` : ''}`,
      ].join('; '),
    });
  } catch (error) {
    rows.push(errorRow(scenario, target, error));
  }
}

// ---------------------------------------------------------------------------------------------
// next build with 100 and 1,000 posts

/** Runs `command` through bash and reports wall and CPU seconds (bash's `times`: children's user+sys). */
async function timed(command: string, cwd: string, env: NodeJS.ProcessEnv, logFile: string) {
  const result = await run('bash', ['-c', `${command}\nstatus=$?\ntimes\nexit $status`], {
    cwd,
    env,
    timeoutMs: 45 * 60_000,
  });
  writeFileSync(logFile, `$ ${command}\n${result.stdout}\n${result.stderr}`);
  const times = result.stdout.trim().split('\n').slice(-1)[0] ?? '';
  const cpu = [...times.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
  return { code: result.code, wall: result.seconds, cpu, output: `${result.stdout}\n${result.stderr}` };
}

async function buildScenario(): Promise<void> {
  const measured: { posts: number; check: number; build: number; cpu: number; checkCpu: number; buildCpu: number }[] =
    [];
  for (const posts of BUILD_SIZES) {
    const scenario = `next build, ${posts.toLocaleString('en-US')} posts`;
    try {
      const copy = path.join(tmp, `build-${posts}`);
      say(`${scenario}: fresh copy of the project (no .next) in ${copy}`);
      makeSnapshot(project, copy, { withBuild: false });
      const content = path.join(tmp, `build-content-${posts}`);
      generateContent(content, path.join(copy, 'content'), posts);
      const env = serverEnv({ CONTENT_DIR: content });
      say(`${scenario}: content check + next build (as npm run build does), log in ${logDir}`);
      const check = await timed(
        'node node_modules/tsx/dist/cli.mjs scripts/check-content.ts',
        copy,
        env,
        path.join(logDir, `check-content-${posts}.log`),
      );
      if (check.code !== 0) throw new Error(`content check failed:\n${check.output.slice(-1500)}`);
      const build = await timed(
        'node node_modules/next/dist/bin/next build',
        copy,
        env,
        path.join(logDir, `build-${posts}.log`),
      );
      if (build.code !== 0) throw new Error(`next build failed:\n${build.output.slice(-1500)}`);
      measured.push({
        posts,
        check: check.wall,
        build: build.wall,
        cpu: check.cpu + build.cpu,
        checkCpu: check.cpu,
        buildCpu: build.cpu,
      });
      say(
        `${scenario}: content check ${check.wall.toFixed(1)} s, next build ${build.wall.toFixed(1)} s (CPU ${(check.cpu + build.cpu).toFixed(1)} s)`,
      );
      rmSync(copy, { recursive: true, force: true });
    } catch (error) {
      rows.push(errorRow(scenario, 'report seconds; roughly linear?', error));
    }
  }
  results.build = measured;
  const first = measured[0];
  for (const m of measured) {
    const growth =
      first && m !== first
        ? `; ${fmtRatio(m.cpu / first.cpu)} CPU, ${fmtRatio((m.check + m.build) / (first.check + first.build))} wall for ${fmtRatio(m.posts / first.posts)} posts`
        : '';
    rows.push({
      scenario: `next build, ${m.posts.toLocaleString('en-US')} posts`,
      rps: '—',
      p50: '—',
      p99: '—',
      errors: '0',
      ratio: `${m.cpu.toFixed(0)} s CPU, ${(m.check + m.build).toFixed(0)} s wall${growth}`,
      target: 'report; roughly linear?',
      result: 'info',
      note: `content check ${m.checkCpu.toFixed(1)} s CPU (${m.check.toFixed(1)} s wall), next build ${m.buildCpu.toFixed(1)} s CPU (${m.build.toFixed(1)} s wall)`,
    });
  }
}

// ---------------------------------------------------------------------------------------------

/** Prints the table and summary and writes the JSON (also for a run stopped part-way). */
function report(startedAt: Date, before: ReturnType<typeof machine>, interrupted: string | null): number {
  const after = machine();
  if (interrupted)
    rows.push(
      errorRow(
        `(interrupted by ${interrupted})`,
        '—',
        `the run was stopped by ${interrupted}; rows above are what it had measured`,
      ),
    );
  const measured = rows.filter((row) => row.result === 'pass' || row.result === 'miss');
  const passed = measured.filter((row) => row.result === 'pass').length;
  const broken = rows.filter((row) => row.result === 'error');
  const skipped = rows.filter((row) => row.result === 'skipped');
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const table = renderTable(rows);
  const notes = renderNotes(rows);
  const line =
    `summary: ${passed} of ${measured.length} targets met` +
    (measured.length > passed
      ? ` (missed: ${measured
          .filter((r) => r.result === 'miss')
          .map((r) => r.scenario)
          .join('; ')})`
      : '') +
    (skipped.length ? `, ${skipped.length} skipped` : '') +
    (broken.length ? `, ${broken.length} could not be measured` : '') +
    `; ${after.cores} cores, load average ${before.loadAverage[0]} → ${after.loadAverage[0]}; ratios are side by side in this run`;
  const file = path.join(resultsDir, `bench-${stamp}${quick ? '-quick' : ''}.json`);
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick,
    groups: [...groups],
    seconds,
    rounds,
    machine: { before, after },
    tools,
    rows,
    interrupted,
    summary: line,
    results,
  };
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, `latest${quick ? '-quick' : ''}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(path.join(resultsDir, `latest${quick ? '-quick' : ''}.md`), `${table}\n\n${notes}\n\n${line}\n`);

  console.log(`\n${table}\n`);
  if (notes) console.log(`${notes}\n`);
  console.log(line);
  console.log(
    `results: ${path.relative(project, file)} (table also in bench/results/latest${quick ? '-quick' : ''}.md)`,
  );
  return broken.length ? 1 : 0;
}

async function main(): Promise<number> {
  say(
    `Quire benchmark${quick ? ' (--quick)' : ''}: ${[...groups].join(', ')}; ${seconds}s per run, ${rounds} round(s) side by side`,
  );
  say(
    `machine: ${before.cores} cores, Debian ${before.debian}, Node ${before.node}, load average ${before.loadAverage.join(' ')}`,
  );
  say(
    `wrk: ${tools.wrk ?? `missing (${INSTALL_HINT})`}; nginx: ${tools.nginx ?? `missing (${INSTALL_HINT})`}; chromium: ${tools.chromium ?? 'missing (apt-get install chromium-headless-shell)'}`,
  );
  say(`temporary folder ${tmp}; server logs in ${logDir}`);

  try {
    await startServers();
    // A group that breaks becomes an error row; the others still run.
    const phases: [string, () => Promise<void>][] = [
      ['get', getScenarios],
      ['js', jsScenario],
      ['post', postScenarios],
      ['build', async () => (await stopAll(), buildScenario())],
    ];
    for (const [group, phase] of phases) {
      if (!groups.has(group)) continue;
      try {
        await phase();
      } catch (error) {
        say(`${group} scenarios broke: ${errorText(error)}`);
        rows.push(errorRow(`${group} scenarios`, '—', error));
      }
    }
  } finally {
    await cleanUp();
  }

  return report(startedAt, before, null);
}

if (!existsSync(path.join(project, 'node_modules'))) {
  console.error('bench: node_modules is missing; run npm install first');
  process.exit(1);
}
main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    console.error(
      `bench: the harness broke: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await cleanUp().catch(() => {});
    process.exit(1);
  },
);
