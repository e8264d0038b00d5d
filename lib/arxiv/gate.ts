// One pace for every request to arXiv from every process of the site (the worker's ingest, the
// site's "fetch from arXiv" and the PDFs summaries read), kept in the database (Throttle row
// "arxiv") because a pace kept in each process's memory lets N processes send N times as often.
// arXiv asks for one request at a time and no more than one every 3 s: here a request starts only
// when none is out and ARXIV_MIN_INTERVAL_MS has passed since the previous one ended, so however
// late a process is to send, two requests never reach arXiv closer than the interval.
// A request first reserves the next free slot (first come, first served), sleeps until it, then
// takes the turn in a write transaction, which it hands back when its response is read. A process
// that dies holding the turn holds it no longer than the request's timeout.
import { setTimeout as sleep } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { config } from '@/lib/config';
import { read as readRow } from '@/lib/db';
import { throttleRow } from '@/lib/db/rows';
import { write } from '@/lib/db/writer';

const NAME = 'arxiv';
/** While a request is out, those waiting look again this often. */
const BUSY_POLL_MS = 100;

type Row = ReturnType<typeof throttleRow>;
const read = (db: Database.Database): Row =>
  readRow(throttleRow, 'SELECT nextAt, lastAt, busyUntil FROM Throttle WHERE name = ?', db).get(NAME) ?? {
    nextAt: 0,
    lastAt: 0,
    busyUntil: 0,
  };
const store = (db: Database.Database, r: Row) =>
  db
    .prepare(
      `INSERT INTO Throttle (name, nextAt, lastAt, busyUntil) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET nextAt = excluded.nextAt, lastAt = excluded.lastAt, busyUntil = excluded.busyUntil`,
    )
    .run(NAME, r.nextAt, r.lastAt, r.busyUntil);

/** Reserves the next free slot (inside a write transaction); returns when it starts. */
export function reserveSlot(db: Database.Database, intervalMs: number, now = Date.now()): number {
  const r = read(db);
  const at = Math.max(now, r.nextAt, r.lastAt + intervalMs);
  store(db, { ...r, nextAt: at + intervalMs });
  return at;
}

/**
 * Takes the turn to send (inside a write transaction) for at most `maxMs`: returns its token
 * (`busyUntil`), or 0 and when to try again when a request is out or the last ended too recently.
 */
export function takeTurn(
  db: Database.Database,
  intervalMs: number,
  maxMs: number,
  now = Date.now(),
): { token: number; retryAt: number } {
  const r = read(db);
  if (r.busyUntil > now) return { token: 0, retryAt: Math.max(now + BUSY_POLL_MS, r.lastAt + intervalMs) };
  if (now < r.lastAt + intervalMs) return { token: 0, retryAt: r.lastAt + intervalMs };
  const token = now + maxMs;
  store(db, { nextAt: Math.max(r.nextAt, now + intervalMs), lastAt: now, busyUntil: token });
  return { token, retryAt: 0 };
}

/** The request holding the turn `token` ended: the next may start one interval from now. */
export function endTurn(db: Database.Database, token: number, now = Date.now()): void {
  const r = read(db);
  if (r.busyUntil !== token) return; // held past its time and taken by another meanwhile
  store(db, { ...r, lastAt: Math.max(r.lastAt, now), busyUntil: 0 });
}

/**
 * Runs one request to arXiv in its turn: `send` must finish (response read) within `maxMs`
 * (its timeout). With `intervalMs` 0 it runs at once (tests against a local fake).
 */
export async function arxivRequest<T>(
  send: () => Promise<T>,
  maxMs = config().HTTP_TIMEOUT_MS,
  intervalMs = config().ARXIV_MIN_INTERVAL_MS,
): Promise<T> {
  if (intervalMs <= 0) return send();
  let at = await write((db) => reserveSlot(db, intervalMs));
  let token = 0;
  while (!token) {
    const wait = at - Date.now();
    if (wait > 0) await sleep(wait);
    ({ token, retryAt: at } = await write((db) => takeTurn(db, intervalMs, maxMs + 1000)));
  }
  try {
    return await send();
  } finally {
    await write((db) => endTurn(db, token)).catch(() => {});
  }
}

/** No request from any process before `until` (epoch ms): arXiv asked us to wait (Retry-After). */
export function holdArxiv(until: number, intervalMs = config().ARXIV_MIN_INTERVAL_MS): Promise<void> {
  return write((db) => {
    const r = read(db);
    store(db, { ...r, nextAt: Math.max(r.nextAt, until), lastAt: Math.max(r.lastAt, until - intervalMs) });
  });
}
