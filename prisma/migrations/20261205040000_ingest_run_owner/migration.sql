-- AlterTable
ALTER TABLE "IngestRun" ADD COLUMN "owner" TEXT;
