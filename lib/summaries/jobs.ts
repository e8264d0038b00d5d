// Summary generations shared by every process of the site (web processes and the worker), in the
// SummaryJob table: one row per (paper, language). The process that claims a generation holds it
// (owner, token) and generates; it renews its heartbeat, writes its progress into the row, and
// stores the summary only while the row is still its own (the token fences a holder presumed
// gone). Readers in other processes follow the row. A holder whose process is gone, or whose
// heartbeat stopped for JOB_LEASE_MS, is replaced by the next process that asks or follows.
// The rows are also the queue: LLM_CONCURRENCY generations run at once across the site, newest
// day's papers first, then first come, first served; each holder starts its own jobs when the
// queue reaches them. Every function that writes runs inside a write transaction (lib/db/writer.ts).
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { config } from '@/lib/config';
import { read, sqlite, statement } from '@/lib/db';
import {
  countRow,
  jobLivenessRow,
  jobRow,
  latestTimeRow,
  queueRow,
  type JobRow,
  type QueueRow,
} from '@/lib/db/rows';
import type { Language } from '@/lib/llm/prompts';
import { ownerAlive, parseOwner, thisOwner } from '@/lib/processes/owner';
import { budgetLeft, rateRefusal, recordStart } from './limits';
import { getSummary, recordUsage, saveSummary, type Answer, type StoredSummary } from './store';

/** A holder whose heartbeat is older than this is taken to be gone (its process stalled or is on a host we cannot check). */
export const JOB_LEASE_MS = 20_000;
/** How often holders renew their heartbeat. */
export const JOB_HEARTBEAT_MS = 3_000;
/** Finished rows are kept this long (late followers read how the job ended), then deleted. */
const KEEP_FINISHED_MS = 3_600_000;

export type { JobRow } from '@/lib/db/rows';

export const jobKey = (paperId: string, language: string) => `${paperId}\u0000${language}`;

export function readJob(
  paperId: string,
  language: Language,
  db: Database.Database = sqlite(),
): JobRow | undefined {
  return read(jobRow, 'SELECT * FROM SummaryJob WHERE paperId = ? AND language = ?', db).get(
    paperId,
    language,
  );
}

/** Queued or running, with a holder that lives (checked directly on this host) and keeps its heartbeat. */
export function jobLive(row: Pick<JobRow, 'state' | 'owner' | 'heartbeatAt'>, now = Date.now()): boolean {
  if (row.state !== 'queued' && row.state !== 'running') return false;
  if (now - row.heartbeatAt > JOB_LEASE_MS) return false;
  const owner = parseOwner(row.owner);
  return owner !== null && ownerAlive(owner);
}

/**
 * The live queue in order: which queued jobs get the free generation slots (`starting`), and the
 * position of every job still waiting after them (1: next).
 */
function plan(db: Database.Database, now: number): { starting: QueueRow[]; positions: Map<string, number> } {
  const rows = read(
    queueRow,
    `SELECT paperId, language, owner, token, state, priority, queuedAt, heartbeatAt FROM SummaryJob WHERE state IN ('queued', 'running')`,
    db,
  )
    .all()
    .filter((r) => jobLive(r, now));
  let free = config().LLM_CONCURRENCY - rows.filter((r) => r.state === 'running').length;
  const queued = rows
    .filter((r) => r.state === 'queued')
    .sort(
      (a, b) =>
        a.priority - b.priority ||
        a.queuedAt - b.queuedAt ||
        (a.paperId < b.paperId ? -1 : a.paperId > b.paperId ? 1 : 0),
    );
  const starting: QueueRow[] = [];
  const positions = new Map<string, number>();
  for (const r of queued) {
    if (free > 0) {
      free--;
      starting.push(r);
    } else positions.set(jobKey(r.paperId, r.language), positions.size + 1);
  }
  return { starting, positions };
}

/**
 * Marks running this process's jobs the queue reached (another process's job at the head keeps
 * its slot: its holder starts it on its next look). Returns them, and the waiting positions.
 */
export function scheduleJobs(
  db: Database.Database,
  now = Date.now(),
): { start: Array<{ key: string; token: string }>; positions: Map<string, number> } {
  const { starting, positions } = plan(db, now);
  const me = thisOwner();
  const start = starting
    .filter((r) => r.owner === me)
    .map((r) => ({ key: jobKey(r.paperId, r.language), token: r.token }));
  const mark = statement(
    `UPDATE SummaryJob SET state = 'running', stage = 'pdf', heartbeatAt = ?, rev = rev + 1 WHERE token = ? AND state = 'queued'`,
    db,
  );
  for (const s of start) mark.run(now, s.token);
  return { start, positions };
}

/** Where a queued job stands (1: next); 0 when it is about to start. */
export const queuePosition = (
  paperId: string,
  language: Language,
  db: Database.Database = sqlite(),
  now = Date.now(),
): number => plan(db, now).positions.get(jobKey(paperId, language)) ?? 0;

export type Claim =
  | { kind: 'mine'; token: string }
  | { kind: 'follow' }
  | { kind: 'cached' }
  | { kind: 'refused'; reason: 'busy' | 'budget' | 'rate-limit' };

export interface ClaimRequest {
  paperId: string;
  language: Language;
  client: string;
  /** Listed on the newest day: goes ahead in the queue. */
  latest: boolean;
  regenerate?: boolean;
  /** Our own pre-generation: no hourly limits (the budget still applies). */
  internal?: boolean;
  /** A follower taking over from a holder that is gone: the token it saw (no new limits are charged). */
  takeover?: string;
}

/**
 * Claims the generation of a summary (inside a write transaction): 'follow' when a live holder
 * has it, 'cached' when the summary was stored meanwhile, 'refused' by the limits or the budget,
 * else 'mine' with the token this process generates under.
 */
export function claimJob(db: Database.Database, req: ClaimRequest, now = Date.now()): Claim {
  if (!req.regenerate && getSummary(req.paperId, req.language, db)) return { kind: 'cached' };
  const row = readJob(req.paperId, req.language, db);
  if (row && jobLive(row, now)) return { kind: 'follow' };
  const takeover = req.takeover !== undefined;
  // Someone else took over first, or the job ended: the follower reads what happened.
  if (takeover && row?.token !== req.takeover) return { kind: 'follow' };
  if (!takeover) {
    const c = config();
    statement(`DELETE FROM SummaryJob WHERE state IN ('done', 'error') AND heartbeatAt < ?`, db).run(
      now - KEEP_FINISHED_MS,
    );
    if (!budgetLeft(db)) return { kind: 'refused', reason: 'budget' };
    const pending = read(
      countRow,
      `SELECT COUNT(*) AS n FROM SummaryJob WHERE state IN ('queued', 'running') AND heartbeatAt >= ?`,
      db,
    ).get(now - JOB_LEASE_MS);
    if (pending && pending.n >= c.SUMMARY_MAX_PENDING) return { kind: 'refused', reason: 'busy' };
    if (!req.internal) {
      const limited = rateRefusal(db, req.client, now);
      if (limited) return { kind: 'refused', reason: limited === 'client' ? 'rate-limit' : 'busy' };
      recordStart(db, req.client, now);
    }
    recordUsage(db, 1, 0);
  }
  // Strictly increasing, so first come is first served even within one millisecond.
  const last = read(latestTimeRow, 'SELECT MAX(queuedAt) AS t FROM SummaryJob', db).get();
  const queuedAt = takeover && row ? row.queuedAt : Math.max(now, (last?.t ?? 0) + 1);
  const token = randomUUID();
  statement(
    `INSERT INTO SummaryJob (paperId, language, owner, token, state, stage, note, priority, queuedAt, heartbeatAt, answers, error, rev)
     VALUES (?, ?, ?, ?, 'queued', NULL, NULL, ?, ?, ?, '[]', NULL, 0)
     ON CONFLICT (paperId, language) DO UPDATE SET owner = excluded.owner, token = excluded.token, state = 'queued', stage = NULL,
       note = NULL, priority = excluded.priority, queuedAt = excluded.queuedAt, heartbeatAt = excluded.heartbeatAt, answers = '[]',
       error = NULL, rev = SummaryJob.rev + 1`,
    db,
  ).run(req.paperId, req.language, thisOwner(), token, req.latest ? 0 : 1, queuedAt, now);
  return { kind: 'mine', token };
}

const ours = (db: Database.Database, sql: string, ...params: unknown[]): boolean =>
  statement(sql, db).run(...params).changes === 1;

/** Renews the holder's heartbeat; false when the job is no longer ours. */
export const renewJob = (db: Database.Database, token: string, now = Date.now()): boolean =>
  ours(
    db,
    `UPDATE SummaryJob SET heartbeatAt = ? WHERE token = ? AND state IN ('queued', 'running')`,
    now,
    token,
  );

/** Writes the progress followers see; false when the job is no longer ours. */
export const saveProgress = (
  db: Database.Database,
  token: string,
  p: { stage: 'pdf' | 'llm'; note: string | null; answers: Answer[] },
  now = Date.now(),
): boolean =>
  ours(
    db,
    `UPDATE SummaryJob SET stage = ?, note = ?, answers = ?, heartbeatAt = ?, rev = rev + 1 WHERE token = ? AND state = 'running'`,
    p.stage,
    p.note,
    JSON.stringify(p.answers),
    now,
    token,
  );

/** Stores the summary and ends the job, only while it is still ours (never two stored summaries for one job). */
export function finishJob(
  db: Database.Database,
  token: string,
  summary: Omit<StoredSummary, 'currentVersion' | 'createdAt'>,
  now = Date.now(),
): boolean {
  const done = ours(
    db,
    `UPDATE SummaryJob SET state = 'done', answers = ?, heartbeatAt = ?, rev = rev + 1 WHERE token = ? AND state = 'running'`,
    JSON.stringify(summary.answers),
    now,
    token,
  );
  if (done) {
    saveSummary(db, summary);
    recordUsage(db, 0, summary.promptTokens + summary.completionTokens);
  }
  return done;
}

/** Ends the job with an error its readers see (and may retry). */
export const failJob = (db: Database.Database, token: string, message: string, now = Date.now()): boolean =>
  ours(
    db,
    `UPDATE SummaryJob SET state = 'error', error = ?, heartbeatAt = ?, rev = rev + 1 WHERE token = ? AND state IN ('queued', 'running')`,
    message,
    now,
    token,
  );

/** Lets another process take the job over at once (this one is shutting down). */
export const abandonJob = (db: Database.Database, token: string): boolean =>
  ours(
    db,
    `UPDATE SummaryJob SET heartbeatAt = 0, rev = rev + 1 WHERE token = ? AND state IN ('queued', 'running')`,
    token,
  );

/** Live jobs across the site, for /api/health. */
export function queueCounts(
  db: Database.Database = sqlite(),
  now = Date.now(),
): { queued: number; running: number } {
  const rows = read(
    jobLivenessRow,
    `SELECT state, owner, heartbeatAt FROM SummaryJob WHERE state IN ('queued', 'running')`,
    db,
  )
    .all()
    .filter((r) => jobLive(r, now));
  return {
    queued: rows.filter((r) => r.state === 'queued').length,
    running: rows.filter((r) => r.state === 'running').length,
  };
}
