// A fresh, migrated database per test file, and a canonical dump to compare databases by.
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { resetConfig } from '@/lib/config';
import { closeDb, openSqlite, sqlite } from '@/lib/db';
import { migrate } from '@/lib/db/migrate';

export const SHARED = path.resolve('../shared/data');

/** Points the app at a new empty database file, migrated, and returns its raw handle. */
export async function freshDb(): Promise<{ db: Database.Database; file: string }> {
  await closeDb();
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'coolpapers-')), 'test.db');
  process.env.DATABASE_PATH = file;
  resetConfig();
  const db = sqlite();
  migrate(db);
  return { db, file };
}

/** The stored arXiv data (papers, versions, listings; no timestamps of our own), ordered. */
export function canonicalDump(db: Database.Database): { counts: Record<string, number>; checksum: string } {
  const queries = {
    Paper: `SELECT id, version, title, abstract, authors, primaryCategory, categories, comments, journalRef, doi, license,
                   submittedAt, updatedAt, asOf, announcedOn, contentHash, titleTex, abstractTex, authorsTex, commentsTex FROM Paper ORDER BY id`,
    PaperVersion: 'SELECT paperId, version, submittedAt, size FROM PaperVersion ORDER BY paperId, version',
    Listing:
      'SELECT paperId, category, archive, date, type, position FROM Listing ORDER BY paperId, category, date',
  };
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const [table, sql] of Object.entries(queries)) {
    let n = 0;
    for (const row of db.prepare(sql).iterate()) {
      hash.update(JSON.stringify(row));
      n++;
    }
    counts[table] = n;
  }
  return { counts, checksum: hash.digest('hex') };
}

/** Canonical dump of a database file opened read-only on its own connection. */
export function dumpFile(file: string): ReturnType<typeof canonicalDump> {
  const db = openSqlite(file);
  try {
    return canonicalDump(db);
  } finally {
    db.close();
  }
}
