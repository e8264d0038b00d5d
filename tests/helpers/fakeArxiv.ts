// A loopback stand-in for arXiv speaking its real wire formats, from the recorded responses in
// ../shared/data: RSS feeds (rss.arxiv.org/rss/<categories>), the API's Atom (export.arxiv.org/api/query)
// and PDFs (arxiv.org/pdf/<id>v<n>). Every request is logged with its arrival time, so tests can
// check the site's pace towards arXiv across all its processes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from './db';
import { startServer, type TestServer } from './http';

export interface FakeArxiv extends TestServer {
  /** Every request: path and query, arrival time (epoch ms). */
  log: Array<{ url: string; at: number }>;
  /** The RSS document served for any categories (default: a real feed of an archive with no announcements). */
  feed: string;
  pdfs: Map<string, Uint8Array>;
}

/** A real announcement feed (cs.CL, 2026-04-27, three papers) moved to another announcement day, e.g. "Mon, 01 Jun 2026". */
export function feedOn(day: string): string {
  return readFileSync(path.join(SHARED, 'rss/distill_arxiv_cs_cl_2026-04-27_trimmed.xml'), 'utf8').replaceAll(
    'Mon, 27 Apr 2026',
    day,
  );
}

export const EMPTY_FEED = readFileSync(
  path.join(SHARED, 'rss/aioarxiv_empty-test-archive_2024-11-28.xml'),
  'utf8',
);
/** The API's answer for id_list=1111.2011 (one entry). */
const API_ATOM = readFileSync(path.join(SHARED, 'api_atom/arxivpy_2016_id_list_1111.2011v2.xml'), 'utf8');

export async function startFakeArxiv(): Promise<FakeArxiv> {
  const state = { log: [] as FakeArxiv['log'], feed: EMPTY_FEED, pdfs: new Map<string, Uint8Array>() };
  const server = await startServer((req, res) => {
    const url = req.url ?? '/';
    state.log.push({ url, at: Date.now() });
    if (url.startsWith('/rss/'))
      return void res
        .writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' })
        .end(state.feed);
    if (url.startsWith('/api/query'))
      return void res.writeHead(200, { 'Content-Type': 'application/atom+xml; charset=utf-8' }).end(API_ATOM);
    if (url.startsWith('/pdf/')) {
      const pdf = state.pdfs.get(decodeURIComponent(url.slice(5)));
      if (pdf) return void res.writeHead(200, { 'Content-Type': 'application/pdf' }).end(Buffer.from(pdf));
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
  });
  return Object.assign(state, server);
}

/** The environment pointing a process at the fake arXiv. */
export const fakeArxivEnv = (fake: FakeArxiv): Record<string, string> => ({
  ARXIV_RSS_URL: `${fake.url}/rss/`,
  ARXIV_API_URL: `${fake.url}/api/query`,
  ARXIV_OAI_URL: `${fake.url}/oai`,
  ARXIV_PDF_URL: `${fake.url}/pdf/`,
});
