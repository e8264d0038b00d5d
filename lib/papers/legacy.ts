// papers.cool's public addresses (../shared/reference/coolpapers.md §2.1), used by its browser
// extension, third-party clients and bookmarks, mapped to ours. proxy.ts answers with a redirect;
// /arxiv/progress and /arxiv/star have route handlers of their own (they need the database), and
// /venue/… gets a page saying this site has no conference proceedings (app/venue).
//
//   /arxiv/search?query=q&highlight=1[&sort=0|1]   → /search?q=q[&sort=newest|popularity]  (+ /feed)
//   /venue/search?query=q                           → /search?q=q: arXiv holds most such papers
//   /arxiv/kimi?paper=id (GET)                      → /summary/id; POST → /api/summary/id (307, starts it)
//   /arxiv/1406.02661                               → /arxiv/1406.2661 (ids before 2015 have 4 digits)
//   /search?sort=0|1 (papers.cool's sort values)    → sort=newest|popularity
//   /pdf?url=<an arXiv PDF URL>                     → /go/pdf/<id> (counted, then arXiv)
//   /config (papers.cool's settings form)           → /
// List pages read ?sort=1/0/words themselves (components/list/ListFilter.tsx); ?show=&skip= work as they are.
import { parseArxivId } from '@/lib/arxiv/ids';

export interface LegacyRedirect {
  location: string;
  status: 301 | 303 | 307 | 308;
}

const SORTS: Record<string, string> = { '0': 'newest', '1': 'popularity' };

/** A padded old id (1406.02661, papers.cool accepts it) as arXiv writes it (1406.2661); else unchanged. */
function unpadded(part: string): string {
  const m = /^(\d{2})(\d{2})\.0(\d{4}(?:v\d+)?)$/.exec(part);
  return m && Number(m[1]) < 15 ? `${m[1]}${m[2]}.${m[3]}` : part;
}

function searchUrl(path: string, params: URLSearchParams): string {
  const out = new URLSearchParams();
  const q = params.get('query') ?? params.get('q');
  if (q) out.set('q', q);
  const sort = params.get('sort');
  if (sort) out.set('sort', SORTS[sort] ?? sort);
  return `${path}${out.size ? `?${out}` : ''}`;
}

export function legacyRedirect(
  method: string,
  pathname: string,
  params: URLSearchParams,
): LegacyRedirect | null {
  const read = method === 'GET' || method === 'HEAD';
  if (read && /^\/(arxiv|venue)\/search\/?$/.test(pathname))
    return { location: searchUrl('/search', params), status: 308 };
  if (read && /^\/(arxiv|venue)\/search\/feed\/?$/.test(pathname))
    return { location: searchUrl('/search/feed', params), status: 308 };
  if (read && pathname === '/search' && SORTS[params.get('sort') ?? '']) {
    const next = new URLSearchParams(params);
    next.set('sort', SORTS[params.get('sort')!]!);
    return { location: `/search?${next}`, status: 308 };
  }
  if (pathname === '/arxiv/kimi') {
    const id = parseArxivId(params.get('paper') ?? '')?.id;
    if (!id) return null;
    const lang = params.get('lang') === 'zh' ? '?lang=zh' : '';
    return read
      ? { location: `/summary/${id}${lang}`, status: 308 }
      : { location: `/api/summary/${id}${lang}`, status: 307 };
  }
  if (read && pathname.startsWith('/arxiv/')) {
    const segment = pathname.slice('/arxiv/'.length);
    const fixed = segment.split(',').map(unpadded).join(',');
    if (fixed !== segment)
      return { location: `/arxiv/${fixed}${params.size ? `?${params}` : ''}`, status: 308 };
  }
  if (read && pathname === '/pdf') {
    const id = parseArxivId(params.get('url') ?? '');
    if (id) return { location: `/go/pdf/${id.id}${id.version ? `v${id.version}` : ''}`, status: 307 };
  }
  if (pathname === '/config') return { location: '/', status: read ? 308 : 303 };
  return null;
}
