// /pdf/<id>v<n>: a paper's PDF through this server's disk cache (lib/pdf/fetch.ts), for deployments
// whose readers should not fetch from arXiv themselves (PDF_VIEWER_SOURCE=cache). The inline viewer
// loads it; with the default (arxiv) the browser fetches arXiv directly and this answers 404.
import { config } from '@/lib/config';
import { idFromSegments } from '@/lib/papers/links';
import { fetchPdf } from '@/lib/pdf/fetch';

export const dynamic = 'force-dynamic';

const text = (status: number, body: string) =>
  new Response(body, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

export async function GET(_request: Request, { params }: { params: Promise<{ id: string[] }> }) {
  if (config().PDF_VIEWER_SOURCE !== 'cache')
    return text(404, 'PDFs are not served by this site: they come from arXiv.\n');
  const parsed = idFromSegments((await params).id);
  if (!parsed?.version) return text(404, 'Not an arXiv id with a version (like 2401.12345v2).\n');
  try {
    const pdf = await fetchPdf(parsed.id, parsed.version);
    // A version's PDF never changes.
    return new Response(Buffer.from(pdf), {
      headers: { 'content-type': 'application/pdf', 'cache-control': 'public, max-age=604800, immutable' },
    });
  } catch (e) {
    console.error(`pdf ${parsed.id}v${parsed.version}: ${e instanceof Error ? e.message : String(e)}`);
    return text(502, 'The PDF could not be fetched from arXiv just now.\n');
  }
}
