// The database: one Prisma client for the app's queries, and one raw better-sqlite3 handle on the
// same file for the hot paths Prisma cannot serve fast (bulk ingest, FTS5 search).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import Database from 'better-sqlite3';
import { databasePath } from '@/lib/config';
import { PrismaClient } from '@/lib/generated/prisma/client';

type Handles = { prisma?: PrismaClient; sqlite?: Database.Database; file?: string; arxivDataGeneration?: number };
// Kept on globalThis so Next.js hot reload in development does not open a connection per edit.
const handles: Handles = ((globalThis as { __coolPapersDb?: Handles }).__coolPapersDb ??= {});

/** Opens a SQLite file with the settings every connection of ours uses. */
export function openSqlite(file: string): Database.Database {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL is durable against process crashes (SIGKILL) in WAL mode; only power loss may drop
  // the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 10000');
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

export function sqlite(): Database.Database {
  reopenIfMoved();
  return (handles.sqlite ??= openSqlite(handles.file!));
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
  const p = handles.prisma;
  handles.sqlite = undefined;
  handles.prisma = undefined;
  handles.file = undefined;
  await p?.$disconnect();
}

// Bumped by this process's writes of arXiv data (papers, listings); with PRAGMA data_version,
// which moves when another process commits, it tells caches when arXiv data may have changed.
// Click counters and pre-rendered HTML deliberately do not bump it. Kept in `handles` (globalThis)
// because proxy.ts is a separate bundle with its own copy of this module.
export const bumpArxivDataGeneration = () => void (handles.arxivDataGeneration = (handles.arxivDataGeneration ?? 0) + 1);

/** Changes whenever papers or listings may have changed, in this process or another. */
export function arxivDataVersion(): string {
  const { v } = sqlite().prepare('SELECT data_version AS v FROM pragma_data_version').get() as { v: number };
  return `${v}:${handles.arxivDataGeneration ?? 0}`;
}

export { sqlDate } from './db/sqlDate';
