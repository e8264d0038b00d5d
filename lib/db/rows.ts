// Rows of the Paper table as the raw SQLite handle returns them (dates are ISO strings), for the
// hot paths that bypass Prisma.
export interface PaperRow {
  id: string;
  version: number;
  title: string;
  abstract: string;
  authors: string;
  primaryCategory: string;
  categories: string;
  comments: string | null;
  journalRef: string | null;
  doi: string | null;
  license: string | null;
  submittedAt: string | null;
  updatedAt: string | null;
  asOf: string | null;
  titleHtml: string | null;
  abstractHtml: string | null;
  renderVersion: number;
  keywords: string | null;
  contentHash: string;
  /** First announcement day (YYYY-MM-DD) from listings. */
  announcedOn: string | null;
  /** When the worker last asked arXiv for the paper's dates (lib/ingest/backfill.ts). */
  datesCheckedAt: string | null;
  /** TeX source of title, abstract, authors (JSON) and comments where it differs from the stored (Unicode-accented) text. */
  titleTex: string | null;
  abstractTex: string | null;
  authorsTex: string | null;
  commentsTex: string | null;
}
