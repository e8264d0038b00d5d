import Link from 'next/link';
import { DEMOS } from '@/lib/demos';
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
      {home.archives.map((a) => (
        <section key={a.archive} className="archive">
          <h2 className="text-lg font-semibold">
            <Link href={`/arxiv/${a.archive}`} className="underline">
              {a.name}
            </Link>{' '}
            <span className="text-sm font-normal text-zinc-500">({a.count})</span>
          </h2>
          <ul className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
            {a.categories.map((c) => (
              <li key={c.category}>
                <Link href={`/arxiv/${c.category}`} className="underline">
                  <span className="notranslate">{c.category}</span>
                  {c.name ? ` ${c.name}` : ''}
                </Link>{' '}
                <span className="text-zinc-500">{c.count}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <h2 className="text-lg font-semibold">Interactive demos</h2>
      <ul className="space-y-1 text-sm">
        {DEMOS.map((d) => (
          <li key={d.href}>
            <a href={d.href} className="underline">
              {d.title}
            </a>
            : {d.description}
          </li>
        ))}
      </ul>
      <h2 className="text-lg font-semibold">Recent days</h2>
      <ul className="flex flex-wrap gap-3 text-sm">
        {home.recentDays.map((d) => (
          <li key={d.date}>
            <Link href={`/arxiv/${home.archives[0]?.archive ?? 'cs'}?date=${d.date}`} className="underline">
              {d.date}
            </Link>{' '}
            <span className="text-zinc-500">({d.count})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
