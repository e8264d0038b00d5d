-- Announcement days as arXiv's calendar has them, for listings stored before the rules existed.
-- New data follows them when it is parsed and written (lib/arxiv/calendar.ts, lib/ingest/days.ts);
-- these statements apply the same rules once, in the same order, to what is stored.

-- 1. Daily dumps list every paper as new (and cross-listed elsewhere): one two or more months
--    after the month of its id cannot be the paper's first announcement, it is a replacement.
--    Feeds' own late cross-lists (no 'new' listing that day) keep their type.
CREATE TEMP TABLE "too_late" AS
SELECT DISTINCT "paperId", "date" FROM "Listing"
WHERE "type" = 'new' AND "date" >= date(
    CASE WHEN instr("paperId", '/') > 0
        THEN (CASE WHEN substr("paperId", instr("paperId", '/') + 1, 2) >= '91' THEN '19' ELSE '20' END)
             || substr("paperId", instr("paperId", '/') + 1, 2) || '-' || substr("paperId", instr("paperId", '/') + 3, 2)
        ELSE '20' || substr("paperId", 1, 2) || '-' || substr("paperId", 3, 2)
    END || '-01', '+2 months');
UPDATE "Listing" SET "type" = CASE "type" WHEN 'new' THEN 'replace' ELSE 'replace-cross' END
WHERE "type" IN ('new', 'cross') AND EXISTS (SELECT 1 FROM "too_late" t WHERE t."paperId" = "Listing"."paperId" AND t."date" = "Listing"."date");
DROP TABLE "too_late";

-- 2. Nothing is announced on a Saturday or Sunday: a list dated then is Friday's.
INSERT OR IGNORE INTO "Listing" ("paperId", "category", "archive", "date", "type", "position")
SELECT "paperId", "category", "archive", date("date", CASE strftime('%w', "date") WHEN '6' THEN '-1 day' ELSE '-2 days' END), "type", "position"
FROM "Listing" WHERE strftime('%w', "date") IN ('0', '6');
DELETE FROM "Listing" WHERE strftime('%w', "date") IN ('0', '6');

-- 3. A day whose announced papers (new or cross-listed) were at least half listed on the day
--    before repeats that day (a holiday): its listings move there. Days repeating a repeated day
--    move to the day that one repeats.
CREATE TEMP TABLE "day_moves" AS
WITH RECURSIVE
    "days" AS (
        SELECT "date", lag("date") OVER (ORDER BY "date") AS "previous", row_number() OVER (ORDER BY "date") AS "i"
        FROM (SELECT DISTINCT "date" FROM "Listing")
    ),
    "judged" AS (
        SELECT d."i", d."date",
            (SELECT count(DISTINCT l."paperId") FROM "Listing" l WHERE l."date" = d."date" AND l."type" IN ('new', 'cross')) AS "announced",
            (SELECT count(DISTINCT l."paperId") FROM "Listing" l WHERE l."date" = d."date" AND l."type" IN ('new', 'cross')
                AND EXISTS (SELECT 1 FROM "Listing" p WHERE p."paperId" = l."paperId" AND p."date" = d."previous")) AS "repeated"
        FROM "days" d
    ),
    "walk" ("i", "date", "target") AS (
        SELECT "i", "date", "date" FROM "judged" WHERE "i" = 1
        UNION ALL
        SELECT j."i", j."date", CASE WHEN j."announced" > 0 AND 2 * j."repeated" >= j."announced" THEN w."target" ELSE j."date" END
        FROM "walk" w JOIN "judged" j ON j."i" = w."i" + 1
    )
SELECT "date", "target" FROM "walk" WHERE "date" <> "target";

INSERT OR IGNORE INTO "Listing" ("paperId", "category", "archive", "date", "type", "position")
SELECT l."paperId", l."category", l."archive", m."target", l."type", l."position"
FROM "Listing" l JOIN "day_moves" m ON m."date" = l."date";
DELETE FROM "Listing" WHERE "date" IN (SELECT "date" FROM "day_moves");
DROP TABLE "day_moves";
