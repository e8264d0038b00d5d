-- The common-word lists (lib/search/topk.ts) keep up with ingests instead of being rebuilt after
-- each one. Entries store what bm25 needs to rescore a row under the index's current statistics
-- (w = column-weighted hit count, len = the row's token count), so a list stays usable as row
-- counts and lengths drift; rows written since the last upkeep are queued by triggers and
-- re-scored by tokenizing only them.
DROP TRIGGER "fts_topk_stale_ai";
DROP TRIGGER "fts_topk_stale_ad";
DROP TRIGGER "fts_topk_stale_au";
DROP TABLE "fts_topk";
DROP TABLE "fts_topk_term";
DROP TABLE "fts_topk_state";

CREATE TABLE "fts_topk_term" (
    "token" TEXT NOT NULL PRIMARY KEY,
    -- Rows containing the token now (bm25's n for its idf), kept exact by every upkeep.
    "docs" INTEGER NOT NULL,
    -- tf of the list's last row at build time (at fts_topk_state.avgdl): no row outside the list
    -- had a higher tf then, and a row is added whenever its tf at that avgdl is higher.
    "kth" REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE "fts_topk" (
    "token" TEXT NOT NULL,
    "docid" INTEGER NOT NULL,
    "w" REAL NOT NULL,
    "len" INTEGER NOT NULL,
    PRIMARY KEY ("token", "docid")
) WITHOUT ROWID;

-- built: lists exist; avgdl and rows: the index when they were built; changed: rows re-scored
-- since (a full rebuild follows when too many have been).
CREATE TABLE "fts_topk_state" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "built" INTEGER NOT NULL,
    "avgdl" REAL NOT NULL,
    "rows" INTEGER NOT NULL,
    "changed" INTEGER NOT NULL
);
INSERT INTO "fts_topk_state" ("id", "built", "avgdl", "rows", "changed") VALUES (1, 0, 0, 0, 0);

-- Rows whose indexed text changed since the last upkeep. For a row that existed then (counted =
-- 1) the first change keeps the text the lists and document counts reflect, so upkeep can take
-- it back out; later changes to the same row keep that first record (INSERT OR IGNORE).
CREATE TABLE "fts_topk_dirty" (
    "docid" INTEGER NOT NULL PRIMARY KEY,
    "counted" INTEGER NOT NULL,
    "title" TEXT,
    "authors" TEXT,
    "abstract" TEXT
);

CREATE TRIGGER "fts_topk_dirty_ai" AFTER INSERT ON "Paper" BEGIN
    INSERT OR IGNORE INTO "fts_topk_dirty" ("docid", "counted") VALUES (new.rowid, 0);
END;

CREATE TRIGGER "fts_topk_dirty_ad" AFTER DELETE ON "Paper" BEGIN
    INSERT OR IGNORE INTO "fts_topk_dirty" ("docid", "counted", "title", "authors", "abstract") VALUES (old.rowid, 1, old.title, old.authors, old.abstract);
END;

CREATE TRIGGER "fts_topk_dirty_au" AFTER UPDATE OF title, authors, abstract ON "Paper"
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract BEGIN
    INSERT OR IGNORE INTO "fts_topk_dirty" ("docid", "counted", "title", "authors", "abstract") VALUES (old.rowid, 1, old.title, old.authors, old.abstract);
END;
