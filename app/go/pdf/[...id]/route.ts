// PDF links count a click, then redirect to arXiv (works without JavaScript). The inline viewer
// counts its opening with a POST (navigator.sendBeacon) and loads the PDF itself.
import { pdfUrl } from '@/lib/arxiv/ids';
import { countClick } from '@/lib/papers/clicks';
import { idFromSegments } from '@/lib/papers/links';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string[] }> };

async function counted(params: Params['params']) {
  const parsed = idFromSegments((await params).id);
  if (parsed) countClick(parsed.id, 'pdf');
  return parsed;
}

export async function GET(_request: Request, { params }: Params) {
  const parsed = await counted(params);
  if (!parsed) return new Response('Not an arXiv id.\n', { status: 404 });
  return new Response(null, {
    status: 302,
    headers: { location: pdfUrl(parsed.id, parsed.version), 'cache-control': 'no-store' },
  });
}

export async function POST(_request: Request, { params }: Params) {
  return new Response(null, { status: (await counted(params)) ? 204 : 404 });
}
