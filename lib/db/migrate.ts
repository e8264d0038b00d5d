// Applies prisma/migrations/<name>/migration.sql in order and records each in Prisma's own
// _prisma_migrations table (same columns, same sha256 checksums), so `prisma migrate deploy`
// can take over wherever Prisma's schema engine is available.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { read } from '@/lib/db';
import { migrationRow } from './rows';

export const MIGRATIONS_DIR = path.resolve('prisma/migrations');

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
}

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string; checksum: string }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export function migrate(db: Database.Database, dir = MIGRATIONS_DIR): MigrationResult {
  db.exec(MIGRATIONS_TABLE);
  const done = new Map(
    read(
      migrationRow,
      'SELECT migration_name, checksum FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      db,
    )
      .all()
      .map((r): [string, string] => [r.migration_name, r.checksum]),
  );
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  for (const m of listMigrations(dir)) {
    const recorded = done.get(m.name);
    if (recorded !== undefined) {
      if (recorded !== m.checksum) {
        throw new Error(
          `migration ${m.name} was changed after it was applied (checksum differs); add a new migration instead`,
        );
      }
      result.alreadyApplied.push(m.name);
      continue;
    }
    // DDL is transactional in SQLite: a failing migration leaves no trace.
    db.transaction(() => {
      const now = new Date().toISOString();
      db.exec(m.sql);
      db.prepare(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
         VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
      ).run(randomUUID(), m.checksum, new Date().toISOString(), m.name, now);
    })();
    result.applied.push(m.name);
  }
  return result;
}
