// Which /arxiv/… addresses name nothing in the database: an unknown category, a spec without
// papers, or ids none of which we have. proxy.ts sends these to an address no route matches
// (MISSING_PREFIX + the path), so Next renders app/not-found.tsx on the server with a 404. A page
// calling notFound() gets an empty body that only JavaScript fills (vercel/next.js#62228).
import { sqlite } from '@/lib/db';
import { specDays } from './day';
import { parseTarget } from './target';

export function namesNothing(pathname: string): boolean {
  const segments = /^\/arxiv\/([^/]+)(?:\/([^/]+))?$/.exec(pathname);
  if (!segments) return false;
  // Old-style ids have a slash (hep-th/9901001); anything else with two segments is a route of its own.
  const raw = segments[2] ? `${segments[1]}/${segments[2]}` : segments[1]!;
  if (ROUTES.has(raw)) return false;
  const target = parseTarget(raw);
  if (target?.kind !== 'papers') return !segments[2] && (!target || specDays(target.spec).length === 0);
  const ids = target.ids.map((i) => i.id);
  const known = sqlite()
    .prepare(`SELECT 1 FROM Paper WHERE id IN (${ids.map(() => '?').join(',')}) LIMIT 1`)
    .get(...ids);
  return !known;
}

/** Pages of their own under /arxiv/ that look like specs. */
const ROUTES = new Set(['fetch', 'progress', 'star']);
