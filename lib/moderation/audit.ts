import { getDb } from '@/lib/db';

export interface AuditInput {
  actorId: string | null;
  action: string;
  targetType: 'comment' | 'post' | 'user' | 'settings';
  targetId: string;
  before?: string | null;
  after?: string | null;
  reason?: string | null;
}

/**
 * One line of the audit log, as a write to put in the same transaction as the change it records.
 * Entries are only ever added: nothing in the app edits or deletes them.
 */
export function auditEntry(input: AuditInput) {
  return getDb().auditEntry.create({ data: auditEntryData(input) });
}

/** The row auditEntry() writes, for writes made through a transaction client. */
export function auditEntryData(input: AuditInput) {
  return {
    actorId: input.actorId,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    before: input.before ?? null,
    after: input.after ?? null,
    reason: input.reason ?? null,
  };
}

export async function listAuditEntries(filter: { commentId?: number; actorId?: string; cursor?: number; limit?: number }) {
  const db = getDb();
  const limit = filter.limit ?? 100;
  const rows = await db.auditEntry.findMany({
    where: {
      ...(filter.commentId !== undefined ? { targetType: 'comment', targetId: String(filter.commentId) } : {}),
      ...(filter.actorId ? { actorId: filter.actorId } : {}),
      ...(filter.cursor ? { id: { lt: filter.cursor } } : {}),
    },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  const actorIds = [...new Set(rows.map((row) => row.actorId).filter((id): id is string => id !== null))];
  const actors = await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const names = new Map(actors.map((actor) => [actor.id, actor.name]));
  return {
    entries: rows.slice(0, limit).map((row) => ({ ...row, actorName: row.actorId ? (names.get(row.actorId) ?? 'deleted user') : 'system' })),
    nextCursor: rows.length > limit ? (rows[limit - 1]?.id ?? null) : null,
  };
}

/**
 * Whom the log can be filtered by: today's admins, and everyone the log names as having acted —
 * a demoted admin's past actions stay findable. Accounts since deleted have no name to offer.
 */
export async function listLogActors(): Promise<{ id: string; name: string; role: string }[]> {
  const db = getDb();
  // A reader renaming themself is logged (so old names can be traced) but moderated nothing.
  const acted = await db.auditEntry.findMany({
    where: { actorId: { not: null }, action: { not: 'rename' } },
    distinct: ['actorId'],
    select: { actorId: true },
  });
  const ids = acted.map((entry) => entry.actorId).filter((id): id is string => id !== null);
  return db.user.findMany({
    where: { OR: [{ role: 'admin' }, { id: { in: ids } }] },
    select: { id: true, name: true, role: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}
