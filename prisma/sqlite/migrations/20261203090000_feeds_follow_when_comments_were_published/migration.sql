-- The comment feeds go by when readers could first see a comment, not when it was written, so one
-- an admin approved after newer comments still reaches the feeds' readers.
ALTER TABLE "Comment" ADD COLUMN "publishedAt" DATETIME;

-- When comments were approved was not kept before: those readers have seen (published now, or
-- published before a ban hid them or someone deleted them) are taken as seen from their writing.
UPDATE "Comment" SET "publishedAt" = "createdAt"
WHERE "status" = 'published' OR "hiddenByBanId" IS NOT NULL OR "deletedFrom" = 'published';

CREATE INDEX "Comment_postId_status_publishedAt_idx" ON "Comment"("postId", "status", "publishedAt");

CREATE INDEX "Comment_status_publishedAt_idx" ON "Comment"("status", "publishedAt");
