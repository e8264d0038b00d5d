-- CreateTable
CREATE TABLE "Paper" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 1,
    "title" TEXT NOT NULL,
    "abstract" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "primaryCategory" TEXT NOT NULL,
    "categories" TEXT NOT NULL,
    "comments" TEXT,
    "journalRef" TEXT,
    "doi" TEXT,
    "license" TEXT,
    "submittedAt" DATETIME,
    "updatedAt" DATETIME,
    "asOf" TEXT,
    "titleHtml" TEXT,
    "abstractHtml" TEXT,
    "renderVersion" INTEGER NOT NULL DEFAULT 0,
    "keywords" TEXT,
    "contentHash" TEXT NOT NULL,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "PaperVersion" (
    "paperId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "submittedAt" DATETIME,
    "size" TEXT,

    PRIMARY KEY ("paperId", "version"),
    CONSTRAINT "PaperVersion_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Listing" (
    "paperId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "archive" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("paperId", "category", "date"),
    CONSTRAINT "Listing_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IngestRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'running',
    "seen" INTEGER NOT NULL DEFAULT 0,
    "inserted" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "errors" TEXT NOT NULL DEFAULT '[]'
);

-- CreateTable
CREATE TABLE "PaperClicks" (
    "paperId" TEXT NOT NULL PRIMARY KEY,
    "pdf" INTEGER NOT NULL DEFAULT 0,
    "summary" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "PaperClicks_paperId_fkey" FOREIGN KEY ("paperId") REFERENCES "Paper" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SearchOutbox" (
    "paperId" TEXT NOT NULL PRIMARY KEY,
    "queuedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Paper_primaryCategory_idx" ON "Paper"("primaryCategory");

-- CreateIndex
CREATE INDEX "Paper_submittedAt_idx" ON "Paper"("submittedAt");

-- CreateIndex
CREATE INDEX "Listing_category_date_idx" ON "Listing"("category", "date");

-- CreateIndex
CREATE INDEX "Listing_archive_date_idx" ON "Listing"("archive", "date");

-- CreateIndex
CREATE INDEX "Listing_date_idx" ON "Listing"("date");
