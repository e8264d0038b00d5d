import { cookies } from 'next/headers';
import Link from 'next/link';
import { CategoryChooser } from '@/components/home/CategoryChooser';
import { FollowedCategories } from '@/components/home/FollowedCategories';
import { DEMOS } from '@/lib/demos';
import { FOLLOW_COOKIE, parseFollowed } from '@/lib/papers/follow';
import { followedSummary, homeSummary } from '@/lib/papers/home';
import { decodeSegment } from '@/lib/papers/links';

export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

export default async function HomePage({ searchParams }: Props) {
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
            online, today&apos;s announcements: <code>npm run ingest -- rss cs.CL cs.LG</code> (the worker
            also does this on its schedule)
          </li>
          <li>
            a bulk history: <code>npm run ingest -- import arxiv-metadata-oai-snapshot.json</code>
          </li>
        </ul>
      </section>
    );
  }
  // A shared link (/?follow=cs.CL,cs.LG) shows its categories; otherwise this browser's own.
  const query = (await searchParams).follow;
  const cookie = (await cookies()).get(FOLLOW_COOKIE)?.value ?? '';
  const saved = parseFollowed(decodeSegment(cookie) ?? cookie);
  const shown = query === undefined ? saved : parseFollowed(query);
  const followed = followedSummary(shown);
  const shared = query !== undefined && !sameSet(shown, saved);
  return (
    <section className="space-y-6">
      <h1 className="text-2xl font-semibold">arXiv, {home.latestDay}</h1>
      {followed.length > 0 ? (
        <FollowedCategories categories={followed} shared={shared} />
      ) : (
        <p className="text-sm">
          Follow the categories you read to see their latest days here, each with its calendar and feed.
        </p>
      )}
      <CategoryChooser followed={followed.map((c) => c.code)} open={followed.length === 0} />
      <h2 className="text-lg font-semibold">Everything on {home.latestDay}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {home.totalPapers.toLocaleString('en')} papers in the database.
      </p>
      {home.archives.map((a) => (
        <section key={a.archive} className="archive">
          <h3 className="text-lg font-semibold">
            <Link href={`/arxiv/${a.archive}`} className="underline">
              {a.name}
            </Link>{' '}
            <span className="text-sm font-normal text-zinc-500">({a.count})</span>
          </h3>
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
    </section>
  );
}
