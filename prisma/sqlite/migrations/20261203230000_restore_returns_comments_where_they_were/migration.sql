-- Restore brings a removed comment back where it was: one deleted or marked as spam while it
-- awaited moderation goes back to the queue instead of being published with nobody's approval.
ALTER TABLE "Comment" ADD COLUMN "removedFrom" TEXT;

-- A comment's history in the log is one indexed lookup: for the backfill below, and for the log
-- filtered by comment.
CREATE INDEX "AuditEntry_targetType_targetId_idx" ON "AuditEntry"("targetType", "targetId");

-- Comments removed before this was kept: where the log last saw a moderator (or a ban) take them
-- out of the thread or the queue; else, for a deleted one, what it was deleted from; else, for one
-- edited into spam that readers never saw, the queue (the rules on an edit log nothing, and a
-- comment caught when written cannot be edited). One caught as spam when written has none of these
-- and stays null: Restore publishes it, as it did.
UPDATE "Comment" SET "removedFrom" = COALESCE(
  (SELECT "AuditEntry"."before" FROM "AuditEntry"
    WHERE "AuditEntry"."targetType" = 'comment'
      AND "AuditEntry"."targetId" = CAST("Comment"."id" AS TEXT)
      AND "AuditEntry"."before" IN ('published', 'pending')
      AND "AuditEntry"."after" IN ('spam', 'deleted')
    ORDER BY "AuditEntry"."id" DESC LIMIT 1),
  CASE WHEN "Comment"."deletedFrom" IN ('published', 'pending') THEN "Comment"."deletedFrom" END,
  CASE WHEN "Comment"."status" = 'spam' AND "Comment"."editedAt" IS NOT NULL AND "Comment"."publishedAt" IS NULL THEN 'pending' END)
WHERE "status" IN ('spam', 'deleted');
