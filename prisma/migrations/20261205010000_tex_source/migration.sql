-- Accents and special letters become Unicode in the stored text (display and search index);
-- the TeX source is kept beside it where it differs (lib/ingest/merge.ts). Rows stored before this
-- migration are converted by the re-render path (RENDER_VERSION 3: on view, after an ingest, or
-- by `npm run render:all`), which needs no change to the search triggers: they index the
-- converted columns as they change.
ALTER TABLE "Paper" ADD COLUMN "titleTex" TEXT;
ALTER TABLE "Paper" ADD COLUMN "abstractTex" TEXT;
ALTER TABLE "Paper" ADD COLUMN "authorsTex" TEXT;
ALTER TABLE "Paper" ADD COLUMN "commentsTex" TEXT;
