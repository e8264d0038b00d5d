import Link from 'next/link';
import { homeSummary } from '@/lib/papers/home';

export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const home = await homeSummary();
  if (home.totalPapers === 0) {
    return (
      <section className="space-y-3">
        <h1 className="text-2xl font-semibold">No papers yet</h1>
        <p>The database is empty. To get papers in:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            offline, from the sample data: <code>npm run seed:sample</code>
          </li>
          <li>
            online, today&apos;s announcements: <code>npm run ingest -- rss cs.CL cs.LG</code> (the worker also does this
            on its schedule)
          </li>
          <li>
            a bulk history: <code>npm run ingest -- import arxiv-metadata-oai-snapshot.json</code>
          </li>
        </ul>
      </section>
    );
  }
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">arXiv, {home.latestDay}</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{home.totalPapers.toLocaleString('en')} papers in the database.</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {home.categories.map((c) => (
          <li key={c.category}>
            <Link href={`/arxiv/${c.category}`} className="underline">
              {c.category}
            </Link>{' '}
            <span className="text-zinc-500">{c.count}</span>
          </li>
        ))}
      </ul>
      <h2 className="text-lg font-semibold">Recent days</h2>
      <ul className="flex flex-wrap gap-3 text-sm">
        {home.recentDays.map((d) => (
          <li key={d.date}>
            {d.date} <span className="text-zinc-500">({d.count})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
