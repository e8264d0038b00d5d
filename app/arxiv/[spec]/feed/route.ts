// /arxiv/<spec>/feed: Atom feed of the list's latest day (proxy.ts resolved the list, app/arxiv/resolve.ts).
import { atomFeed } from '@/lib/feed/atom';
import { dayList } from '@/lib/papers/day';
import { loadPaperViews } from '@/lib/papers/view';
import { routeFromHeaders } from '@/app/arxiv/resolve';

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const target = routeFromHeaders(request.headers);
  if (target?.kind !== 'list')
    return new Response('Feeds exist for category lists, e.g. /arxiv/cs.CL/feed\n', { status: 404 });
  const list = dayList(target.spec);
  if (!list.date) return new Response(`No papers for ${target.text}.\n`, { status: 404 });
  const views = await loadPaperViews(
    list.entries.map((e) => e.id),
    { render: false },
  );
  const byId = new Map(list.entries.map((e) => [e.id, e]));
  const origin = new URL(request.url).origin;
  const xml = atomFeed({
    title: `${target.text} on ${list.date} (Cool Papers TS)`,
    selfUrl: `${origin}/arxiv/${target.text}/feed`,
    alternateUrl: `${origin}/arxiv/${target.text}?date=${list.date}`,
    updated: `${list.date}T00:00:00Z`,
    entries: views.map((v) => ({
      ...v,
      listing: { date: list.date!, type: byId.get(v.id)!.type, category: byId.get(v.id)!.category },
    })),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
