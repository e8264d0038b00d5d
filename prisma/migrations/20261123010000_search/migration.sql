-- Full-text search over Paper with SQLite FTS5 (lib/search/fts.ts).
-- External content: the text is stored once, in Paper; the index refers to Paper's rowid.
-- Tokenizer, measured on the 8,587 sample papers: with porter stemming "transformers" matches
-- 940 papers instead of 202 and "graphs" 535 instead of 200 (singular/plural and -ing forms are
-- what people type differently from titles); remove_diacritics 2 lets "Erdos" find "Erdős"
-- (3 papers vs 1) for author names. The 36-query relevance set (tests/search/relevanceCases.ts)
-- scores the same with or without porter (36/36 in the top 5, 35 first), so stemming costs no
-- precision there. CJK: unicode61 does not segment ideographs, so CJK queries only match
-- identical runs; arXiv metadata is English, a trigram table would be the upgrade path.
CREATE VIRTUAL TABLE "fts_papers" USING fts5(
    title, authors, abstract,
    content = 'Paper', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Column weights for bm25 (title, authors, abstract), persisted so every `ORDER BY rank` uses
-- them. Title 8 > authors 4 > abstract 1, as the issue asks: a word in a 12-word title says more
-- than the same word in a 200-word abstract. On the relevance set equal weights score the same
-- (MRR 0.986 both), so the set does not separate them; the order follows Cool Papers' intent.
INSERT INTO "fts_papers" ("fts_papers", "rank") VALUES ('rank', 'bm25(8.0, 4.0, 1.0)');

-- Kept in sync by triggers, inside the writer's own transaction: a paper and its index entry
-- commit together, so no crash can leave a paper out of the index, and there is no window in
-- which a stored paper is unsearchable. Seeding the 8,587 sample papers with triggers plus
-- keywords takes 7.6 s in total; bulk loads can drop the triggers and 'rebuild' instead
-- (bench/search.ts measures that path). SearchOutbox still feeds Meilisearch, which cannot join
-- a SQLite transaction; with FTS5 draining it only clears it.
CREATE TRIGGER "fts_papers_ai" AFTER INSERT ON "Paper" BEGIN
    INSERT INTO "fts_papers" (rowid, title, authors, abstract) VALUES (new.rowid, new.title, new.authors, new.abstract);
END;

CREATE TRIGGER "fts_papers_ad" AFTER DELETE ON "Paper" BEGIN
    INSERT INTO "fts_papers" ("fts_papers", rowid, title, authors, abstract) VALUES ('delete', old.rowid, old.title, old.authors, old.abstract);
END;

CREATE TRIGGER "fts_papers_au" AFTER UPDATE OF title, authors, abstract ON "Paper"
WHEN old.title IS NOT new.title OR old.authors IS NOT new.authors OR old.abstract IS NOT new.abstract BEGIN
    INSERT INTO "fts_papers" ("fts_papers", rowid, title, authors, abstract) VALUES ('delete', old.rowid, old.title, old.authors, old.abstract);
    INSERT INTO "fts_papers" (rowid, title, authors, abstract) VALUES (new.rowid, new.title, new.authors, new.abstract);
END;

-- Papers that existed before this migration.
INSERT INTO "fts_papers" ("fts_papers") VALUES ('rebuild');
