import { randomBytes } from 'node:crypto';
import { getDb } from '@/lib/db';
import { toViewer, type Viewer } from './accounts';

/** How long a sign-in lasts: the session cookie's life, and its row's. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

/** What a session cookie says: whose account, and which sign-in of it. */
export interface SessionClaim {
  userId: string;
  sessionId: string;
}

/**
 * Records a new sign-in of `userId` and returns its id, which goes into the session cookie. The
 * account's expired sign-ins are cleared on the way, so the table holds about one row per browser.
 */
export async function startSession(userId: string, now: Date = new Date()): Promise<string> {
  const db = getDb();
  const id = randomBytes(24).toString('base64url');
  await db.session.deleteMany({ where: { userId, expiresAt: { lte: now } } });
  await db.session.create({
    data: { id, userId, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) },
  });
  return id;
}

/** Signing out: the sign-in is forgotten, so any copy of its cookie signs no one in. */
export async function endSession(sessionId: string): Promise<void> {
  await getDb().session.deleteMany({ where: { id: sessionId } });
}

/**
 * The account a session cookie signs in, read fresh: null when that sign-in was ended (signed out)
 * or has expired, or the account is gone. One query, whatever the answer.
 */
export async function sessionViewer(
  { userId, sessionId }: SessionClaim,
  now: Date = new Date(),
): Promise<Viewer | null> {
  const user = await getDb().user.findFirst({
    where: { id: userId, sessions: { some: { id: sessionId, expiresAt: { gt: now } } } },
    select: { id: true, name: true, email: true, role: true },
  });
  return user ? toViewer(user) : null;
}
