/**
 * The reader's address, for rate limits and the hashed address kept with a comment; never shown.
 * scripts/server.mjs sets this header on every request from the connection (or, with TRUST_PROXY,
 * from the proxy in front) and drops any value a client sent, so it cannot be forged. It says so
 * through a process-wide flag; without it (`next dev`) a client could send the header itself, so
 * it is not read and per-address limits do not apply.
 */
export const CLIENT_ADDRESS_HEADER = 'x-quire-client-address';
const SET_BY_SERVER = Symbol.for('quire.clientAddressSet'); // the same key in scripts/server.mjs

export function clientIp(headers: Headers): string | null {
  if ((globalThis as Record<symbol, unknown>)[SET_BY_SERVER] !== true) return null;
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}
