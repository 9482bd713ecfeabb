-- The comment feeds go by when readers could first see a comment, not when it was written, so one
-- an admin approved after newer comments still reaches the feeds' readers.
ALTER TABLE "Comment" ADD COLUMN "publishedAt" DATETIME;

-- When comments were approved was not kept before: those readers have seen are taken as seen from
-- their writing. A comment held by the blog's rules keeps its reason until it is approved, so one
-- without a reason was published (and may have been marked spam or deleted since), as was one a
-- ban hid, one deleted while shown, and one an edit sent back to the queue ("edited: …").
UPDATE "Comment" SET "publishedAt" = "createdAt"
WHERE ("status" <> 'pending' AND "heldReason" IS NULL)
   OR "heldReason" LIKE 'edited:%'
   OR "hiddenByBanId" IS NOT NULL
   OR "deletedFrom" = 'published';

CREATE INDEX "Comment_postId_status_publishedAt_idx" ON "Comment"("postId", "status", "publishedAt");

CREATE INDEX "Comment_status_publishedAt_idx" ON "Comment"("status", "publishedAt");
