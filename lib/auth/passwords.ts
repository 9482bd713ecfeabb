import bcrypt from 'bcryptjs';

// Cost 10 takes ~70 ms here: slow for a guesser, quick enough for a person signing in.
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the email is unknown, so a wrong email costs as long as a wrong password. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync('not-a-real-password', COST);
