// The reader's categories on the home page: each with its latest day, counts, recent days, a
// calendar of its days and its feed; one link to all of them merged into one list.
import Link from 'next/link';
import { Calendar } from '@/components/list/DayPage';
import { SECTIONS, type Section } from '@/lib/papers/day';
import { followPath } from '@/lib/papers/follow';
import type { FollowedCategory } from '@/lib/papers/home';
import { listPath } from '@/lib/papers/links';

const RECENT_DAYS = 5;
const SECTION_SHORT: Record<Section, string> = { new: 'new', cross: 'cross-lists', replace: 'replacements' };
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A button posting the list of categories to follow (works without JavaScript). */
function FollowButton({
  categories,
  label,
  className,
}: {
  categories: string[];
  label: string;
  className: string;
}) {
  return (
    <form method="post" action="/follow" className="inline">
      {categories.map((c) => (
        <input key={c} type="hidden" name="follow" value={c} />
      ))}
      {/* An empty list still posts a field, so "unfollow the last one" saves an empty list. */}
      {!categories.length && <input type="hidden" name="follow" value="" />}
      <button type="submit" className={`cursor-pointer ${className}`}>
        {label}
      </button>
    </form>
  );
}

function CategoryPanel({ category, others }: { category: FollowedCategory; others: string[] | null }) {
  const { code, name, latest, days } = category;
  return (
    <li
      className="followed space-y-1 rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800"
      data-category={code}
    >
      <h3 className="flex items-baseline gap-2 text-base font-semibold">
        {latest ? (
          <Link href={listPath(code)} className="underline">
            <span className="notranslate">{code}</span> {name}
          </Link>
        ) : (
          <span>
            <span className="notranslate">{code}</span> {name}
          </span>
        )}
        {others && (
          <span className="ml-auto font-normal">
            <FollowButton categories={others} label="Unfollow" className="text-xs text-zinc-500 underline" />
          </span>
        )}
      </h3>
      {latest ? (
        <>
          <p className="latest">
            <Link href={listPath(code, latest.date)} className="font-semibold underline">
              {latest.date}
            </Link>{' '}
            · {plural(latest.total, 'paper')}
            {SECTIONS.some((s) => latest.counts[s] && latest.counts[s] !== latest.total) &&
              ` (${SECTIONS.filter((s) => latest.counts[s])
                .map((s) => `${latest.counts[s]} ${SECTION_SHORT[s]}`)
                .join(', ')})`}
          </p>
          <p className="recent-days flex flex-wrap gap-x-3">
            {days
              .slice(-RECENT_DAYS)
              .reverse()
              .map((d) => (
                <span key={d.date}>
                  <Link href={listPath(code, d.date)} className="underline">
                    {d.date.slice(5)}
                  </Link>{' '}
                  <span className="text-zinc-500">({d.count})</span>
                </span>
              ))}
            <a href={`/arxiv/${code}/feed`} className="underline">
              Atom feed
            </a>
          </p>
          <Calendar specText={code} days={days} current={null} />
        </>
      ) : (
        <p className="text-zinc-500">No papers of this category in this site’s database yet.</p>
      )}
    </li>
  );
}

export function FollowedCategories({
  categories,
  shared,
}: {
  categories: FollowedCategory[];
  shared: boolean;
}) {
  const codes = categories.map((c) => c.code);
  const withPapers = categories.filter((c) => c.latest).map((c) => c.code);
  return (
    <section className="space-y-3" aria-labelledby="followed-heading">
      <h2 id="followed-heading" className="text-lg font-semibold">
        {shared ? 'Shared categories' : 'Your categories'}
      </h2>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        {withPapers.length > 1 && (
          <Link href={`/arxiv/${withPapers.join(',')}`} className="merged-view underline">
            All {withPapers.length} together ➚
          </Link>
        )}
        <a href={followPath(codes)} className="share-follow underline">
          Shareable link
        </a>
        {shared && (
          <FollowButton
            categories={codes}
            label="Follow these in this browser"
            className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700"
          />
        )}
      </div>
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {categories.map((c) => (
          <CategoryPanel
            key={c.code}
            category={c}
            others={shared ? null : codes.filter((o) => o !== c.code)}
          />
        ))}
      </ul>
    </section>
  );
}
