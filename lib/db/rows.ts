// Rows as the raw SQLite handle returns them, and their decoders: every read of raw SQL gets its
// rows through one of these (with `read` in lib/db.ts, or mapped over `.all()`), or, on the hot
// paths of search and ingest, through `statement<P, R>` with the row type declared beside the SQL.
// Each row's shape is a zod object (the project's one validator, lib/config.ts uses it too): it
// gives the TypeScript type and the check, and builds a fresh object of exactly the declared
// columns; a row of another shape (a migration and a query out of step) throws an error naming
// the column, never a wrong value further on. zod costs about 0.5 µs a card row, 0.3 ms for a
// day list of a thousand papers.
import { z } from 'zod';
import { isLanguage, type Language } from '@/lib/llm/prompts';

const text = z.string();
const textOrNull = z.string().nullable();
const num = z.number();
const numOrNull = z.number().nullable();
const language = z.custom<Language>(isLanguage, 'expected a language');

/** A decoder for rows of `shape`: the row typed, or an error naming what the database sent. */
function rowOf<S extends z.ZodRawShape>(
  what: string,
  schema: z.ZodObject<S>,
): (row: unknown) => z.infer<z.ZodObject<S>> {
  return (row) => {
    const parsed = schema.safeParse(row);
    if (parsed.success) return parsed.data;
    throw new Error(`Unexpected ${what} row from the database: ${z.prettifyError(parsed.error)}`);
  };
}

/** A JSON column holding a list of strings (Paper.authors). */
export function stringList(json: string): string[] {
  const list: unknown = JSON.parse(json);
  if (Array.isArray(list) && list.every((s) => typeof s === 'string')) return list;
  throw new Error(`Unexpected JSON in the database: ${json.slice(0, 80)}, expected a list of strings`);
}

const answers = z.array(z.object({ q: text, a: text }));

/** A summary's answers (Summary.answers, SummaryJob.answers: JSON). */
export function answerList(json: string): { q: string; a: string }[] {
  const parsed = answers.safeParse(JSON.parse(json));
  if (parsed.success) return parsed.data;
  throw new Error(`Unexpected JSON in the database: ${json.slice(0, 80)}, expected a list of answers`);
}

// ---- Single values ----

/** `SELECT count(*) AS n …` */
export const countRow = rowOf('count', z.object({ n: num }));
/** `SELECT MAX(date) AS d …`: a day, or null when there is none. */
export const latestDayRow = rowOf('latest day', z.object({ d: textOrNull }));
/** `SELECT … AS id`: one text key (paper ids). */
export const idRow = rowOf('id', z.object({ id: text }));
/** `SELECT MAX(…) AS t …`: a time (epoch ms), or null when there is none. */
export const latestTimeRow = rowOf('latest time', z.object({ t: numOrNull }));

// ---- Papers ----

/** A row of the Paper table (dates are ISO strings). */
const paper = z.object({
  id: text,
  version: num,
  title: text,
  abstract: text,
  authors: text,
  primaryCategory: text,
  categories: text,
  comments: textOrNull,
  journalRef: textOrNull,
  doi: textOrNull,
  license: textOrNull,
  submittedAt: textOrNull,
  updatedAt: textOrNull,
  asOf: textOrNull,
  titleHtml: textOrNull,
  abstractHtml: textOrNull,
  renderVersion: num,
  keywords: textOrNull,
  contentHash: text,
  /** First announcement day (YYYY-MM-DD) from listings. */
  announcedOn: textOrNull,
  /** When the worker last asked arXiv for the paper's dates (lib/ingest/backfill.ts). */
  datesCheckedAt: textOrNull,
  /** TeX source of title, abstract, authors (JSON) and comments where it differs from the stored (Unicode-accented) text. */
  titleTex: textOrNull,
  abstractTex: textOrNull,
  authorsTex: textOrNull,
  commentsTex: textOrNull,
});
export type PaperRow = z.infer<typeof paper>;

const shown = {
  id: true,
  version: true,
  title: true,
  abstract: true,
  authors: true,
  primaryCategory: true,
  categories: true,
  comments: true,
  journalRef: true,
  doi: true,
  submittedAt: true,
  updatedAt: true,
  announcedOn: true,
} as const;

/** What a paper card shows (lib/papers/view.ts): the paper, its clicks and whether it has a summary. */
export const paperViewRow = rowOf(
  'paper card',
  paper
    .pick({ ...shown, titleHtml: true, abstractHtml: true, renderVersion: true })
    .extend({ pdf: numOrNull, summary: numOrNull, hasSummary: num }),
);
export type PaperViewRow = ReturnType<typeof paperViewRow>;

/** The columns ingest merges and renders from (lib/ingest/merge.ts FIELDS, with the id). */
export const paperSourceRow = rowOf(
  'paper source',
  paper.pick({
    ...shown,
    license: true,
    asOf: true,
    titleTex: true,
    abstractTex: true,
    authorsTex: true,
    commentsTex: true,
  }),
);
export type PaperSourceRow = ReturnType<typeof paperSourceRow>;

/** A version of a paper (PaperVersion). */
export const paperVersionRow = rowOf(
  'paper version',
  z.object({ version: num, submittedAt: textOrNull, size: textOrNull }),
);

// ---- Listings and days ----

/** Where a paper was listed (the paper page). */
export const paperListingRow = rowOf('listing', z.object({ date: text, category: text, type: text }));
/** One listing of a day list. */
export const listingEntryRow = rowOf(
  'day list entry',
  z.object({ id: text, category: text, type: text, position: num }),
);
/** A paper listed in a category (the home page's counts). */
export const listedInRow = rowOf('listed paper', z.object({ paperId: text, category: text }));
/** A day and its number of papers. */
export const dayCountRow = rowOf('day count', z.object({ date: text, count: num }));

// ---- The database itself ----

export const dataVersionRow = rowOf('data version', z.object({ epoch: text, version: num }));
/** An applied migration (_prisma_migrations). */
export const migrationRow = rowOf('migration', z.object({ migration_name: text, checksum: text }));
/** `SELECT sql FROM sqlite_schema …` */
export const schemaSqlRow = rowOf('schema', z.object({ sql: text }));

// ---- Ingest runs and processes ----

/** An ingest run as /api/health reports it. */
export const ingestRunRow = rowOf(
  'ingest run',
  z.object({
    id: num,
    source: text,
    status: text,
    startedAt: text,
    finishedAt: textOrNull,
    inserted: num,
    updated: num,
    errorCount: num,
  }),
);
export type IngestRunRow = ReturnType<typeof ingestRunRow>;
/** A run still marked running, and who runs it. */
export const runningRunRow = rowOf(
  'running run',
  z.object({ id: num, owner: textOrNull, heartbeatAt: textOrNull }),
);
/** `SELECT id FROM IngestRun …` */
export const runIdRow = rowOf('run id', z.object({ id: num }));
export const processBeatRow = rowOf(
  'process beat',
  z.object({ owner: text, role: text, startedAt: num, heartbeatAt: num }),
);
export const leaseRow = rowOf('lease', z.object({ owner: text, token: text, expiresAt: num }));
/** The shared pace of requests to arXiv (lib/arxiv/gate.ts). */
export const throttleRow = rowOf('throttle', z.object({ nextAt: num, lastAt: num, busyUntil: num }));

// ---- Summaries ----

export const summaryRow = rowOf(
  'summary',
  z.object({
    paperId: text,
    language,
    paperVersion: num,
    currentVersion: num,
    model: text,
    answers: text,
    source: z.enum(['pdf', 'abstract']),
    truncated: num,
    promptTokens: num,
    completionTokens: num,
    createdAt: text,
  }),
);
export type SummaryRow = ReturnType<typeof summaryRow>;
/** A paper to summarise, and whether it is listed on the newest day (1) or not (0). */
export const paperForSummaryRow = rowOf(
  'paper to summarise',
  z.object({ id: text, version: num, title: text, abstract: text, latest: num }),
);
export const summaryUsageRow = rowOf('summary usage', z.object({ generations: num, tokens: num }));

/** A row of SummaryJob (lib/summaries/jobs.ts). */
const job = z.object({
  paperId: text,
  language,
  owner: text,
  token: text,
  state: z.enum(['queued', 'running', 'done', 'error']),
  stage: z.enum(['pdf', 'llm']).nullable(),
  note: textOrNull,
  priority: num,
  queuedAt: num,
  heartbeatAt: num,
  answers: text,
  error: textOrNull,
  rev: num,
});
export const jobRow = rowOf('summary job', job);
export type JobRow = z.infer<typeof job>;
/** A job in the queue: who holds it and where it stands. */
export const queueRow = rowOf(
  'queued job',
  job.pick({
    paperId: true,
    language: true,
    owner: true,
    token: true,
    state: true,
    priority: true,
    queuedAt: true,
    heartbeatAt: true,
  }),
);
export type QueueRow = ReturnType<typeof queueRow>;
/** Enough of a job to tell whether it lives (jobLive). */
export const jobLivenessRow = rowOf(
  'job liveness',
  job.pick({ state: true, owner: true, heartbeatAt: true }),
);
