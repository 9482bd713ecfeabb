/**
 * Auth.js's error lines. A wrong email or password (its `CredentialsSignin`) is the reader's
 * mistake: the form already says so and the rate limits count it, so it is not logged; with
 * Auth.js's own logger every mistyped password filled the server's log with an error and a stack
 * trace that read as a fault. Anything else is one, logged with its kind (Auth.js's `type`).
 */
export function logAuthError(error: Error, log: (...parts: unknown[]) => void = console.error): void {
  const kind = 'type' in error && typeof error.type === 'string' ? error.type : error.name;
  if (kind === 'CredentialsSignin') return;
  log(`[auth] ${kind}:`, error);
}
