-- AlterTable
ALTER TABLE "Comment" ADD COLUMN "hiddenByBanId" INTEGER;

