// Rows as the raw SQLite handle returns them, and their decoders: every read of raw SQL gets its
// rows through one of these (with `read` in lib/db.ts, or mapped over `.all()`), or, on the hot
// paths of search and ingest, through `statement<P, R>` with the row type declared beside the SQL.
// A decoder checks each column with a plain typeof (cheap enough for a day list's thousand rows)
// and builds a fresh object of exactly the declared columns; a row of another shape (a migration
// and a query out of step) throws an error naming the column, never a wrong value further on.
import type { Language } from '@/lib/llm/prompts';
import { isLanguage } from '@/lib/llm/prompts';

type Columns = Record<string, unknown>;

const isColumns = (row: unknown): row is Columns => typeof row === 'object' && row !== null;

function columns(row: unknown): Columns {
  if (isColumns(row)) return row;
  throw new Error(`Unexpected row from the database: ${row === null ? 'null' : typeof row}, expected columns`);
}

function unexpected(row: Columns, column: string, expected: string): Error {
  const v = row[column];
  const got = v === undefined ? 'missing' : v === null ? 'null' : `a ${typeof v}`;
  return new Error(`Unexpected row from the database: column "${column}" is ${got}, expected ${expected} (columns: ${Object.keys(row).join(', ')})`);
}

function text(row: Columns, column: string): string {
  const v = row[column];
  if (typeof v === 'string') return v;
  throw unexpected(row, column, 'text');
}

function textOrNull(row: Columns, column: string): string | null {
  const v = row[column];
  if (typeof v === 'string' || v === null) return v;
  throw unexpected(row, column, 'text or null');
}

function num(row: Columns, column: string): number {
  const v = row[column];
  if (typeof v === 'number') return v;
  throw unexpected(row, column, 'a number');
}

function numOrNull(row: Columns, column: string): number | null {
  const v = row[column];
  if (typeof v === 'number' || v === null) return v;
  throw unexpected(row, column, 'a number or null');
}

function oneOf<T extends string>(row: Columns, column: string, values: readonly T[]): T {
  const v = row[column];
  const found = values.find((value) => value === v);
  if (found !== undefined) return found;
  throw unexpected(row, column, `one of ${values.join(', ')}`);
}

function language(row: Columns, column: string): Language {
  const v = row[column];
  if (isLanguage(v)) return v;
  throw unexpected(row, column, 'a language');
}

/** A JSON column holding a list of strings (Paper.authors). */
export function stringList(json: string): string[] {
  const list: unknown = JSON.parse(json);
  if (Array.isArray(list) && list.every((s) => typeof s === 'string')) return list;
  throw new Error(`Unexpected JSON in the database: ${json.slice(0, 80)}, expected a list of strings`);
}

// ---- Single values ----

/** `SELECT count(*) AS n …` */
export const countRow = (row: unknown): { n: number } => ({ n: num(columns(row), 'n') });
/** `SELECT MAX(date) AS d …`: a day, or null when there is none. */
export const latestDayRow = (row: unknown): { d: string | null } => ({ d: textOrNull(columns(row), 'd') });
/** `SELECT … AS id`: one text key (paper ids). */
export const idRow = (row: unknown): { id: string } => ({ id: text(columns(row), 'id') });

// ---- Papers ----

/** A row of the Paper table (dates are ISO strings). */
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

/** What a paper card shows (lib/papers/view.ts): the paper, its clicks and whether it has a summary. */
export type PaperViewRow = Pick<
  PaperRow,
  'id' | 'version' | 'title' | 'abstract' | 'authors' | 'primaryCategory' | 'categories' | 'comments' | 'journalRef' | 'doi' | 'submittedAt' | 'updatedAt' | 'announcedOn' | 'titleHtml' | 'abstractHtml' | 'renderVersion'
> & { pdf: number | null; summary: number | null; hasSummary: number };

export function paperViewRow(row: unknown): PaperViewRow {
  const r = columns(row);
  return {
    id: text(r, 'id'),
    version: num(r, 'version'),
    title: text(r, 'title'),
    abstract: text(r, 'abstract'),
    authors: text(r, 'authors'),
    primaryCategory: text(r, 'primaryCategory'),
    categories: text(r, 'categories'),
    comments: textOrNull(r, 'comments'),
    journalRef: textOrNull(r, 'journalRef'),
    doi: textOrNull(r, 'doi'),
    submittedAt: textOrNull(r, 'submittedAt'),
    updatedAt: textOrNull(r, 'updatedAt'),
    announcedOn: textOrNull(r, 'announcedOn'),
    titleHtml: textOrNull(r, 'titleHtml'),
    abstractHtml: textOrNull(r, 'abstractHtml'),
    renderVersion: num(r, 'renderVersion'),
    pdf: numOrNull(r, 'pdf'),
    summary: numOrNull(r, 'summary'),
    hasSummary: num(r, 'hasSummary'),
  };
}

/** The columns ingest merges and renders from (lib/ingest/merge.ts FIELDS, with the id). */
export type PaperSourceRow = Pick<
  PaperRow,
  | 'id' | 'version' | 'title' | 'abstract' | 'authors' | 'primaryCategory' | 'categories' | 'comments' | 'journalRef' | 'doi' | 'license'
  | 'submittedAt' | 'updatedAt' | 'asOf' | 'announcedOn' | 'titleTex' | 'abstractTex' | 'authorsTex' | 'commentsTex'
>;

export function paperSourceRow(row: unknown): PaperSourceRow {
  const r = columns(row);
  return {
    id: text(r, 'id'),
    version: num(r, 'version'),
    title: text(r, 'title'),
    abstract: text(r, 'abstract'),
    authors: text(r, 'authors'),
    primaryCategory: text(r, 'primaryCategory'),
    categories: text(r, 'categories'),
    comments: textOrNull(r, 'comments'),
    journalRef: textOrNull(r, 'journalRef'),
    doi: textOrNull(r, 'doi'),
    license: textOrNull(r, 'license'),
    submittedAt: textOrNull(r, 'submittedAt'),
    updatedAt: textOrNull(r, 'updatedAt'),
    asOf: textOrNull(r, 'asOf'),
    announcedOn: textOrNull(r, 'announcedOn'),
    titleTex: textOrNull(r, 'titleTex'),
    abstractTex: textOrNull(r, 'abstractTex'),
    authorsTex: textOrNull(r, 'authorsTex'),
    commentsTex: textOrNull(r, 'commentsTex'),
  };
}

/** A version of a paper (PaperVersion). */
export const paperVersionRow = (row: unknown): { version: number; submittedAt: string | null; size: string | null } => {
  const r = columns(row);
  return { version: num(r, 'version'), submittedAt: textOrNull(r, 'submittedAt'), size: textOrNull(r, 'size') };
};

// ---- Listings and days ----

/** Where a paper was listed (the paper page). */
export const paperListingRow = (row: unknown): { date: string; category: string; type: string } => {
  const r = columns(row);
  return { date: text(r, 'date'), category: text(r, 'category'), type: text(r, 'type') };
};

/** One listing of a day list. */
export const listingEntryRow = (row: unknown): { id: string; category: string; type: string; position: number } => {
  const r = columns(row);
  return { id: text(r, 'id'), category: text(r, 'category'), type: text(r, 'type'), position: num(r, 'position') };
};

/** A paper listed in a category (the home page's counts). */
export const listedInRow = (row: unknown): { paperId: string; category: string } => {
  const r = columns(row);
  return { paperId: text(r, 'paperId'), category: text(r, 'category') };
};

/** A day and its number of papers. */
export const dayCountRow = (row: unknown): { date: string; count: number } => {
  const r = columns(row);
  return { date: text(r, 'date'), count: num(r, 'count') };
};

// ---- The database itself ----

export const dataVersionRow = (row: unknown): { epoch: string; version: number } => {
  const r = columns(row);
  return { epoch: text(r, 'epoch'), version: num(r, 'version') };
};

/** An applied migration (_prisma_migrations). */
export const migrationRow = (row: unknown): { migration_name: string; checksum: string } => {
  const r = columns(row);
  return { migration_name: text(r, 'migration_name'), checksum: text(r, 'checksum') };
};

/** `SELECT sql FROM sqlite_schema …` */
export const schemaSqlRow = (row: unknown): { sql: string } => ({ sql: text(columns(row), 'sql') });

// ---- Ingest runs and processes ----

/** An ingest run as /api/health reports it. */
export interface IngestRunRow {
  id: number;
  source: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  inserted: number;
  updated: number;
  errorCount: number;
}

export function ingestRunRow(row: unknown): IngestRunRow {
  const r = columns(row);
  return {
    id: num(r, 'id'),
    source: text(r, 'source'),
    status: text(r, 'status'),
    startedAt: text(r, 'startedAt'),
    finishedAt: textOrNull(r, 'finishedAt'),
    inserted: num(r, 'inserted'),
    updated: num(r, 'updated'),
    errorCount: num(r, 'errorCount'),
  };
}

/** A run still marked running, and who runs it. */
export const runningRunRow = (row: unknown): { id: number; owner: string | null; heartbeatAt: string | null } => {
  const r = columns(row);
  return { id: num(r, 'id'), owner: textOrNull(r, 'owner'), heartbeatAt: textOrNull(r, 'heartbeatAt') };
};

/** `SELECT id FROM IngestRun …` */
export const runIdRow = (row: unknown): { id: number } => ({ id: num(columns(row), 'id') });

export const processBeatRow = (row: unknown): { owner: string; role: string; startedAt: number; heartbeatAt: number } => {
  const r = columns(row);
  return { owner: text(r, 'owner'), role: text(r, 'role'), startedAt: num(r, 'startedAt'), heartbeatAt: num(r, 'heartbeatAt') };
};

export const leaseRow = (row: unknown): { owner: string; token: string; expiresAt: number } => {
  const r = columns(row);
  return { owner: text(r, 'owner'), token: text(r, 'token'), expiresAt: num(r, 'expiresAt') };
};

/** The shared pace of requests to arXiv (lib/arxiv/gate.ts). */
export const throttleRow = (row: unknown): { nextAt: number; lastAt: number; busyUntil: number } => {
  const r = columns(row);
  return { nextAt: num(r, 'nextAt'), lastAt: num(r, 'lastAt'), busyUntil: num(r, 'busyUntil') };
};

// ---- Summaries ----

/** A summary's answers (Summary.answers, SummaryJob.answers: JSON). */
export function answerList(json: string): { q: string; a: string }[] {
  const list: unknown = JSON.parse(json);
  if (Array.isArray(list)) {
    return list.map((item) => {
      const a = columns(item);
      return { q: text(a, 'q'), a: text(a, 'a') };
    });
  }
  throw new Error(`Unexpected JSON in the database: ${json.slice(0, 80)}, expected a list of answers`);
}

export interface SummaryRow {
  paperId: string;
  language: Language;
  paperVersion: number;
  currentVersion: number;
  model: string;
  answers: string;
  source: 'pdf' | 'abstract';
  truncated: number;
  promptTokens: number;
  completionTokens: number;
  createdAt: string;
}

export function summaryRow(row: unknown): SummaryRow {
  const r = columns(row);
  return {
    paperId: text(r, 'paperId'),
    language: language(r, 'language'),
    paperVersion: num(r, 'paperVersion'),
    currentVersion: num(r, 'currentVersion'),
    model: text(r, 'model'),
    answers: text(r, 'answers'),
    source: oneOf(r, 'source', ['pdf', 'abstract'] as const),
    truncated: num(r, 'truncated'),
    promptTokens: num(r, 'promptTokens'),
    completionTokens: num(r, 'completionTokens'),
    createdAt: text(r, 'createdAt'),
  };
}

/** A paper to summarise, and whether it is listed on the newest day (1) or not (0). */
export const paperForSummaryRow = (row: unknown): { id: string; version: number; title: string; abstract: string; latest: number } => {
  const r = columns(row);
  return { id: text(r, 'id'), version: num(r, 'version'), title: text(r, 'title'), abstract: text(r, 'abstract'), latest: num(r, 'latest') };
};

export const summaryUsageRow = (row: unknown): { generations: number; tokens: number } => {
  const r = columns(row);
  return { generations: num(r, 'generations'), tokens: num(r, 'tokens') };
};

type JobState = 'queued' | 'running' | 'done' | 'error';
const JOB_STATES: readonly JobState[] = ['queued', 'running', 'done', 'error'];

/** A row of SummaryJob (lib/summaries/jobs.ts). */
export interface JobRow {
  paperId: string;
  language: Language;
  owner: string;
  token: string;
  state: JobState;
  stage: 'pdf' | 'llm' | null;
  note: string | null;
  priority: number;
  queuedAt: number;
  heartbeatAt: number;
  answers: string;
  error: string | null;
  rev: number;
}

function stage(r: Columns): JobRow['stage'] {
  return r.stage === null ? null : oneOf(r, 'stage', ['pdf', 'llm'] as const);
}

export function jobRow(row: unknown): JobRow {
  const r = columns(row);
  return {
    paperId: text(r, 'paperId'),
    language: language(r, 'language'),
    owner: text(r, 'owner'),
    token: text(r, 'token'),
    state: oneOf(r, 'state', JOB_STATES),
    stage: stage(r),
    note: textOrNull(r, 'note'),
    priority: num(r, 'priority'),
    queuedAt: num(r, 'queuedAt'),
    heartbeatAt: num(r, 'heartbeatAt'),
    answers: text(r, 'answers'),
    error: textOrNull(r, 'error'),
    rev: num(r, 'rev'),
  };
}

/** A job in the queue: who holds it and where it stands. */
export type QueueRow = Pick<JobRow, 'paperId' | 'language' | 'owner' | 'token' | 'state' | 'priority' | 'queuedAt' | 'heartbeatAt'>;

export function queueRow(row: unknown): QueueRow {
  const r = columns(row);
  return {
    paperId: text(r, 'paperId'),
    language: language(r, 'language'),
    owner: text(r, 'owner'),
    token: text(r, 'token'),
    state: oneOf(r, 'state', JOB_STATES),
    priority: num(r, 'priority'),
    queuedAt: num(r, 'queuedAt'),
    heartbeatAt: num(r, 'heartbeatAt'),
  };
}

/** Enough of a job to tell whether it lives (jobLive). */
export const jobLivenessRow = (row: unknown): Pick<JobRow, 'state' | 'owner' | 'heartbeatAt'> => {
  const r = columns(row);
  return { state: oneOf(r, 'state', JOB_STATES), owner: text(r, 'owner'), heartbeatAt: num(r, 'heartbeatAt') };
};

/** `SELECT MAX(…) AS t …`: a time (epoch ms), or null when there is none. */
export const latestTimeRow = (row: unknown): { t: number | null } => ({ t: numOrNull(columns(row), 't') });
