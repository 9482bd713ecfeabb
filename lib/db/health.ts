import { databaseProvider, getDb } from './index';

/** One trivial query, answered within two seconds or reported down. */
export async function checkDatabase(): Promise<{ ok: boolean; provider: string; error?: string }> {
  let provider = 'unknown';
  try {
    // In here: a DATABASE_URL naming no database Quire can use is a database that is down, and
    // /api/health says so with its reason instead of failing with a server error.
    provider = databaseProvider();
    await Promise.race([
      getDb().$queryRawUnsafe('SELECT 1'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 2 s')), 2_000)),
    ]);
    return { ok: true, provider };
  } catch (error) {
    return { ok: false, provider, error: `database unavailable: ${firstLine(error)}` };
  }
}

// The last reason reportHealth logged: a monitor polling through an outage logs it once.
let lastLoggedReason: string | null = null;

/**
 * What /api/health answers. The endpoint is public so that any monitor can poll it, and a driver's
 * message can name internal hosts, users and paths: the answer says only that the database is
 * unavailable, and why goes to the server's log (once per outage and reason, not once per poll).
 */
export async function reportHealth(): Promise<{
  status: 200 | 503;
  body: { status: 'ok' | 'degraded'; database: { ok: boolean; provider: string; error?: string } };
}> {
  const database = await checkDatabase();
  if (database.ok) {
    lastLoggedReason = null;
    return { status: 200, body: { status: 'ok', database } };
  }
  if (database.error !== lastLoggedReason) console.error(`quire: /api/health: ${database.error}`);
  lastLoggedReason = database.error ?? null;
  return {
    status: 503,
    body: { status: 'degraded', database: { ok: false, provider: database.provider, error: 'database unavailable' } },
  };
}

/** Prisma's messages start with a blank line and the call that failed; the cause is the first line after those. */
function firstLine(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const lines = error.message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return lines.find((line) => !/^Invalid `.*` invocation/.test(line)) ?? lines[0] ?? error.name;
}

// Prisma's codes for: could not reach, timed out (SQLite: busy), connection closed, no pooled
// connection in time, a transaction could not start in time (every connection busy).
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028']);

/**
 * Whether a query failed because the database is out of reach (stopped, unreachable, locked,
 * unopenable) rather than because of the query: then a reader is told to come back later instead
 * of getting a server error. Errors Prisma does not classify are settled by asking the database.
 */
export async function isDatabaseDown(error: unknown): Promise<boolean> {
  if (!(error instanceof Error)) return false;
  if (error.name === 'PrismaClientInitializationError') return true;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (!error.name.startsWith('Prisma') && error.name !== 'DriverAdapterError') return false;
  return !(await checkDatabase()).ok;
}

/** What a door answers while the database is down: 503, and a message for the reader. */
export interface DatabaseUnavailable {
  ok: false;
  status: 503;
  errors: { request: string };
}

export function isUnavailable(value: unknown): value is DatabaseUnavailable {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    value.status === 503 &&
    'ok' in value &&
    value.ok === false
  );
}

/**
 * Runs a read or write; if it fails because the database is down, answers "unavailable" with
 * `message` instead of throwing, so a form can keep what was typed and an API can say 503. Any
 * other failure (a redirect too) is thrown as before.
 */
export async function unlessDatabaseDown<T>(work: () => Promise<T>, message: string): Promise<T | DatabaseUnavailable> {
  try {
    return await work();
  } catch (error) {
    if (!(await isDatabaseDown(error))) throw error;
    console.error('the database is unavailable:', error instanceof Error ? error.message.trim().split('\n').at(-1) : error);
    return { ok: false, status: 503, errors: { request: message } };
  }
}
