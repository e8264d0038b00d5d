// The arXiv gate at the real pace (3 s) without waiting for it: turns taken through separate
// connections to one database file (as separate processes hold them) are one at a time, and each
// starts at least 3 s after the previous one ended, however late a process was to its slot. The
// same code runs against the fake arXiv with four processes in processes.test.ts (at a shorter
// interval, where the fake's own log of arrival times is checked).
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { endTurn, reserveSlot, takeTurn } from '@/lib/arxiv/gate';
import { closeDb, openSqlite } from '@/lib/db';
import { freshDb } from '../helpers/db';

after(closeDb);

const INTERVAL = 3000;
const MAX = 30_000;
const T0 = 1_800_000_000_000;

test('20 requests from three processes: one at a time, each 3 s after the previous one ended, first come first served', async () => {
  const { file } = await freshDb();
  const processes = [openSqlite(file), openSqlite(file), openSqlite(file)];
  const tx = <T>(i: number, fn: (db: (typeof processes)[number]) => T) => {
    const db = processes[i % 3]!;
    return db.transaction(() => fn(db)).immediate();
  };
  // All ask within 200 ms; each reserves a slot.
  const slots = Array.from({ length: 20 }, (_, i) => tx(i, (db) => reserveSlot(db, INTERVAL, T0 + i * 10)));
  assert.deepEqual(
    slots,
    [...slots].sort((x, y) => x - y),
    'slots in the order asked',
  );
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < 20; i++) {
    // Each arrives at its slot late by up to 400 ms (a busy process), and its request takes 50–450 ms.
    let now = slots[i]! + ((i * 137) % 400);
    let turn = tx(i, (db) => takeTurn(db, INTERVAL, MAX, now));
    // Another process, at the same moment, cannot take a turn while this one is out.
    if (turn.token) assert.equal(tx(i + 1, (db) => takeTurn(db, INTERVAL, MAX, now + 1)).token, 0);
    while (!turn.token) turn = tx(i, (db) => takeTurn(db, INTERVAL, MAX, (now = turn.retryAt)));
    starts.push(now);
    const end = now + 50 + ((i * 71) % 400);
    tx(i, (db) => endTurn(db, turn.token, end));
    ends.push(end);
  }
  const gaps = starts.slice(1).map((s, i) => s - ends[i]!);
  assert.ok(
    gaps.every((g) => g >= INTERVAL),
    `start after the previous end: ${gaps.join(', ')} ms`,
  );
  for (const db of processes) db.close();
});

test('a turn whose process died is free once its request would have timed out; its late end changes nothing', async () => {
  const { db } = await freshDb();
  const dead = db.transaction(() => takeTurn(db, INTERVAL, MAX, T0)).immediate();
  assert.ok(dead.token);
  assert.equal(takeTurn(db, INTERVAL, MAX, T0 + MAX - 1).token, 0, 'still out');
  const next = takeTurn(db, INTERVAL, MAX, T0 + MAX + 1);
  assert.ok(next.token, 'free after the timeout');
  endTurn(db, dead.token, T0 + MAX + 2); // the old holder's end does not free the new one's turn
  assert.equal(takeTurn(db, INTERVAL, MAX, T0 + MAX + 3).token, 0);
});
