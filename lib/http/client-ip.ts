/**
 * The reader's address, for rate limits and the hashed address kept with a comment; never shown.
 * scripts/server.mjs sets this header on every request from the connection (or, with TRUST_PROXY,
 * from the proxy in front) and drops any value a client sent, so it cannot be forged. Under
 * `next dev` there is no such server and this is null: per-address limits then do not apply.
 */
export const CLIENT_ADDRESS_HEADER = 'x-quire-client-address';

export function clientIp(headers: Headers): string | null {
  return headers.get(CLIENT_ADDRESS_HEADER) || null;
}
