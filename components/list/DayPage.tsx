// A day's list: header with dates and counts, collapsible sections, the first chunk of cards,
// and a "more" link for the rest (lazy-loaded by <DayScroll/>, a plain link without JS).
import Link from 'next/link';
import { PaperCardList } from '@/components/paper/PaperCard';
import { categoryName } from '@/lib/arxiv/taxonomy';
import { SECTION_TITLES, SECTIONS } from '@/lib/papers/day';
import { NEXT_CHUNK, type DayChunk } from '@/lib/papers/dayPage';
import { listPath } from '@/lib/papers/links';
import type { ListSpec } from '@/lib/papers/spec';
import { DayScroll } from './DayScroll';
import { ListFilter } from './ListFilter';

export function specTitle(spec: ListSpec, text: string): string {
  const only = spec.include.length === 1 && !spec.exclude.length ? categoryName(spec.include[0]!) : undefined;
  return only ? `${text}: ${only}` : text;
}

export function Calendar({
  specText,
  days,
  current,
}: {
  specText: string;
  days: DayChunk['days'];
  current: string | null;
}) {
  const months = new Map<string, typeof days>();
  for (const d of days) months.set(d.date.slice(0, 7), [...(months.get(d.date.slice(0, 7)) ?? []), d]);
  return (
    <details className="calendar text-sm">
      <summary className="cursor-pointer">Calendar</summary>
      {[...months].reverse().map(([month, inMonth]) => (
        <div key={month} className="mt-2">
          <h3 className="font-semibold">{month}</h3>
          <ul className="flex flex-wrap gap-2">
            {inMonth.map((d) => (
              <li key={d.date}>
                <Link
                  href={listPath(specText, d.date)}
                  aria-current={d.date === current ? 'date' : undefined}
                  className={d.date === current ? 'font-bold' : 'underline'}
                >
                  {d.date.slice(8)}
                </Link>{' '}
                <span className="text-zinc-500">({d.count})</span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </details>
  );
}

/**
 * Links to the sections: in-page when the section starts in this chunk; otherwise the chunk
 * where it starts (without JavaScript), which <DayScroll/> turns into loading up to it in place.
 */
function SectionLinks({ chunk, specText }: { chunk: DayChunk; specText: string }) {
  let start = 0;
  return SECTIONS.map((s) => {
    const first = start;
    start += chunk.counts[s];
    const label = `${SECTION_TITLES[s]} (${chunk.counts[s]})`;
    if (!chunk.counts[s])
      return (
        <span key={s} className="mr-3 text-zinc-500">
          {label}
        </span>
      );
    const query = new URLSearchParams({
      ...(chunk.date ? { date: chunk.date } : {}),
      skip: String(first),
      show: String(NEXT_CHUNK),
    });
    const onThisPage = first >= chunk.skip && first < chunk.skip + chunk.papers.length;
    const href = onThisPage ? `#section-${s}` : `/arxiv/${specText}?${query}#section-${s}`;
    return (
      <a
        key={s}
        href={href}
        className="mr-3 underline"
        data-section-link=""
        data-first={first + 1}
        data-count={chunk.counts[s]}
      >
        {label}
      </a>
    );
  });
}

export function DayPage({
  chunk,
  spec,
  specText,
  show,
}: {
  chunk: DayChunk;
  spec: ListSpec;
  specText: string;
  show: number;
}) {
  const { date, counts, total, skip, papers } = chunk;
  const nextSkip = skip + show;
  const moreHref = `/arxiv/${specText}?${new URLSearchParams({ ...(date ? { date } : {}), skip: String(nextSkip), show: String(NEXT_CHUNK) })}`;
  return (
    <section className="space-y-4" data-search-scope={spec.include.join(',')}>
      <header className="space-y-2">
        <h1 className="text-2xl font-semibold">
          {specTitle(spec, specText)} <span className="text-zinc-500">{date ?? ''}</span>
        </h1>
        <nav aria-label="Days" className="flex flex-wrap items-center gap-4 text-sm">
          {chunk.prev ? (
            <Link href={listPath(specText, chunk.prev)} rel="prev" className="prev-day underline">
              ← {chunk.prev}
            </Link>
          ) : null}
          {chunk.next ? (
            <Link href={listPath(specText, chunk.next)} rel="next" className="next-day underline">
              {chunk.next} →
            </Link>
          ) : null}
          <a href={`/arxiv/${specText}/feed`} className="underline">
            Atom feed
          </a>
        </nav>
        <p className="counts text-sm">
          {total} papers: <SectionLinks chunk={chunk} specText={specText} />
        </p>
        <Calendar specText={specText} days={chunk.days} current={date} />
      </header>
      {/* Outside the header, so it can stay on screen while open (see ListFilter); one per list shown. */}
      <ListFilter key={`${specText} ${date}`} />
      {total === 0 ? (
        <p>
          No papers for {specText} on {date ?? 'any day'}.
        </p>
      ) : (
        <div id="day-list" data-total={total}>
          {SECTIONS.map((s) => {
            const inSection = papers.filter((p) => p.section === s);
            if (!inSection.length) return null;
            return (
              <details key={s} open data-section={s} id={`section-${s}`}>
                <summary className="cursor-pointer py-2 text-lg font-semibold">
                  {SECTION_TITLES[s]} ({counts[s]})
                </summary>
                <PaperCardList papers={inSection} total={total} />
              </details>
            );
          })}
          {nextSkip < total && (
            <div data-more className="py-4 text-center">
              <a className="more underline" href={moreHref}>
                Show more ({total - nextSkip} left)
              </a>
            </div>
          )}
        </div>
      )}
      <DayScroll total={total} />
    </section>
  );
}
