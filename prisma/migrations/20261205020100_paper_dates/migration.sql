-- The dates a reader sorts by (lib/papers/dates.ts). Paper.submittedAt (v1) already exists; the
-- first announcement day is the earliest listing that is not a replacement nor too late for the
-- paper's id (lib/arxiv/parse/listing.ts firstAnnounced), and datesCheckedAt records the worker's
-- lookups of missing submission dates (lib/ingest/backfill.ts). Stored content hashes do not
-- cover announcedOn yet: each paper's next ingest rewrites its row once.
ALTER TABLE "Paper" ADD COLUMN "announcedOn" TEXT;
ALTER TABLE "Paper" ADD COLUMN "datesCheckedAt" DATETIME;

CREATE TEMP TABLE "first_announced" AS
SELECT "paperId", min("date") AS "day" FROM "Listing"
WHERE "type" IN ('new', 'cross') AND "date" < date(
    CASE WHEN instr("paperId", '/') > 0
        THEN (CASE WHEN substr("paperId", instr("paperId", '/') + 1, 2) >= '91' THEN '19' ELSE '20' END)
             || substr("paperId", instr("paperId", '/') + 1, 2) || '-' || substr("paperId", instr("paperId", '/') + 3, 2)
        ELSE '20' || substr("paperId", 1, 2) || '-' || substr("paperId", 3, 2)
    END || '-01', '+2 months')
GROUP BY "paperId";
UPDATE "Paper" SET "announcedOn" = (SELECT f."day" FROM "first_announced" f WHERE f."paperId" = "Paper"."id")
WHERE "id" IN (SELECT "paperId" FROM "first_announced");
DROP TABLE "first_announced";
