// `npm run bench -- load [seconds] [connections]`: the production server (next start, seeded
// database) under a bounded load, 50 connections for 20 s per address by default, with autocannon
// (a maintained pure-JS HTTP load generator, installed from npm with the project, so it runs
// wherever `npm ci` does): a day list, a search, a paper page and a cached summary, each beside a
// static file served by the same server in the same run. Requests ask for compressed responses, as
// browsers do. Prints requests/s, p50 and p99 latency, and errors (connection errors, timeouts and
// non-2xx answers; a request unanswered after 30 s counts as one); exits 1 when any request failed. Other processes on the machine change the
// numbers: compare each address with the static file of the same run.
import os from 'node:os';
import autocannon from 'autocannon';
import { openSqlite } from '@/lib/db';
import { QUESTIONS } from '@/lib/llm/prompts';
import { startApp } from '../tests/helpers/app';
import { fakeAnswer } from '../tests/summaries/fakeLlm';

const HEADERS = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html,application/xhtml+xml' };

interface Row {
  label: string;
  path: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  kb: number;
}

/** A stored summary for `id`, as a generation would have left it (the bench needs no provider). */
function storeSummary(file: string, id: string): void {
  const db = openSqlite(file);
  const answers = QUESTIONS.en.map((q, i) => ({ q, a: fakeAnswer(i + 1, q) }));
  db.prepare(
    `INSERT OR REPLACE INTO Summary (paperId, language, paperVersion, model, answers, source, truncated, promptTokens, completionTokens)
     SELECT id, 'en', version, 'bench-model', ?, 'pdf', 0, 1000, 500 FROM Paper WHERE id = ?`,
  ).run(JSON.stringify(answers), id);
  db.close();
}

async function load(url: string, seconds: number, connections: number): Promise<Omit<Row, 'label' | 'path'>> {
  // Requests still queued in the server when a run ends would slow the next one: let them drain.
  await (await fetch(url, { headers: HEADERS })).arrayBuffer();
  const r = await autocannon({ url, connections, duration: seconds, headers: HEADERS, timeout: 30 });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    kb: r.throughput.average / r.requests.average / 1024,
  };
}

export default async function bench(args: string[]): Promise<void> {
  const seconds = Number(args[0] ?? 20);
  const connections = Number(args[1] ?? 50);
  const app = await startApp();
  try {
    const db = openSqlite(app.databasePath);
    const id = db
      .prepare(`SELECT paperId FROM Listing WHERE category = 'cs.CL' ORDER BY date DESC, position LIMIT 1`)
      .pluck()
      .get() as string;
    db.close();
    storeSummary(app.databasePath, id);
    const targets = [
      { label: 'day list', path: '/arxiv/cs.CL' },
      { label: 'search', path: '/search?q=language+models' },
      { label: 'paper page', path: `/arxiv/${id}` },
      { label: 'cached summary', path: `/summary/${id}?lang=en` },
    ];
    const STATIC = { label: 'static file', path: '/mathjax/chtml.css' };
    // Warm up: the first request renders and caches; later ones are what readers mostly get.
    for (const t of [...targets, STATIC])
      for (let i = 0; i < 3; i++) await (await fetch(app.url + t.path, { headers: HEADERS })).arrayBuffer();

    const rows: Row[] = [];
    for (const t of targets) {
      // Each address right before the static file, so both see the same machine.
      for (const one of [t, STATIC]) {
        process.stdout.write(`  ${one.label} ${one.path}: ${seconds} s, ${connections} connections… `);
        const row = { ...one, ...(await load(app.url + one.path, seconds, connections)) };
        console.log(`${row.rps.toFixed(0)} req/s`);
        rows.push(row);
      }
    }
    console.log(
      `\nload: ${connections} connections, ${seconds} s each, compressed responses (machine load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
    );
    console.log(
      `${'address'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'KB/resp'.padStart(8)} ${'errors'.padStart(7)}  vs static (req/s)`,
    );
    for (let i = 0; i < rows.length; i += 2) {
      const [r, s] = [rows[i]!, rows[i + 1]!];
      for (const row of [r, s]) {
        const ratio = row === r ? `${(r.rps / s.rps).toFixed(2)}×` : '';
        console.log(
          `${`${row.label} ${row.path}`.slice(0, 44).padEnd(44)} ${row.rps.toFixed(0).padStart(8)} ${String(row.p50).padStart(8)} ${String(row.p99).padStart(8)} ${row.kb.toFixed(1).padStart(8)} ${String(row.errors).padStart(7)}  ${ratio}`,
        );
      }
    }
    const errors = rows.reduce((n, r) => n + r.errors, 0);
    console.log(`\nerrors: ${errors}`);
    if (errors > 0) process.exitCode = 1;
  } finally {
    await app.close();
  }
}
