// What the home page shows: the latest day's counts per category, and recent days.
import { prisma } from '@/lib/db';

export interface HomeSummary {
  totalPapers: number;
  latestDay: string | null;
  categories: { category: string; count: number }[];
  recentDays: { date: string; count: number }[];
}

export async function homeSummary(): Promise<HomeSummary> {
  const db = prisma();
  const [totalPapers, latest] = await Promise.all([
    db.paper.count(),
    db.listing.findFirst({ orderBy: { date: 'desc' }, select: { date: true } }),
  ]);
  if (!latest) return { totalPapers, latestDay: null, categories: [], recentDays: [] };
  const [byCategory, byDay] = await Promise.all([
    db.listing.groupBy({ by: ['category'], where: { date: latest.date }, _count: { _all: true }, orderBy: { category: 'asc' } }),
    db.listing.groupBy({ by: ['date'], _count: { _all: true }, orderBy: { date: 'desc' }, take: 10 }),
  ]);
  return {
    totalPapers,
    latestDay: latest.date,
    categories: byCategory.map((c) => ({ category: c.category, count: c._count._all })),
    recentDays: byDay.map((d) => ({ date: d.date, count: d._count._all })),
  };
}
