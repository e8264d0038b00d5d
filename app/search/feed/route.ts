// /search/feed?q=…: an Atom feed of a search (same parameters as /search), newest first by default.
import { config } from '@/lib/config';
import { atomFeed, entryUpdated } from '@/lib/feed/atom';
import { loadPaperViews } from '@/lib/papers/view';
import { plainText } from '@/lib/render';
import { runSearch } from '@/lib/search/service';
import { searchQueryString } from '@/lib/search/urls';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  if (!params.has('sort')) params.set('sort', 'newest');
  const r = await runSearch(params);
  const entries = await loadPaperViews(
    r.hits.map((h) => h.id),
    { render: false },
  );
  const site = config().SITE_URL.replace(/\/$/, '');
  const qs = searchQueryString(r.params);
  const xml = atomFeed({
    title: r.relatedTo
      ? `Cool Papers: related to ${plainText(r.relatedTo.title)}`
      : `Cool Papers search: ${r.params.q}`,
    selfUrl: `${site}/search/feed${qs}`,
    alternateUrl: `${site}/search${qs}`,
    updated:
      entries
        .map((e) => entryUpdated(e, ''))
        .sort()
        .at(-1) || new Date(0).toISOString(),
    entries,
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
