// The database: raw better-sqlite3 connections for every query the app runs (one for reads and
// batch writes, one for the writes made while serving requests, which never block the process
// waiting for the lock: lib/db/writer.ts), the one statement cache and typed reads over them, and
// the Prisma client, kept to check the schema (README "Data access").
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { databasePath } from '@/lib/config';
import { dataVersionRow } from '@/lib/db/rows';
import { PrismaClient } from '@/lib/generated/prisma/client';

type Role = 'site' | 'batch';
type Handles = {
  prisma?: PrismaClient;
  sqlite?: Database.Database;
  writer?: Database.Database;
  file?: string;
  role?: Role;
};
// Kept on globalThis so Next.js hot reload in development does not open a connection per edit.
const handles: Handles = ((globalThis as { __coolPapersDb?: Handles }).__coolPapersDb ??= {});

/**
 * Opens a SQLite file with the settings every connection of ours uses. `busyTimeoutMs`: how long a
 * write waits, blocking its thread, for another connection's write to end (0: fail at once, for
 * the request paths' writer, lib/db/writer.ts, which waits asynchronously instead).
 */
export function openSqlite(file: string, busyTimeoutMs = 10_000): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable against process crashes (SIGKILL) in WAL mode; only power loss may drop
  // the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('foreign_keys = ON');
  // 64 MB page cache: ingest touches several B-trees per paper (paper, versions, listings, outbox).
  db.pragma('cache_size = -65536');
  return db;
}

function reopenIfMoved(): void {
  const file = databasePath();
  if (handles.file && handles.file !== file) closeDb();
  handles.file = file;
}

/** This process's settings on top of openSqlite's, by its role (see databaseRole). */
function applyRole(db: Database.Database, writer = false): Database.Database {
  if (handles.role === 'batch' && !writer) db.pragma(`busy_timeout = ${10 * 60_000}`);
  if (handles.role === 'site') db.pragma('wal_autocheckpoint = 0');
  return db;
}

export function sqlite(): Database.Database {
  reopenIfMoved();
  return (handles.sqlite ??= applyRole(openSqlite(handles.file!)));
}

/**
 * How this process uses the database; by default SQLite's own settings with a 10 s lock wait.
 * - `site` (a web process): never checkpoints the WAL. A checkpoint copies the WAL into the
 *   database file synchronously in the connection whose commit crossed the threshold; in a site
 *   process that would stall every request for as long (hundreds of ms after an import). The
 *   worker checkpoints instead (lib/ingest/schedule.ts).
 * - `batch` (the worker, the ingest CLI): its writes wait for the lock as long as another batch
 *   process may hold it (a search-list rebuild after a large import takes minutes), instead of
 *   failing after 10 s.
 */
export function databaseRole(role: Role): void {
  handles.role = role;
  if (handles.sqlite) applyRole(handles.sqlite);
  if (handles.writer) applyRole(handles.writer, true);
}

/** The connection of lib/db/writer.ts: it never waits for the write lock (busy_timeout 0). */
export function writerSqlite(): Database.Database {
  reopenIfMoved();
  return (handles.writer ??= applyRole(openSqlite(handles.file!, 0), true));
}

export function prisma(): PrismaClient {
  reopenIfMoved();
  return (handles.prisma ??= new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url: `file:${handles.file}` }),
  }));
}

/** Closes both handles (tests switch databases by changing DATABASE_PATH). */
export async function closeDb(): Promise<void> {
  handles.sqlite?.close();
  handles.writer?.close();
  const p = handles.prisma;
  handles.sqlite = undefined;
  handles.writer = undefined;
  handles.prisma = undefined;
  handles.file = undefined;
  await p?.$disconnect();
}

/** One connection's prepared statements by SQL text (tests reopen connections, so keyed by the handle). */
const statementsByDb = new WeakMap<Database.Database, Map<string, Database.Statement>>();
/** Statements kept per connection: filters and id lists make SQL shapes many in principle; keep memory bounded. */
const MAX_STATEMENTS = 500;

/**
 * `sql` prepared on `db` once per connection: the app's one statement cache (compiling a statement
 * costs more than a fast query). Rows come typed as `R`, declared, not checked: only for the hot
 * paths of search and ingest, which read many small rows and whose SQL sits beside the type. Every
 * other read goes through `read` with a decoder from lib/db/rows.ts. A shared statement is never
 * switched to pluck or raw mode: alias the column and decode it instead.
 */
export function statement<P extends unknown[] | object = unknown[], R = unknown>(
  sql: string,
  db: Database.Database = sqlite(),
): Database.Statement<P, R> {
  let byDb = statementsByDb.get(db);
  if (!byDb) statementsByDb.set(db, (byDb = new Map()));
  let s = byDb.get(sql);
  if (!s) {
    if (byDb.size >= MAX_STATEMENTS) byDb.clear();
    byDb.set(sql, (s = db.prepare(sql)));
  }
  // The one place a row type is declared rather than checked (see above).
  return s as unknown as Database.Statement<P, R>;
}

/** A cached statement whose rows pass through a decoder (lib/db/rows.ts) on the way out. */
export interface Read<R> {
  get(...params: unknown[]): R | undefined;
  all(...params: unknown[]): R[];
  iterate(...params: unknown[]): Generator<R>;
}

/** Reads `sql` on `db` (the cached statement), each row checked and typed by `decode`. */
export function read<R>(decode: (row: unknown) => R, sql: string, db: Database.Database = sqlite()): Read<R> {
  const s = statement(sql, db);
  return {
    get: (...params) => {
      const row = s.get(...params);
      return row === undefined ? undefined : decode(row);
    },
    all: (...params) => s.all(...params).map((row) => decode(row)),
    *iterate(...params) {
      for (const row of s.iterate(...params)) yield decode(row);
    },
  };
}

/**
 * The version of the arXiv data (papers, listings) in the database, the same in every process:
 * ingest bumps it (bumpDataVersion) in the transaction that changes the data. Clicks, summaries,
 * limits and pre-rendered HTML leave it alone. "<database epoch>-<version>".
 */
export function arxivDataVersion(db = sqlite()): string {
  const row = read(dataVersionRow, 'SELECT epoch, version FROM DataVersion WHERE id = 1', db).get();
  return row ? `${row.epoch}-${row.version}` : 'none-0';
}

/** Moves the data version on; call it inside the transaction that changes papers or listings. */
export function bumpDataVersion(db: Database.Database): void {
  statement('UPDATE DataVersion SET version = version + 1 WHERE id = 1', db).run();
}

export { sqlDate } from './db/sqlDate';
