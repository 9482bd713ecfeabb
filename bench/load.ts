// Load generators: wrk for GETs when it is installed (autocannon otherwise), autocannon for POSTs.
// Every run targets 127.0.0.1, lasts a fixed number of seconds and stops by itself.
import autocannon from 'autocannon';
import { run } from './util';

export interface LoadResult {
  tool: 'wrk' | 'autocannon';
  url: string;
  method: string;
  seconds: number;
  connections: number;
  /** Completed responses, any status. */
  requests: number;
  /** Completed responses per second. */
  rps: number;
  /** 2xx responses per second (what a POST target counts). */
  okRps: number;
  p50ms: number;
  p99ms: number;
  /** Failed requests: non-2xx/3xx answers (429 excepted, see rateLimited) plus socket errors and timeouts. */
  errors: number;
  /** 429 Too Many Requests answers, kept apart from errors. */
  rateLimited: number;
  /** Requests that got no answer within the tool's timeout (10 s); counted in errors too. */
  timeouts: number;
  /** Status code counts where the tool reports them (autocannon). */
  statusCodes?: Record<string, number>;
  detail: string;
}

export interface GetLoadOptions {
  seconds: number;
  connections: number;
  threads: number;
  /** wrk's path, or null to use autocannon. */
  wrk: string | null;
  /** Request headers, e.g. Accept-Encoding as browsers send it. None by default, like the tools. */
  headers?: Record<string, string>;
}

function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]') {
    throw new Error(`refusing to send load to ${host}: the harness only targets this machine (127.0.0.1)`);
  }
}

/** A wrk duration such as "1.23ms", "456.78us", "2.00s", "1.50m" in milliseconds. */
export function parseWrkDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'us' | 'ms' | 's' | 'm' | 'h'];
  return value * scale;
}

/** The numbers in `wrk --latency` output. */
export function parseWrkOutput(output: string) {
  const number = (pattern: RegExp) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : 0;
  };
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(output);
    return match ? parseWrkDuration(match[1]!) : Number.NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const socketErrors = socket ? socket.slice(1, 5).map(Number) : [0, 0, 0, 0];
  const requestsLine = /(\d+) requests in ([\d.]+)(us|ms|s|m)/.exec(output);
  return {
    requests: requestsLine ? Number(requestsLine[1]) : 0,
    seconds: requestsLine ? parseWrkDuration(`${requestsLine[2]}${requestsLine[3]}`) / 1000 : Number.NaN,
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50ms: requestsLine && Number(requestsLine[1]) > 0 ? percentile('50') : Number.NaN,
    p99ms: requestsLine && Number(requestsLine[1]) > 0 ? percentile('99') : Number.NaN,
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: {
      connect: socketErrors[0]!,
      read: socketErrors[1]!,
      write: socketErrors[2]!,
      timeout: socketErrors[3]!,
    },
  };
}

/** GET load on `url`: wrk -t2 -c32 -d<N>s --latency, or autocannon with the same connections. */
export async function getLoad(url: string, options: GetLoadOptions): Promise<LoadResult> {
  assertLoopback(url);
  if (options.wrk) {
    const args = [
      `-t${options.threads}`,
      `-c${options.connections}`,
      `-d${options.seconds}s`,
      '--latency',
      '--timeout',
      '10s',
      ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['-H', `${name}: ${value}`]),
      url,
    ];
    const result = await run(options.wrk, args, { timeoutMs: (options.seconds + 30) * 1000 });
    if (result.code !== 0) throw new Error(`wrk failed (${result.code}): ${result.stderr || result.stdout}`);
    const parsed = parseWrkOutput(result.stdout);
    // Zero requests is a result (a server slower than the run), not a failure to measure.
    if (!/requests in/.test(result.stdout)) throw new Error(`could not read wrk's output:\n${result.stdout}`);
    const { connect, read, write, timeout } = parsed.socketErrors;
    return {
      tool: 'wrk',
      url,
      method: 'GET',
      seconds: Number.isFinite(parsed.seconds) ? parsed.seconds : options.seconds,
      connections: options.connections,
      requests: parsed.requests,
      rps: parsed.rps,
      okRps: parsed.requests ? (parsed.rps * (parsed.requests - parsed.non2xx)) / parsed.requests : 0,
      p50ms: parsed.p50ms,
      p99ms: parsed.p99ms,
      errors: parsed.non2xx + connect + read + write + timeout,
      rateLimited: 0,
      timeouts: timeout,
      detail: `wrk ${args.join(' ')}; non-2xx/3xx ${parsed.non2xx}; socket errors connect ${connect}, read ${read}, write ${write}, timeout ${timeout}`,
    };
  }
  return autocannonLoad({
    url,
    method: 'GET',
    seconds: options.seconds,
    connections: options.connections,
    headerSets: options.headers ? [options.headers] : undefined,
  });
}

export interface AutocannonLoadOptions {
  url: string;
  method: 'GET' | 'POST';
  seconds: number;
  connections: number;
  /** POST: a body per request (called once per request). */
  body?: () => string;
  /** Header sets rotated round-robin over the requests (e.g. one session cookie per reader). */
  headerSets?: Record<string, string>[];
}

export async function autocannonLoad(options: AutocannonLoadOptions): Promise<LoadResult> {
  assertLoopback(options.url);
  let turn = 0;
  const headerSets = options.headerSets?.length ? options.headerSets : [{}];
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    timeout: 10,
    requests: [
      {
        method: options.method,
        setupRequest: (request) => {
          const headers = headerSets[turn++ % headerSets.length]!;
          return {
            ...request,
            method: options.method,
            headers: { ...headers, ...(options.body ? { 'content-type': 'application/json' } : {}) },
            ...(options.body ? { body: options.body() } : {}),
          };
        },
      },
    ],
  });
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  const rateLimited = statusCodes['429'] ?? 0;
  const ok = result['2xx'];
  const completed = Object.values(statusCodes).reduce((a, b) => a + b, 0);
  const failedAnswers = Object.entries(statusCodes)
    .filter(([code]) => !/^[23]/.test(code) && code !== '429')
    .reduce((sum, [, count]) => sum + count, 0);
  const seconds = result.duration || options.seconds;
  return {
    tool: 'autocannon',
    url: options.url,
    method: options.method,
    seconds,
    connections: options.connections,
    requests: completed,
    rps: completed / seconds,
    okRps: ok / seconds,
    p50ms: ok > 0 ? result.latency.p50 : Number.NaN,
    p99ms: ok > 0 ? result.latency.p99 : Number.NaN,
    errors: failedAnswers + result.errors, // autocannon's errors include its timeouts
    rateLimited,
    timeouts: result.timeouts,
    statusCodes,
    detail: `autocannon -c ${options.connections} -d ${options.seconds} ${options.method}; status ${JSON.stringify(statusCodes)}; socket errors ${result.errors} (of which timeouts ${result.timeouts}); latency percentiles over 2xx answers`,
  };
}
