-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "deletedBy" TEXT;
