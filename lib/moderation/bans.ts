import { formatDay, startOfDayInZone, type CalendarDate } from '@/lib/content/dates';
import { getSite } from '@/lib/content/site';
import { getDb, type DbTransaction } from '@/lib/db';

export interface BanWindow {
  endsAt: Date | null;
  liftedAt: Date | null;
}

/** A ban holds from its creation until it is lifted or its end date passes; no end date means for good. */
export function banIsActive(ban: BanWindow, now: Date): boolean {
  if (ban.liftedAt && ban.liftedAt.getTime() <= now.getTime()) return false;
  return ban.endsAt === null || ban.endsAt.getTime() > now.getTime();
}

export type ActiveBan = NonNullable<Awaited<ReturnType<typeof getActiveBan>>>;

export async function getActiveBan(userId: string, now: Date = new Date(), client: Pick<DbTransaction, 'ban'> = getDb()) {
  const bans = await client.ban.findMany({
    where: { userId, liftedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, reason: true, endsAt: true, liftedAt: true, createdAt: true },
  });
  return bans.find((ban) => banIsActive(ban, now)) ?? null;
}

/**
 * A commenter's bans as the console's user page shows them, in two queries: the ban that holds
 * now (with how many comments it hides), and bans whose end date has passed but that nobody
 * lifted, when they still hide comments — those stay hidden until a moderator lifts the ban, so
 * the console must keep offering to (how many, and the last of the end dates).
 */
export async function getBanStanding(userId: string, now: Date = new Date()) {
  const db = getDb();
  const bans = await db.ban.findMany({
    where: { userId, liftedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, reason: true, endsAt: true, liftedAt: true, createdAt: true },
  });
  const groups =
    bans.length === 0
      ? []
      : await db.comment.groupBy({
          by: ['hiddenByBanId'],
          where: { hiddenByBanId: { in: bans.map((ban) => ban.id) }, status: 'spam' },
          _count: { _all: true },
        });
  const hiddenBy = (banId: number) => groups.find((group) => group.hiddenByBanId === banId)?._count._all ?? 0;
  const active = bans.find((ban) => banIsActive(ban, now)) ?? null;
  const ended = bans.filter((ban) => ban.endsAt !== null && ban.endsAt.getTime() <= now.getTime());
  const endedHidden = ended.reduce((sum, ban) => sum + hiddenBy(ban.id), 0);
  return {
    active: active ? { ...active, hidden: hiddenBy(active.id) } : null,
    ended: endedHidden > 0 ? { endedAt: new Date(Math.max(...ended.map((ban) => ban.endsAt?.getTime() ?? 0))), hidden: endedHidden } : null,
  };
}

/**
 * When a ban whose last day is `day` ends: the start of the next day in the blog's time zone, so
 * the commenter is banned through the whole of the day the moderator chose, as readers count days.
 */
export function banEndAfter(day: CalendarDate, timeZone: string): Date {
  const next = new Date(Date.UTC(day.year, day.month - 1, day.day + 1));
  return startOfDayInZone(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
}

/** The last day a ban holds, as the blog writes dates: the day of the moment before it ends. */
export function lastDayOfBan(endsAt: Date, timeZone: string): string {
  return formatDay(new Date(endsAt.getTime() - 1), timeZone);
}

export function banMessage(ban: { endsAt: Date | null }, timeZone: string = getSite().timeZone): string {
  return ban.endsAt
    ? `Your account may not comment until after ${lastDayOfBan(ban.endsAt, timeZone)}.`
    : 'Your account may no longer comment on this blog.';
}
