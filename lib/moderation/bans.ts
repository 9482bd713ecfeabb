import { getDb } from '@/lib/db';

export interface BanWindow {
  endsAt: Date | null;
  liftedAt: Date | null;
}

/** A ban holds from its creation until it is lifted or its end date passes; no end date means for good. */
export function banIsActive(ban: BanWindow, now: Date): boolean {
  if (ban.liftedAt && ban.liftedAt.getTime() <= now.getTime()) return false;
  return ban.endsAt === null || ban.endsAt.getTime() > now.getTime();
}

export async function getActiveBan(userId: string, now: Date = new Date()) {
  const bans = await getDb().ban.findMany({
    where: { userId, liftedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, reason: true, endsAt: true, liftedAt: true, createdAt: true },
  });
  return bans.find((ban) => banIsActive(ban, now)) ?? null;
}

export function banMessage(ban: { endsAt: Date | null }): string {
  return ban.endsAt
    ? `Your account may not comment until ${ban.endsAt.toISOString().slice(0, 10)}.`
    : 'Your account may no longer comment on this blog.';
}
