// `npm run bench -- pages [rounds]`: the daily list page for the largest day in the data and a
// synthetic 1,000-paper day, beside a static file of the same HTML served by the same server.
// Prints server time to first byte (p50/p95), first-response bytes (raw/gzip), and the time until
// the first 25 papers are laid out with their maths (fonts loaded) in Chromium: in a new tab of a
// private window (the aim is judged on this), in a new tab of a regular profile, and when reached
// from another page of the site.
import { mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { launchBrowser, launchProfile } from '../tests/helpers/browser';
import { startApp, type RunningApp } from '../tests/helpers/app';

const SYNTHETIC_DAY = '2026-06-01';
const AIMS = { ttfbP95Ms: 100, gzipKb: 150, visibleMs: 500, ratio: 3 };
const VISIBLE_ROUNDS = 9;

/** A 1,000-paper day in cs.OH made of papers already in the database (real text and maths). */
function addSyntheticDay(file: string): void {
  const db = new Database(file);
  const ids = db.prepare('SELECT id FROM Paper ORDER BY id LIMIT 1000').all() as { id: string }[];
  const insert = db.prepare(
    `INSERT OR IGNORE INTO Listing (paperId, category, archive, date, type, position) VALUES (?, 'cs.OH', 'cs', ?, 'new', ?)`,
  );
  db.transaction(() => ids.forEach((r, i) => insert.run(r.id, SYNTHETIC_DAY, i)))();
  db.close();
}

function largestDay(file: string): { archive: string; date: string; papers: number } {
  const db = new Database(file, { readonly: true });
  const row = db
    .prepare(
      'SELECT archive, date, COUNT(DISTINCT paperId) AS papers FROM Listing GROUP BY archive, date ORDER BY papers DESC LIMIT 1',
    )
    .get() as { archive: string; date: string; papers: number };
  db.close();
  return row;
}

/** Time to the first body byte, in ms (headers alone can precede a streamed body), settled once the whole body has arrived. */
function firstByte(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    http
      .get(url, (res) => {
        let first = NaN;
        res.once('data', () => (first = performance.now() - start));
        res.on('end', () => resolve(first));
        res.resume();
      })
      .on('error', reject);
  });
}

/** The pid listening on a loopback port (Next renames its process, so match the socket). */
function listenerPid(port: number): string | null {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  // `next start` without -H listens on IPv6 (::), which also takes 127.0.0.1.
  const inode = ['/proc/net/tcp', '/proc/net/tcp6']
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .map((l) => l.trim().split(/\s+/))
    .find((f) => f[1]?.endsWith(`:${hex}`) && f[3] === '0A')?.[9];
  if (!inode) return null;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (
        readdirSync(`/proc/${pid}/fd`).some(
          (fd) => readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`,
        )
      )
        return pid;
    } catch {
      /* not ours to read, or gone */
    }
  }
  return null;
}

/** CPU time (ms) the server process has used so far: a cost the machine's load does not inflate. */
function serverCpuMs(pid: string | null): number {
  if (!pid) return NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ = 100
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/**
 * Runs in every page before its own scripts (context.addInitScript): on each frame, once 25 cards
 * are parsed and no font is loading, checks that they are laid out with their maths drawn and
 * records the time. The cheap checks come first, so the observer forces no layout while the page
 * is still arriving; polling from Playwright (waitForFunction with 'raf') cost the page ~190 ms of
 * main-thread time per load in traces, plus its injected script's compile.
 */
const VISIBLE_OBSERVER = `(() => {
  const cards = document.getElementsByTagName('article');
  const drawn = (card) => card.getBoundingClientRect().height > 0 && [...card.querySelectorAll('mjx-container')].every((m) => m.getBoundingClientRect().width > 0);
  const tick = () => {
    const first = [...cards].filter((c) => c.classList.contains('paper')).slice(0, 25);
    if (first.length === 25 && document.fonts.status === 'loaded' && first.every(drawn)) window.__papersVisibleAt = performance.now();
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

/** ms from navigation start until the first 25 cards are laid out with their maths drawn (CHTML maths is drawn once its woff fonts have loaded). */
async function papersVisible(page: import('playwright-core').Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  const handle = await page.waitForFunction(
    () => (window as { __papersVisibleAt?: number }).__papersVisibleAt,
    undefined,
    { polling: 50, timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

interface Page {
  label: string;
  path: string;
}

async function prepare(app: RunningApp, pages: Page[]): Promise<void> {
  addSyntheticDay(app.databasePath);
  // Views render maths once and store it; benchmark the steady state, after one full view.
  for (const p of pages) {
    for (let skip = 0; ; skip += 200) {
      const html = await (await fetch(`${app.url}${p.path}&skip=${skip}&show=200`)).text();
      if (!html.includes('data-more')) break;
    }
  }
}

export default async function bench(args: string[]): Promise<void> {
  const rounds = Number(args[0] ?? 40);
  let app = await startApp();
  const big = largestDay(app.databasePath);
  const pages: Page[] = [
    {
      label: `largest day (${big.archive} ${big.date}, ${big.papers} papers)`,
      path: `/arxiv/${big.archive}?date=${big.date}`,
    },
    { label: 'synthetic 1,000-paper day', path: `/arxiv/cs.OH?date=${SYNTHETIC_DAY}` },
  ];
  const statics = pages.map((_, i) => `__bench-pages-${process.pid}-${i}.html`);
  try {
    await prepare(app, pages);
    // Static twins: Next serves public/ files present at start, so save them and restart.
    for (const [i, p] of pages.entries())
      writeFileSync(path.join('public', statics[i]!), await (await fetch(app.url + p.path)).text());
    await app.close();
    app = await startApp();
    await prepare(app, pages);

    const browser = await launchBrowser();
    let allMet = true;
    for (const [i, p] of pages.entries()) {
      const dynamicUrl = app.url + p.path;
      const staticUrl = `${app.url}/${statics[i]}`;
      const html = await (await fetch(dynamicUrl)).text();
      const ttfb = { dynamic: [] as number[], static: [] as number[] };
      const cpu = { dynamic: 0, static: 0 };
      const server = listenerPid(Number(new URL(app.url).port));
      // Alternating, so both see the same machine: its speed drifts over a run on shared hosts.
      for (let r = 0; r < rounds; r++) {
        for (const kind of ['dynamic', 'static'] as const) {
          const before = serverCpuMs(server);
          ttfb[kind].push(await firstByte(kind === 'dynamic' ? dynamicUrl : staticUrl));
          cpu[kind] += (serverCpuMs(server) - before) / rounds;
        }
      }
      // Opened in a new tab of a private window (Chromium starts a renderer process for it; no V8
      // code cache), the same in a regular profile (a returning reader: scripts compiled before are
      // cached), and reached from another page of the site in the same tab, as when moving between days.
      const visible = { dynamic: [] as number[], static: [] as number[] };
      const inProfile = { dynamic: [] as number[], static: [] as number[] };
      const inSite = { dynamic: [] as number[], static: [] as number[] };
      const privateWindow = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      const profileDir = mkdtempSync(path.join(os.tmpdir(), 'coolpapers-bench-profile-'));
      const profile = await launchProfile(profileDir);
      for (const context of [privateWindow, profile]) await context.addInitScript(VISIBLE_OBSERVER);
      for (let r = 0; r < VISIBLE_ROUNDS; r++) {
        for (const [kind, url] of [
          ['dynamic', dynamicUrl],
          ['static', staticUrl],
        ] as const) {
          const page = await privateWindow.newPage();
          visible[kind].push(await papersVisible(page, url));
          await page.goto(`${app.url}/arxiv/cs.CL`, { waitUntil: 'load' });
          inSite[kind].push(await papersVisible(page, url));
          await page.close();
          const tab = await profile.newPage();
          inProfile[kind].push(await papersVisible(tab, url));
          await tab.close();
        }
      }
      await privateWindow.close();
      await profile.close();
      rmSync(profileDir, { recursive: true, force: true });

      const p50 = (xs: number[]) => percentile(xs, 50).toFixed(1);
      const p95d = percentile(ttfb.dynamic, 95);
      const ratio = percentile(ttfb.dynamic, 50) / percentile(ttfb.static, 50);
      const gzipKb = gzipSync(html).length / 1024;
      const visibleMs = percentile(visible.dynamic, 50);
      const met = {
        ttfb: p95d <= AIMS.ttfbP95Ms,
        bytes: gzipKb <= AIMS.gzipKb,
        visible: visibleMs <= AIMS.visibleMs,
        ratio: ratio <= AIMS.ratio,
      };
      allMet &&= Object.values(met).every(Boolean);
      const yes = (b: boolean) => (b ? 'met' : 'NOT met');
      console.log(`\n${p.label}: ${p.path}`);
      console.log(
        `  first byte   dynamic p50 ${p50(ttfb.dynamic)} ms, p95 ${p95d.toFixed(1)} ms | static p50 ${p50(ttfb.static)} ms, p95 ${percentile(ttfb.static, 95).toFixed(1)} ms (${rounds} requests each)`,
      );
      console.log(
        `  server CPU per request: dynamic ${cpu.dynamic.toFixed(1)} ms, static ${cpu.static.toFixed(1)} ms (machine load ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores)`,
      );
      console.log(
        `  dynamic/static first-byte ratio (p50) ${ratio.toFixed(2)}  aim ≤ ${AIMS.ratio}: ${yes(met.ratio)}`,
      );
      console.log(`  p95 first byte aim ≤ ${AIMS.ttfbP95Ms} ms: ${yes(met.ttfb)}`);
      console.log(
        `  first response ${(html.length / 1024).toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzip, ${html.match(/<article /g)?.length} papers  aim ≤ ${AIMS.gzipKb} KB: ${yes(met.bytes)}`,
      );
      const both = (xs: typeof visible) =>
        `dynamic ${percentile(xs.dynamic, 50).toFixed(0)} ms, static ${percentile(xs.static, 50).toFixed(0)} ms`;
      console.log(
        `  25 papers laid out with maths (Chromium, median of ${VISIBLE_ROUNDS}), new tab of a private window: ${both(visible)}  aim ≤ ${AIMS.visibleMs} ms: ${yes(met.visible)}`,
      );
      console.log(`    new tab, regular profile (V8 code cache): ${both(inProfile)}`);
      console.log(`    from another page of the site, same tab: ${both(inSite)}`);
    }
    await browser.close();
    console.log(`\nall aims met: ${allMet ? 'yes' : 'no'}`);
  } finally {
    for (const f of statics) rmSync(path.join('public', f), { force: true });
    await app.close();
  }
}
