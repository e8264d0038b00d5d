// Which process holds something (an ingest run, a lease, a summary generation), and whether it still
// lives. The site's processes share one SQLite file on one host, so a holder on this host is checked
// directly: a killed process (even with SIGKILL) is known to be gone at once, without waiting for its
// heartbeat to age. A holder on another host (containers sharing a volume) is judged by its heartbeat.
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** A process: `started` is its start time (clock ticks after boot), so a reused pid is not mistaken for it. */
export interface Owner {
  host: string;
  pid: number;
  started: number | null;
}

/** A process's state letter and start time from /proc (Linux); null where there is none. */
function processStat(pid: number): { state: string; started: number } | null {
  try {
    // Fields 3 and 22; the command name (field 2) is in parentheses and may hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, started: Number(fields[19]) };
  } catch {
    return null;
  }
}

const processStart = (pid: number): number | null => processStat(pid)?.started ?? null;

let self: Owner | undefined;
export const thisProcess = (): Owner =>
  self?.pid === process.pid
    ? self
    : (self = { host: os.hostname(), pid: process.pid, started: processStart(process.pid) });

/** This process as stored in owner columns (JSON). */
export const thisOwner = (): string => JSON.stringify(thisProcess());

/** The owner stored in a column; null when it is not one. */
export function parseOwner(json: string | null): Owner | null {
  if (!json) return null;
  try {
    const o = JSON.parse(json) as Partial<Owner>;
    return typeof o.host === 'string' && typeof o.pid === 'number'
      ? { host: o.host, pid: o.pid, started: typeof o.started === 'number' ? o.started : null }
      : null;
  } catch {
    return null;
  }
}

/** False when the owner is surely gone; true while it lives or cannot be checked from here (another host). */
export function ownerAlive(owner: Owner): boolean {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
  const stat = processStat(owner.pid);
  // A killed process stays a zombie (Z) until its parent collects it: it is gone all the same.
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return false;
  return owner.started === null || stat === null || stat.started === owner.started;
}

/** True when the owner is on this host, so ownerAlive() is an answer rather than a guess. */
export const ownerCheckable = (owner: Owner): boolean => owner.host === os.hostname();
