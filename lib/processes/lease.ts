// A named lease one process holds at a time (the workers' ingest), kept in the Lease table. The
// holder renews it on a timer; another process may take it once it expired, or at once when the
// holder's process is gone (lib/processes/owner.ts). Renewing and releasing check the token, so a
// holder that lost its lease (stalled past expiry) cannot release its successor's.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { read } from '@/lib/db';
import { leaseRow } from '@/lib/db/rows';
import { ownerAlive, parseOwner, thisOwner } from './owner';

export class Lease {
  private timer?: ReturnType<typeof setInterval>;

  private constructor(
    private readonly db: Database.Database,
    readonly name: string,
    readonly token: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes the lease when it is free (never held, released, expired, or its holder is gone); null when another process holds it. */
  static tryAcquire(db: Database.Database, name: string, ttlMs: number, now = Date.now()): Lease | null {
    return db
      .transaction(() => {
        const held = read(leaseRow, 'SELECT owner, token, expiresAt FROM Lease WHERE name = ?', db).get(name);
        const holder = held && held.expiresAt > now ? parseOwner(held.owner) : null;
        if (holder && ownerAlive(holder)) return null;
        const token = randomUUID();
        db.prepare(
          `INSERT INTO Lease (name, owner, token, expiresAt) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, token = excluded.token, expiresAt = excluded.expiresAt`,
        ).run(name, thisOwner(), token, now + ttlMs);
        const lease = new Lease(db, name, token, ttlMs);
        lease.timer = setInterval(() => lease.renew(), Math.max(1, Math.floor(ttlMs / 3)));
        lease.timer.unref();
        return lease;
      })
      .immediate();
  }

  /** Extends the lease; false when it is no longer ours. */
  renew(now = Date.now()): boolean {
    const ours =
      this.db
        .prepare('UPDATE Lease SET expiresAt = ? WHERE name = ? AND token = ?')
        .run(now + this.ttlMs, this.name, this.token).changes === 1;
    if (!ours) clearInterval(this.timer);
    return ours;
  }

  release(): void {
    clearInterval(this.timer);
    this.db.prepare('UPDATE Lease SET expiresAt = 0 WHERE name = ? AND token = ?').run(this.name, this.token);
  }
}

/** The current holder of a lease, if it is held (for /api/health). */
export function leaseHolder(
  db: Database.Database,
  name: string,
  now = Date.now(),
): { owner: string; expiresAt: number } | null {
  const row = read(leaseRow, 'SELECT owner, token, expiresAt FROM Lease WHERE name = ?', db).get(name);
  if (!row || row.expiresAt <= now) return null;
  const owner = parseOwner(row.owner);
  return owner && ownerAlive(owner) ? { owner: row.owner, expiresAt: row.expiresAt } : null;
}
