// Writes made while serving requests (clicks, summary jobs and their progress, rate limits, the
// arXiv gate) never wait for the write lock synchronously. better-sqlite3 waits for a busy
// database by blocking its thread (busy_timeout), which would freeze a whole site process while
// another process (the worker importing) holds the lock. Here writes queue up in the process and
// run on a connection with busy_timeout 0: while another connection writes, the queue tries again
// a few milliseconds later and the event loop serves requests meanwhile. Writes queued together
// share one transaction (each in a savepoint of its own, so one failing leaves the others), so a
// burst costs one lock and one commit. Reads need none of this: in WAL mode they never wait.
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { writerSqlite } from '@/lib/db';

interface Pending {
  fn: (db: Database.Database) => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  queuedAt: number;
}

interface WriterState {
  queue: Pending[];
  draining: boolean;
}
// On globalThis: Next.js loads this module once per route bundle; the queue must be one per process.
const state: WriterState = ((globalThis as { __coolPapersWriter?: WriterState }).__coolPapersWriter ??= {
  queue: [],
  draining: false,
});

/** A write still not done after this long (another process holding the lock throughout) fails. */
const MAX_WAIT_MS = 60_000;
/** Longest pause between two tries for the lock. */
const MAX_PAUSE_MS = 8;

const isBusy = (e: unknown) =>
  e instanceof Error && /^SQLITE_BUSY/.test(String((e as { code?: unknown }).code));

/**
 * Runs `fn` inside a write transaction (BEGIN IMMEDIATE, so what it reads is what it writes over,
 * across processes), without blocking the event loop while another connection writes. `fn` must
 * be synchronous; the promise settles after the commit.
 */
export function write<T>(fn: (db: Database.Database) => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    state.queue.push({ fn, resolve: resolve as (value: unknown) => void, reject, queuedAt: Date.now() });
    if (!state.draining) void drain();
  });
}

/** Resolves once every write queued before the call is committed (or failed). */
export const writesDone = (): Promise<void> => write(() => undefined);

async function drain(): Promise<void> {
  state.draining = true;
  let pause = 1;
  try {
    while (state.queue.length) {
      let db: Database.Database;
      try {
        db = writerSqlite();
        db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        if (!isBusy(e)) {
          for (const p of state.queue.splice(0)) p.reject(e);
          break;
        }
        const now = Date.now();
        const expired = state.queue.filter((p) => now - p.queuedAt > MAX_WAIT_MS);
        state.queue = state.queue.filter((p) => !expired.includes(p));
        for (const p of expired)
          p.reject(new Error(`the database stayed locked by another process for ${MAX_WAIT_MS / 1000} s`));
        await sleep(pause * (0.5 + Math.random()));
        pause = Math.min(pause * 2, MAX_PAUSE_MS);
        continue;
      }
      pause = 1;
      const batch = state.queue.splice(0);
      const outcomes: Array<() => void> = [];
      for (const p of batch) {
        db.exec('SAVEPOINT queued_write');
        try {
          const value = p.fn(db);
          db.exec('RELEASE queued_write');
          outcomes.push(() => p.resolve(value));
        } catch (e) {
          db.exec('ROLLBACK TO queued_write; RELEASE queued_write');
          outcomes.push(() => p.reject(e));
        }
      }
      try {
        db.exec('COMMIT');
      } catch (e) {
        if (db.inTransaction) db.exec('ROLLBACK');
        for (const p of batch) p.reject(e);
        continue;
      }
      for (const settle of outcomes) settle();
      // Lets the callers' continuations run (and queue their next writes) before the next batch.
      await sleep(0);
    }
  } finally {
    state.draining = false;
  }
}
