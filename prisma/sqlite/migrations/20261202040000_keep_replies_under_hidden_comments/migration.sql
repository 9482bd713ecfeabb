-- A top-level comment counts its published replies, so a hidden one keeps its place for them.
ALTER TABLE "Comment" ADD COLUMN "publishedReplies" INTEGER NOT NULL DEFAULT 0;

UPDATE "Comment" SET "publishedReplies" = (
  SELECT COUNT(*) FROM "Comment" AS "reply"
  WHERE "reply"."rootId" = "Comment"."id" AND "reply"."status" = 'published'
) WHERE "parentId" IS NULL;

-- Places are now: published, deleted, or hidden otherwise (held, spam) with published replies.
UPDATE "PostThread" SET "topLevelCount" = (
  SELECT COUNT(*) FROM "Comment"
  WHERE "Comment"."postId" = "PostThread"."postId" AND "Comment"."parentId" IS NULL
    AND ("Comment"."status" IN ('published', 'deleted') OR "Comment"."publishedReplies" > 0)
), "version" = "version" + 1;
