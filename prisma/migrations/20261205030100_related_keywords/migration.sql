-- Keywords (lib/search/keywords.ts) now count a title word as often as the index weighs the title
-- against the abstract (bm25 8 : 1, was 2 : 1). Stored keywords are cleared so that they are
-- computed again: listed papers after the next ingest, any paper on its first related-papers
-- request, all of them by `npm run search:reindex`.
UPDATE "Paper" SET "keywords" = NULL WHERE "keywords" IS NOT NULL;
