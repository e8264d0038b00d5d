// URLs of searches: the page, its feed and its pages keep every parameter.
import type { SearchParamsInput } from './service';

export function searchQueryString(
  p: SearchParamsInput,
  overrides: Record<string, string | number | undefined> = {},
): string {
  const entries: Record<string, string | number | undefined> = {
    q: p.q || undefined,
    related: p.related,
    cat: p.cat.join(',') || undefined,
    date: p.date === 'announced' ? undefined : p.date,
    from: p.from,
    to: p.to,
    sort: p.sort === 'relevance' ? undefined : p.sort,
    page: p.page > 1 ? p.page : undefined,
    ...overrides,
  };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `?${s}` : '';
}
