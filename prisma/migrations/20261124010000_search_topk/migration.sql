-- Impact-ordered lists for common words (lib/search/topk.ts). For a word in many papers,
-- `MATCH … ORDER BY rank` computes bm25 for every matching row before the LIMIT (seconds for
-- "learning" at 1M papers); these tables keep, per common token, the K rows with the highest
-- single-token bm25, computed by FTS5 itself when the lists are built.
CREATE TABLE "fts_topk_term" (
    "token" TEXT NOT NULL PRIMARY KEY,
    -- Rows containing the token, and the bm25 of the K-th (last) row of its list: no row outside
    -- the list scores higher for this token.
    "docs" INTEGER NOT NULL,
    "kth" REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE "fts_topk" (
    "token" TEXT NOT NULL,
    "pos" INTEGER NOT NULL,
    "docid" INTEGER NOT NULL,
    -- bm25 as FTS5 reports it: negative, lower is better.
    "score" REAL NOT NULL,
    PRIMARY KEY ("token", "pos")
) WITHOUT ROWID;

-- The lists describe one state of the index: bm25 depends on the row count, the average length
-- and each token's document count, so any change to an indexed column makes them stale until
-- they are rebuilt (lib/search/topk.ts buildTopK, after every ingest and in search:reindex).
-- Until then searches take the plain FTS5 path.
CREATE TABLE "fts_topk_state" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "fresh" INTEGER NOT NULL
);
INSERT INTO "fts_topk_state" ("id", "fresh") VALUES (1, 0);

CREATE TRIGGER "fts_topk_stale_ai" AFTER INSERT ON "Paper" BEGIN
    UPDATE "fts_topk_state" SET "fresh" = 0 WHERE "fresh" = 1;
END;

CREATE TRIGGER "fts_topk_stale_ad" AFTER DELETE ON "Paper" BEGIN
    UPDATE "fts_topk_state" SET "fresh" = 0 WHERE "fresh" = 1;
END;

CREATE TRIGGER "fts_topk_stale_au" AFTER UPDATE OF title, authors, abstract ON "Paper"
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract BEGIN
    UPDATE "fts_topk_state" SET "fresh" = 0 WHERE "fresh" = 1;
END;
