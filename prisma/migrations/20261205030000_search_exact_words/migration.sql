-- Exact words rank above stem-mates (lib/search/exact.ts). fts_papers stems with porter, so
-- "transformer" and "transform" are one token there and bm25 cannot tell a paper about
-- transformers from one about Hough transforms. fts_exact indexes the same columns without
-- stemming; a search ranks the papers that hold every query word as typed (or its singular or
-- plural) first, in fts_papers' bm25 order, then the papers found only through stemming.
-- Measured on the 8,587 sample papers (README "Search notes"): detail=none costs 0.33 s of CPU to
-- build against 0.54 s for fts_papers, and 2.2 MiB against 7.2 MiB (detail=full: 0.49 s,
-- 8.1 MiB). It only answers "which rows hold this token", which is all the tiers need: no
-- phrases, columns or bm25 are asked of it.
CREATE VIRTUAL TABLE "fts_exact" USING fts5(
    title, authors, abstract,
    content = 'Paper', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    detail = none
);

-- Same upkeep as fts_papers (migrations 20261123010000_search and 20261124030000_fts_batch_insert):
-- in the writer's transaction, with the bulk writer's deferred batch insert.
CREATE TRIGGER "fts_exact_ai" AFTER INSERT ON "Paper" WHEN (SELECT "deferred" FROM "fts_insert_mode") = 0 BEGIN
    INSERT INTO "fts_exact" (rowid, title, authors, abstract) VALUES (new.rowid, new.title, new.authors, new.abstract);
END;

CREATE TRIGGER "fts_exact_ad" AFTER DELETE ON "Paper" BEGIN
    INSERT INTO "fts_exact" ("fts_exact", rowid, title, authors, abstract) VALUES ('delete', old.rowid, old.title, old.authors, old.abstract);
END;

CREATE TRIGGER "fts_exact_au" AFTER UPDATE OF title, authors, abstract ON "Paper"
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract BEGIN
    INSERT INTO "fts_exact" ("fts_exact", rowid, title, authors, abstract) VALUES ('delete', old.rowid, old.title, old.authors, old.abstract);
    INSERT INTO "fts_exact" (rowid, title, authors, abstract) VALUES (new.rowid, new.title, new.authors, new.abstract);
END;

INSERT INTO "fts_exact" ("fts_exact", "rank") VALUES ('hashsize', 16777216);
INSERT INTO "fts_exact" ("fts_exact") VALUES ('rebuild');
