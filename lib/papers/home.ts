// What the home page shows: the reader's followed categories, arXiv's archives and categories with
// the latest day's counts, and recent days.
import { read } from '@/lib/db';
import { countRow, dayCountRow, latestDayRow, listedInRow } from '@/lib/db/rows';
import { archiveName, archives, archivesOf, canonicalCategory, categoryName } from '@/lib/arxiv/taxonomy';
import { dayList, type DayList } from './day';

export interface HomeArchive {
  archive: string;
  name: string;
  /** Distinct papers listed in the archive on the latest day. */
  count: number;
  categories: { category: string; name: string | undefined; count: number }[];
}

export interface HomeSummary {
  totalPapers: number;
  latestDay: string | null;
  archives: HomeArchive[];
  recentDays: { date: string; count: number }[];
}

export async function homeSummary(): Promise<HomeSummary> {
  const totalPapers = read(countRow, 'SELECT count(*) AS n FROM Paper').get()?.n ?? 0;
  const latest = read(latestDayRow, 'SELECT MAX(date) AS d FROM Listing').get()?.d ?? null;
  if (!latest) return { totalPapers, latestDay: null, archives: [], recentDays: [] };
  // Distinct papers per archive and per category, merged categories under their canonical name in
  // every archive either spelling belongs to: the counts of the lists they link to.
  const papers = new Map<string, { all: Set<string>; byCategory: Map<string, Set<string>> }>();
  const listed = read(listedInRow, 'SELECT paperId, category FROM Listing WHERE date = ?').all(latest);
  for (const { paperId, category } of listed) {
    const canonical = canonicalCategory(category);
    for (const archive of archivesOf(canonical)) {
      const a =
        papers.get(archive) ?? papers.set(archive, { all: new Set(), byCategory: new Map() }).get(archive)!;
      a.all.add(paperId);
      (a.byCategory.get(canonical) ?? a.byCategory.set(canonical, new Set()).get(canonical)!).add(paperId);
    }
  }
  const order = archives().map((a) => a.id);
  const rank = (a: string) => (order.includes(a) ? order.indexOf(a) : order.length);
  const archiveIds = [...papers.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const recentDays = read(
    dayCountRow,
    'SELECT date, COUNT(DISTINCT paperId) AS count FROM Listing GROUP BY date ORDER BY date DESC LIMIT 10',
  ).all();
  return {
    totalPapers,
    latestDay: latest,
    archives: archiveIds.map((archive) => {
      const a = papers.get(archive)!;
      return {
        archive,
        name: archiveName(archive) ?? archive,
        count: a.all.size,
        categories: [...a.byCategory]
          .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
          .map(([category, ids]) => ({ category, name: categoryName(category), count: ids.size })),
      };
    }),
    recentDays,
  };
}

export interface FollowedCategory {
  code: string;
  name: string;
  /** The category's latest day with papers here, with its section counts; null when it has none. */
  latest: { date: string; total: number; counts: DayList['counts'] } | null;
  /** Every day with papers for it, oldest first. */
  days: { date: string; count: number }[];
}

/** Known arXiv categories and archives among `codes`, in order. */
export const knownCategories = (codes: string[]) => codes.filter((c) => categoryName(c) !== undefined);

/** What the home page shows for each followed category. */
export function followedSummary(codes: string[]): FollowedCategory[] {
  return knownCategories(codes).map((code) => {
    const list = dayList({ include: [code], exclude: [] });
    return {
      code,
      name: categoryName(code)!,
      latest:
        list.date && list.entries.length
          ? { date: list.date, total: list.entries.length, counts: list.counts }
          : null,
      days: list.days,
    };
  });
}
