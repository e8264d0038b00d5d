// What /api/health reports: that this process answers (liveness), that the database reads, the
// last ingest and any running, the summary queue across the site, and the processes sharing the
// database. Reads only: a health check never waits for a writer.
import { arxivDataVersion, read, sqlite } from '@/lib/db';
import { ingestRunRow, latestDayRow, type IngestRunRow as RunRow } from '@/lib/db/rows';
import { INGEST_LEASE } from '@/lib/ingest/runs';
import { queueCounts } from '@/lib/summaries/jobs';
import { liveProcesses, type ProcessInfo } from './beat';
import { leaseHolder } from './lease';
import { parseOwner, thisProcess } from './owner';

export interface Health {
  status: 'ok' | 'degraded' | 'error';
  /** Why the status is not ok. */
  problems: string[];
  process: { role: 'web'; pid: number; uptimeSeconds: number };
  database?: { readMs: number; dataVersion: string; latestDay: string | null };
  ingest?: {
    last: RunRow | null;
    lastOk: RunRow | null;
    running: RunRow[];
    leaseHolder: { pid: number; host: string } | null;
  };
  summaries?: { queued: number; running: number };
  processes?: ProcessInfo[];
}

export function health(): Health {
  const self = { role: 'web' as const, pid: thisProcess().pid, uptimeSeconds: Math.round(process.uptime()) };
  try {
    const db = sqlite();
    const started = performance.now();
    const dataVersion = arxivDataVersion(db);
    const latestDay = read(latestDayRow, 'SELECT MAX(date) AS d FROM Listing', db).get()?.d ?? null;
    const readMs = Math.round((performance.now() - started) * 10) / 10;
    const runs =
      'SELECT id, source, status, startedAt, finishedAt, inserted, updated, errorCount FROM IngestRun';
    const last =
      read(ingestRunRow, `${runs} WHERE status <> 'running' ORDER BY id DESC LIMIT 1`, db).get() ?? null;
    const lastOk =
      read(ingestRunRow, `${runs} WHERE status = 'ok' ORDER BY id DESC LIMIT 1`, db).get() ?? null;
    const running = read(
      ingestRunRow,
      `${runs} WHERE status = 'running' ORDER BY id DESC LIMIT 10`,
      db,
    ).all();
    const holder = leaseHolder(db, INGEST_LEASE);
    const owner = holder && parseOwner(holder.owner);
    const processes = liveProcesses(db);
    const problems = processes.some((p) => p.role === 'worker')
      ? []
      : ['no worker has been heard from lately: nothing ingests on schedule'];
    return {
      status: problems.length ? 'degraded' : 'ok',
      problems,
      process: self,
      database: { readMs, dataVersion, latestDay },
      ingest: { last, lastOk, running, leaseHolder: owner ? { pid: owner.pid, host: owner.host } : null },
      summaries: queueCounts(db),
      processes,
    };
  } catch (e) {
    return {
      status: 'error',
      problems: [`the database cannot be read: ${e instanceof Error ? e.message : String(e)}`],
      process: self,
    };
  }
}
