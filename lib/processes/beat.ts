// Each process of the site (web processes, workers) records that it lives every few seconds, so
// /api/health can say which processes share the database, and whether a worker is running.
import type Database from 'better-sqlite3';
import { read, sqlite } from '@/lib/db';
import { processBeatRow } from '@/lib/db/rows';
import { write } from '@/lib/db/writer';
import { ownerAlive, parseOwner, thisOwner } from './owner';

export type Role = 'web' | 'worker';

const BEAT_MS = 10_000;
/** A process not heard from for this long is not counted; after FORGET_MS its row goes. */
const SILENT_MS = 3 * BEAT_MS;
const FORGET_MS = 24 * 3_600_000;

// On globalThis: instrumentation and the routes are bundled apart but share the process.
const state = ((globalThis as { __coolPapersBeat?: { roles: Set<Role> } }).__coolPapersBeat ??= {
  roles: new Set(),
});

/** Starts this process's heartbeat for `role` (once per process and role). */
export function startBeat(role: Role): void {
  if (state.roles.has(role)) return;
  state.roles.add(role);
  const owner = thisOwner();
  const started = Date.now();
  const beat = () =>
    write((db) => {
      const now = Date.now();
      db.prepare(
        `INSERT INTO ProcessBeat (owner, role, startedAt, heartbeatAt) VALUES (?, ?, ?, ?)
         ON CONFLICT (owner) DO UPDATE SET role = excluded.role, heartbeatAt = excluded.heartbeatAt`,
      ).run(owner, role, started, now);
      db.prepare('DELETE FROM ProcessBeat WHERE heartbeatAt < ?').run(now - FORGET_MS);
    }).catch((e: unknown) => console.error('[health] heartbeat not recorded:', e));
  void beat();
  setInterval(beat, BEAT_MS).unref();
}

export interface ProcessInfo {
  role: string;
  host: string;
  pid: number;
  startedAt: string;
  lastSeenSecondsAgo: number;
}

/** The processes heard from lately that still live. */
export function liveProcesses(db: Database.Database = sqlite(), now = Date.now()): ProcessInfo[] {
  const rows = read(
    processBeatRow,
    'SELECT owner, role, startedAt, heartbeatAt FROM ProcessBeat WHERE heartbeatAt >= ? ORDER BY role, startedAt',
    db,
  ).all(now - SILENT_MS);
  return rows.flatMap((r) => {
    const owner = parseOwner(r.owner);
    if (!owner || !ownerAlive(owner)) return [];
    return [
      {
        role: r.role,
        host: owner.host,
        pid: owner.pid,
        startedAt: new Date(r.startedAt).toISOString(),
        lastSeenSecondsAgo: Math.round((now - r.heartbeatAt) / 1000),
      },
    ];
  });
}
