-- CreateTable
CREATE TABLE "Summary" (
    "paperId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "paperVersion" INTEGER NOT NULL,
    "model" TEXT NOT NULL,
    "answers" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "promptTokens" INTEGER NOT NULL DEFAULT 0,
    "completionTokens" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("paperId", "language")
);

-- CreateTable
CREATE TABLE "SummaryUsage" (
    "day" TEXT NOT NULL PRIMARY KEY,
    "generations" INTEGER NOT NULL DEFAULT 0,
    "tokens" INTEGER NOT NULL DEFAULT 0
);
