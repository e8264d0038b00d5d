-- AlterTable
ALTER TABLE "IngestRun" ADD COLUMN "heartbeatAt" DATETIME;
ALTER TABLE "IngestRun" ADD COLUMN "scheduledFor" TEXT;

-- CreateIndex
CREATE INDEX "IngestRun_scheduledFor_idx" ON "IngestRun"("scheduledFor");

-- CreateTable
CREATE TABLE "DataVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY,
    "epoch" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- The one row, with this database's epoch.
INSERT INTO "DataVersion" ("id", "epoch", "version") VALUES (1, lower(hex(randomblob(6))), 0);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "expiresAt" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "Throttle" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "nextAt" BIGINT NOT NULL DEFAULT 0,
    "lastAt" BIGINT NOT NULL DEFAULT 0,
    "busyUntil" BIGINT NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "SummaryJob" (
    "paperId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "token" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "stage" TEXT,
    "note" TEXT,
    "priority" INTEGER NOT NULL,
    "queuedAt" BIGINT NOT NULL,
    "heartbeatAt" BIGINT NOT NULL,
    "answers" TEXT NOT NULL DEFAULT '[]',
    "error" TEXT,
    "rev" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("paperId", "language")
);

-- CreateIndex
CREATE INDEX "SummaryJob_state_idx" ON "SummaryJob"("state");

-- CreateTable
CREATE TABLE "SummaryStart" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "client" TEXT NOT NULL,
    "at" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "SummaryStart_client_at_idx" ON "SummaryStart"("client", "at");

-- CreateIndex
CREATE INDEX "SummaryStart_at_idx" ON "SummaryStart"("at");

-- CreateTable
CREATE TABLE "ProcessBeat" (
    "owner" TEXT NOT NULL PRIMARY KEY,
    "role" TEXT NOT NULL,
    "startedAt" BIGINT NOT NULL,
    "heartbeatAt" BIGINT NOT NULL
);
