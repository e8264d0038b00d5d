// "Fetch from arXiv" on the unknown-paper page: ingests the ids through the arXiv API path, then
// shows them. A reader is waiting, so arXiv gets a short time limit and one retry (about 13 s at
// most); failing, it explains in plain words (the details go to the server log). The page's script
// asks for JSON ({ location } or { error }) and shows progress; without it the form gets a redirect
// or a small page with the explanation.
import { ArxivHttp, defaultHttpOptions } from '@/lib/arxiv/http';
import { parseArxivId } from '@/lib/arxiv/ids';
import { defaultContext, ingestIds } from '@/lib/ingest/sources';
import { escapeHtml } from '@/lib/render/escape';

export const dynamic = 'force-dynamic';

const readerHttp = () =>
  new ArxivHttp({
    ...defaultHttpOptions(),
    timeoutMs: 6000,
    retries: 1,
    backoffMs: 1000,
    maxRetryAfterMs: 0,
  });

function explain(reason: string | undefined): string {
  if (/timeout|timed out|aborted/i.test(reason ?? ''))
    return 'arXiv did not answer in time. It may be busy or unreachable from this server; please try again later.';
  if (/HTTP \d/.test(reason ?? '')) return 'arXiv answered with an error. Please try again later.';
  return 'arXiv could not be reached from this server. Please try again later.';
}

/** The answer for a reader without JavaScript: a small page saying what happened. */
function failurePage(status: number, message: string, back: string | null): Response {
  const link = back ? `<p><a href="${escapeHtml(back)}">Back</a></p>` : '';
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Could not fetch from arXiv</title><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem"><h1>Could not fetch from arXiv</h1><p role="alert">${escapeHtml(message)}</p>${link}</body></html>`;
  return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

export async function POST(request: Request) {
  const json = (request.headers.get('accept') ?? '').includes('application/json');
  const form = await request.formData().catch(() => null);
  const ids = String(form?.get('ids') ?? '')
    .split(',')
    .map((s) => parseArxivId(s)?.id)
    .filter((id): id is string => Boolean(id))
    .slice(0, 50);
  const back = ids.length ? `/arxiv/${ids.join(',')}` : null;
  const fail = (status: number, message: string) =>
    json ? Response.json({ error: message }, { status }) : failurePage(status, message, back);
  if (!ids.length) return fail(400, 'No arXiv ids were given.');
  const run = await ingestIds(ids, defaultContext({ http: readerHttp() })).catch((e: Error) => ({
    status: 'failed',
    errors: [{ reason: e.message }],
    inserted: 0,
    updated: 0,
    skipped: 0,
  }));
  if (run.status === 'failed') {
    console.error(`fetch from arXiv (${ids.join(', ')}) failed: ${run.errors[0]?.reason ?? 'unknown error'}`);
    return fail(502, explain(run.errors[0]?.reason));
  }
  if (run.inserted + run.updated + run.skipped === 0)
    return fail(404, `arXiv has no paper ${ids.join(', ')}.`);
  return json
    ? Response.json({ location: back })
    : new Response(null, { status: 303, headers: { location: back! } });
}
