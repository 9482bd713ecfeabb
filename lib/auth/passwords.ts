import bcrypt from 'bcryptjs';

export class PasswordSetupError extends Error {
  override name = 'PasswordSetupError';
}

/**
 * bcrypt's cost (2^cost rounds). 10 takes ~70 ms here: slow for a guesser, quick enough for a
 * person signing in. PASSWORD_HASH_COST changes it, for test servers that register hundreds of
 * readers (4: under a millisecond); below 10 a stolen hash is cheap to crack, so never on a blog.
 * A stored hash keeps the cost it was made with, so changing it never locks anyone out.
 */
export function parseHashCost(text: string | undefined): number {
  const value = text?.trim() ?? '';
  if (value === '') return 10;
  const cost = Number(value);
  if (!Number.isInteger(cost) || cost < 4 || cost > 15) {
    throw new PasswordSetupError(`PASSWORD_HASH_COST must be a whole number from 4 to 15 (10 when unset), not "${value}".`);
  }
  return cost;
}

// Read when first needed, not when this module loads: the start-up checks (lib/startup.ts) load it
// too, and must be able to tell a wrong value as a setting error instead of failing to load.
let cost: number | undefined;
function hashCost(): number {
  cost ??= parseHashCost(process.env.PASSWORD_HASH_COST);
  return cost;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, hashCost());
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let unknownUserHash: string | undefined;
/** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
export function hashForUnknownUser(): string {
  unknownUserHash ??= bcrypt.hashSync('not-a-real-password', hashCost());
  return unknownUserHash;
}
