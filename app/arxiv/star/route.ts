// papers.cool's POST /arxiv/star?key=pdf|kimi|unstar&paper=<id>: its public click counters. A pdf or
// kimi (summary) click counts one, whatever delta is sent; unstar changes nothing (stars live in
// the reader's browser here).
import { parseArxivId } from '@/lib/arxiv/ids';
import { countClick } from '@/lib/papers/clicks';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const id = parseArxivId(params.get('paper') ?? '')?.id;
  const key = params.get('key');
  if (!id || !['pdf', 'kimi', 'unstar'].includes(key ?? ''))
    return new Response('Expected key=pdf|kimi|unstar and paper=<arXiv id>.\n', { status: 400 });
  if (key !== 'unstar') countClick(id, key === 'pdf' ? 'pdf' : 'summary');
  return new Response(null, { status: 204 });
}
