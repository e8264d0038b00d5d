// "Fetch from arXiv" on the unknown-paper page: ingests the ids through the arXiv API path, then
// shows them. Offline or failing, it explains instead of erroring.
import { parseArxivId } from '@/lib/arxiv/ids';
import { ingestIds } from '@/lib/ingest/sources';

export const dynamic = 'force-dynamic';

export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const ids = String(form?.get('ids') ?? '')
    .split(',')
    .map((s) => parseArxivId(s)?.id)
    .filter((id): id is string => Boolean(id))
    .slice(0, 50);
  if (!ids.length) return new Response('No arXiv ids given.\n', { status: 400 });
  const run = await ingestIds(ids).catch((e: Error) => ({ status: 'failed', errors: [{ reason: e.message }], inserted: 0, updated: 0, skipped: 0 }));
  if (run.status === 'failed') {
    return new Response(`Could not fetch from arXiv: ${run.errors[0]?.reason ?? 'unknown error'}\n`, { status: 502 });
  }
  if (run.inserted + run.updated + run.skipped === 0) {
    return new Response(`arXiv returned none of ${ids.join(', ')}.\n`, { status: 404 });
  }
  return new Response(null, { status: 303, headers: { location: `/arxiv/${ids.join(',')}` } });
}
