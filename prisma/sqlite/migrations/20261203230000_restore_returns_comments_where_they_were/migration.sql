-- Restore brings a removed comment back where it was: one deleted or marked as spam while it
-- awaited moderation goes back to the queue instead of being published with nobody's approval.
ALTER TABLE "Comment" ADD COLUMN "removedFrom" TEXT;

-- Comments removed before this was kept: where the log last saw a moderator (or a ban) take them
-- out of the thread or the queue; else, for a deleted one, what it was deleted from. One caught as
-- spam when written has neither and stays null: Restore publishes it, as it did.
UPDATE "Comment" SET "removedFrom" = COALESCE(
  (SELECT "AuditEntry"."before" FROM "AuditEntry"
    WHERE "AuditEntry"."targetType" = 'comment'
      AND "AuditEntry"."targetId" = CAST("Comment"."id" AS TEXT)
      AND "AuditEntry"."before" IN ('published', 'pending')
      AND "AuditEntry"."after" IN ('spam', 'deleted')
    ORDER BY "AuditEntry"."id" DESC LIMIT 1),
  CASE WHEN "Comment"."deletedFrom" IN ('published', 'pending') THEN "Comment"."deletedFrom" END)
WHERE "status" IN ('spam', 'deleted');
