// JSON search API with the same parameters as /search: q, cat, date, from, to, sort, page, limit, related.
import { runSearch } from '@/lib/search/service';
import { paperPath } from '@/lib/papers/links';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const r = await runSearch(new URL(request.url).searchParams);
  return Response.json({
    query: r.params.q,
    engine: r.engine,
    ...(r.jump ? { jump: { id: r.jump, url: paperPath(r.jump) } } : {}),
    ...(r.relatedTo ? { relatedTo: r.relatedTo } : {}),
    match: r.match,
    total: r.total,
    page: r.page,
    pages: r.pages,
    notes: r.notes,
    hits: r.hits.map((h) => ({ ...h, url: paperPath(h.id) })),
  });
}
