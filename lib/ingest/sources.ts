// The ingest entry points: feeds, OAI-PMH harvests, API lookups by id, and file imports.
// Workers and the CLI are thin wrappers over these; tests call them directly.
import type Database from 'better-sqlite3';
import { ArxivHttp, HttpError } from '@/lib/arxiv/http';
import { parseArxivId } from '@/lib/arxiv/ids';
import { parseApiAtom } from '@/lib/arxiv/parse/atom';
import { parseOaiPage } from '@/lib/arxiv/parse/oai';
import { parseFeed } from '@/lib/arxiv/parse/rss';
import type { ParsedBatch, RecordError } from '@/lib/arxiv/types';
import { config } from '@/lib/config';
import { sqlite } from '@/lib/db';
import { ingestEnded } from './after';
import { cutNotes, preparePapers } from './merge';
import { createProgress } from './progress';
import { IngestRun, type RunStatus } from './runs';
import { addCounts, PaperStore, type WriteCounts } from './store';

export interface IngestContext {
  db: Database.Database;
  http: ArxivHttp;
  log: (msg: string) => void;
  endpoints: { rss: string; api: string; oai: string };
  /** The worker's schedule tick the run is for (one run per tick across workers). */
  scheduledFor?: string;
}

export function defaultContext(overrides: Partial<IngestContext> = {}): IngestContext {
  const c = config();
  return {
    db: sqlite(),
    http: new ArxivHttp(),
    log: (m) => console.error(m),
    endpoints: { rss: c.ARXIV_RSS_URL, api: c.ARXIV_API_URL, oai: c.ARXIV_OAI_URL },
    ...overrides,
  };
}

export interface RunSummary {
  runId: number;
  status: RunStatus;
  seen: number;
  inserted: number;
  updated: number;
  skipped: number;
  listings: number;
  errorCount: number;
  errors: { id?: string; reason: string }[];
}

function summary(run: IngestRun, status: RunStatus): RunSummary {
  return { runId: run.id, status, ...run.counts, errorCount: run.errorCount, errors: run.errors };
}

/**
 * Runs `body` as a recorded ingest run: whatever it throws ends the run as partial or failed. Every
 * run that changed papers or listings ends with the aftermath (lib/ingest/after.ts) before it
 * returns; a failing aftermath is logged, and its work stays queued for the next run.
 */
export async function recorded(
  ctx: IngestContext,
  source: string,
  params: unknown,
  body: (run: IngestRun, store: PaperStore) => Promise<void>,
): Promise<RunSummary> {
  const run = new IngestRun(ctx.db, source, params, ctx.scheduledFor);
  const store = new PaperStore(ctx.db);
  let result: RunSummary;
  try {
    await body(run, store);
    result = summary(run, run.finish());
  } catch (e) {
    ctx.log(`${source} run ${run.id} stopped: ${e instanceof Error ? e.message : String(e)}`);
    result = summary(run, run.finish(e));
  }
  const { inserted, updated, listings } = run.counts;
  await ingestEnded(inserted + updated + listings > 0).catch((e: unknown) =>
    ctx.log(
      `${source} run ${run.id}: the work after it failed: ${e instanceof Error ? e.message : String(e)}`,
    ),
  );
  return result;
}

export function recordBatch(run: IngestRun, written: WriteCounts, errors: RecordError[]): void {
  addCounts(run.counts, written);
  run.recordErrors(errors);
  run.save();
}

function writeBatch(run: IngestRun, store: PaperStore, batch: ParsedBatch): void {
  const papers = preparePapers(batch.papers, batch.listings);
  recordBatch(run, store.writePrepared(papers, batch.listings, batch.papers.length), [
    ...batch.errors,
    ...cutNotes(papers),
  ]);
}

/** Today's announcements for some categories (or archives) from rss.arxiv.org, in one request. */
export function ingestRss(categories: string[], ctx = defaultContext()): Promise<RunSummary> {
  return recorded(ctx, 'rss', { categories }, async (run, store) => {
    const url = ctx.endpoints.rss + categories.map(encodeURIComponent).join('+');
    const res = await ctx.http.get(url, ctx.log);
    if (res.status !== 200) throw new HttpError(res.status, res.body, url);
    const feed = parseFeed(res.body);
    writeBatch(run, store, feed);
    ctx.log(`rss ${categories.join('+')}: ${feed.papers.length} items for ${feed.date ?? 'unknown day'}`);
  });
}

/** A feed document already in hand (tests, files saved from arXiv). */
export function ingestFeedXml(xml: string, ctx = defaultContext()): Promise<RunSummary> {
  return recorded(ctx, 'feed', {}, async (run, store) => writeBatch(run, store, parseFeed(xml)));
}

export interface OaiParams {
  set?: string;
  from?: string;
  until?: string;
}

/**
 * OAI-PMH harvest, page by page. Each page is parsed whole before any of it is written, so a
 * truncated page writes nothing; pages already written stay, and a re-run is idempotent.
 */
export function harvestOai(params: OaiParams, ctx = defaultContext()): Promise<RunSummary> {
  return recorded(ctx, 'oai', params, async (run, store) => {
    const q = new URLSearchParams({ verb: 'ListRecords', metadataPrefix: 'arXiv' });
    if (params.set) q.set('set', params.set);
    if (params.from) q.set('from', params.from);
    if (params.until) q.set('until', params.until);
    let url = `${ctx.endpoints.oai}?${q}`;
    const progress = createProgress('oai', 0);
    try {
      for (let page = 1; ; page++) {
        const res = await ctx.http.get(url, ctx.log);
        if (res.status !== 200) throw new HttpError(res.status, res.body, url);
        const parsed = parseOaiPage(res.body);
        writeBatch(run, store, parsed);
        if (parsed.completeListSize) progress.setTotal(parsed.completeListSize);
        progress.update(run.counts.seen, `page ${page}`);
        if (!parsed.resumptionToken) break;
        url = `${ctx.endpoints.oai}?${new URLSearchParams({ verb: 'ListRecords', resumptionToken: parsed.resumptionToken })}`;
      }
    } finally {
      progress.stop();
    }
  });
}

/** Ids per arXiv API request. */
export const API_BATCH = 100;

/**
 * One API request for up to API_BATCH canonical ids: writes what arXiv returns and reports the ids
 * it does not know.
 */
export async function ingestIdBatch(
  ctx: IngestContext,
  run: IngestRun,
  store: PaperStore,
  ids: readonly string[],
): Promise<void> {
  const url = `${ctx.endpoints.api}?${new URLSearchParams({ id_list: ids.join(','), max_results: String(ids.length) })}`;
  const res = await ctx.http.get(url, ctx.log);
  // arXiv answers a bad id list with HTTP 400 and an Atom error entry: parseApiAtom says which.
  const parsed = parseApiAtom(res.body);
  if (res.status !== 200) throw new HttpError(res.status, res.body, url);
  writeBatch(run, store, parsed);
  const found = new Set(parsed.papers.map((p) => p.id));
  run.recordErrors(ids.filter((id) => !found.has(id)).map((id) => ({ id, reason: 'not found on arXiv' })));
}

/** Papers by id through the arXiv API, API_BATCH ids per request. Unknown ids are reported. */
export function ingestIds(ids: string[], ctx = defaultContext()): Promise<RunSummary> {
  return recorded(ctx, 'api', { ids }, async (run, store) => {
    const valid = ids.map((raw) => ({ raw, parsed: parseArxivId(raw) }));
    run.recordErrors(valid.filter((v) => !v.parsed).map((v) => ({ id: v.raw, reason: 'not an arXiv id' })));
    const wanted = [...new Set(valid.flatMap((v) => (v.parsed ? [v.parsed.id] : [])))];
    for (let i = 0; i < wanted.length; i += API_BATCH)
      await ingestIdBatch(ctx, run, store, wanted.slice(i, i + API_BATCH));
  });
}
