// PDF links count a click, then redirect to arXiv (works without JavaScript).
import { parseArxivId, pdfUrl } from '@/lib/arxiv/ids';
import { countClick } from '@/lib/papers/clicks';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string[] }> }) {
  const parsed = parseArxivId((await params).id.map(decodeURIComponent).join('/'));
  if (!parsed) return new Response('Not an arXiv id.\n', { status: 404 });
  countClick(parsed.id, 'pdf');
  return new Response(null, { status: 302, headers: { location: pdfUrl(parsed.id, parsed.version), 'cache-control': 'no-store' } });
}
