-- A deleted comment keeps its place in the thread's pages only if readers saw it: each deletion
-- now records the status it came from.
ALTER TABLE "Comment" ADD COLUMN "deletedFrom" TEXT;

-- Deletions made before were not recorded. A comment held by the blog's rules keeps its reason
-- until it is approved, so one deleted with a reason was most likely never shown (a held guest's
-- comment, a form caught as spam); the rest are taken as shown, as they were counted until now.
UPDATE "Comment" SET "deletedFrom" = CASE WHEN "heldReason" IS NULL THEN 'published' ELSE 'pending' END
WHERE "status" = 'deleted';

UPDATE "PostThread" SET "topLevelCount" = (
  SELECT COUNT(*) FROM "Comment"
  WHERE "Comment"."postId" = "PostThread"."postId" AND "Comment"."parentId" IS NULL
    AND ("Comment"."status" = 'published'
      OR ("Comment"."status" = 'deleted' AND "Comment"."deletedFrom" = 'published')
      OR "Comment"."publishedReplies" > 0)
), "version" = "version" + 1;
